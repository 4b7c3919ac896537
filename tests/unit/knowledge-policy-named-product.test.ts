import { describe, expect, it } from 'vitest';
import { answerFromKnowledge, productsBySubject } from '../../functions/core/knowledge/answer';
import { DEMO_FAQ, DEMO_PRODUCTS } from '../../local/seed/demo-store';

const knowledge = { faq: DEMO_FAQ, products: DEMO_PRODUCTS };

describe('a policy question that names a product by what it is', () => {
  it("answers the earbuds' warranty from the product in Polish and Vietnamese", () => {
    for (const [question, language] of [
      ['Jaką gwarancję mają słuchawki bezprzewodowe?', 'pl'],
      ['Tai nghe không dây được bảo hành bao lâu?', 'vi'],
    ] as const) {
      const found = answerFromKnowledge(question, language, knowledge, { intent: 'policy_question' });
      expect(found).toMatchObject({ facts: { months: 12 }, source: { kind: 'product', id: 'EARB-WHT' } });
    }
  });

  it('still has no answer for a warranty the named product does not carry', () => {
    const found = answerFromKnowledge('How long is the warranty on the rain jacket?', 'en', knowledge, {
      intent: 'policy_question',
    });
    expect(found).toMatchObject({ none: 'low_confidence' });
  });

  it('keeps store-wide policies for policy questions that name no product', () => {
    const found = answerFromKnowledge('Сколько обычно идёт доставка?', 'ru', knowledge, {
      intent: 'policy_question',
    });
    expect(found).toMatchObject({ source: { kind: 'faq', id: 'shipping-times' } });
  });
});

describe('a question in a language the store does not write in, naming only a product', () => {
  it('has no answer when nothing but the product matches, rather than any fact about it', () => {
    for (const [question, language] of [
      ['Czy te słuchawki bezprzewodowe są wodoodporne?', 'pl'],
      ['Apakah jaket hujannya tahan angin?', 'id'],
    ] as const) {
      expect(answerFromKnowledge(question, language, knowledge)).toMatchObject({ none: 'low_confidence' });
    }
  });
});

describe('rain jacket names in Vietnamese and inflected Turkish', () => {
  it('finds the rain jacket from "áo mưa" and "yağmurluğu"', () => {
    for (const text of ['áo mưa nên lấy size nào?', 'Yağmurluğu makinede yıkayabilir miyim?']) {
      expect(productsBySubject(text, DEMO_PRODUCTS).map((product) => product.sku)).toEqual(['JKT-M-NVY']);
    }
  });
});
