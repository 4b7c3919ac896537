import { describe, expect, it } from 'vitest';
import { answerFromKnowledge, catalogueIndex, type Knowledge } from '../../functions/core/knowledge/answer';
import { DEMO_FAQ, DEMO_PRODUCTS } from '../../local/seed/demo-store';
import { sourceOf } from '../support/demo-knowledge';
import { syntheticFaq, syntheticProducts } from '../support/synthetic-catalogue';

// The demo store's own entries inside a catalogue of 10,000 products and 1,000 FAQ entries.
const products = [...DEMO_PRODUCTS, ...syntheticProducts(10_000)];
const faq = [...DEMO_FAQ, ...syntheticFaq(1_000)];
const large: Knowledge = { faq, products, version: 'v1' };

describe('knowledge over a catalogue of 10,000 products and 1,000 FAQ entries', () => {
  it('answers a product question named by SKU from that product', () => {
    expect(sourceOf(answerFromKnowledge('How do I wash P-04242?', 'en', large))).toBe('product:P-04242:care');
  });

  it('answers an FAQ question from the one entry about that country', () => {
    const answer = answerFromKnowledge('Do I pay customs duties in Japan?', 'en', large);
    expect('none' in answer ? undefined : answer.answer).toMatch(/^Import duties for Japan/);
  });

  it("answers in the shopper's language from the store's translation", () => {
    const answer = answerFromKnowledge('Combien de temps prend la livraison ?', 'fr', large);
    expect(sourceOf(answer)).toBe('faq:shipping-times');
    expect('none' in answer ? undefined : answer.language).toBe('fr');
  });

  it('keeps a named product in play for a policy question', () => {
    const answer = answerFromKnowledge('How should I wash my rain jacket?', 'en', large, {
      intent: 'product_question',
    });
    expect(sourceOf(answer)).toBe('product:JKT-M-NVY:care');
  });

  it('still says it does not know rather than pick one of thousands of sources', () => {
    expect(sourceOf(answerFromKnowledge('What is the capital of France?', 'en', large))).toBe('none');
  });

  it('builds the index once per catalogue version, not per question', () => {
    const first = catalogueIndex(large);
    answerFromKnowledge('How do I wash P-00001?', 'en', large);
    // The same version read again into new arrays (another warm read) reuses the index.
    expect(catalogueIndex({ faq: [...faq], products: [...products], version: 'v1' })).toBe(first);
    expect(catalogueIndex({ ...large, version: 'v2' })).not.toBe(first);
  });

  it('without a version, keeps the index for as long as the same arrays are passed', () => {
    const small: Knowledge = { faq: DEMO_FAQ, products: DEMO_PRODUCTS };
    expect(catalogueIndex(small)).toBe(catalogueIndex({ faq: DEMO_FAQ, products: DEMO_PRODUCTS }));
    expect(catalogueIndex({ faq: [...DEMO_FAQ], products: DEMO_PRODUCTS })).not.toBe(catalogueIndex(small));
  });

  it('sees a product changed under a new version', () => {
    const changed = products.map((product) =>
      product.sku === 'P-04242' ? { ...product, care: 'Dry clean only.' } : product,
    );
    const answer = answerFromKnowledge('How do I wash P-04242?', 'en', {
      faq,
      products: changed,
      version: 'v3',
    });
    expect('none' in answer ? undefined : answer.answer).toBe('Dry clean only.');
  });
});
