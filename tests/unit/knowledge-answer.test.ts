import { describe, expect, it } from 'vitest';
import {
  answerFromKnowledge,
  type FaqEntry,
  type Knowledge,
  type KnowledgeAnswer,
  MIN_CONFIDENCE,
  type NoAnswer,
} from '../../functions/core/knowledge/answer';
import { DEMO_FAQ, DEMO_PRODUCTS } from '../../local/seed/demo-store';

const demo: Knowledge = { faq: DEMO_FAQ, products: DEMO_PRODUCTS };

const sourceOf = (result: KnowledgeAnswer | NoAnswer) =>
  'none' in result
    ? 'none'
    : `${result.source.kind}:${result.source.id}${result.source.kind === 'product' ? `:${result.source.field}` : ''}`;

const ask = (language: string, question: string, knowledge = demo) =>
  sourceOf(answerFromKnowledge(question, language, knowledge));

describe('answerFromKnowledge on the demo store', () => {
  it.each([
    ['en', 'How long does shipping take?'],
    ['es', '¿Cuánto tarda el envío?'],
    ['fr', 'Combien de temps prend la livraison ?'],
    ['de', 'Wie lange dauert der Versand?'],
    ['ru', 'Сколько идет доставка?'],
    ['ar', 'كم يستغرق الشحن؟'],
    ['zh', '发货要多久？'],
    ['ja', '配送にはどのくらいかかりますか？'],
    ['ko', '배송은 얼마나 걸려요?'],
    ['th', 'จัดส่งกี่วัน'],
    ['vi', 'Giao hàng mất bao lâu?'],
  ])('answers a %s question about delivery times from the shipping FAQ', (language, question) => {
    expect(ask(language, question)).toBe('faq:shipping-times');
  });

  it.each([
    ['en', 'Can I return an item?'],
    ['es', '¿Puedo devolver un artículo?'],
    ['de', 'Kann ich die Jacke zurückgeben?'],
    ['it', 'Posso fare un reso?'],
    ['pt', 'Posso fazer devolução?'],
    ['nl', 'Kan ik retourneren?'],
    ['pl', 'Czy mogę zwrócić towar?'],
    ['tr', 'İade edebilir miyim?'],
    ['id', 'Bisa pengembalian barang?'],
    ['zh', '可以退货吗'],
    ['ja', '返品できますか？'],
    ['ko', '반품 가능한가요?'],
  ])('answers a %s question about returns from the returns FAQ', (language, question) => {
    expect(ask(language, question)).toBe('faq:returns-window');
  });

  it('returns the FAQ text, its source and a confidence at or above the threshold', () => {
    const result = answerFromKnowledge('¿Puedo devolver un artículo?', 'es', demo);
    expect(result).toMatchObject({
      answer: 'Unworn items can be returned within 30 days of delivery.',
      source: { kind: 'faq', id: 'returns-window', title: 'returns' },
      language: 'en',
    });
    expect('score' in result && result.score).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
  });

  it.each([
    ['en', 'How do I wash the rain jacket?'],
    ['fr', 'Comment laver la veste ?'],
    ['zh', '夹克怎么洗？'],
    ['ja', 'ジャケットの洗濯方法は？'],
  ])('answers a %s care question from the jacket product data', (language, question) => {
    expect(answerFromKnowledge(question, language, demo)).toMatchObject({
      answer: 'Machine wash cold; hang dry.',
      source: { kind: 'product', id: 'JKT-M-NVY', title: 'Rain jacket', field: 'care' },
    });
  });

  it('answers about the product whose SKU the question names or the conversation is about', () => {
    expect(answerFromKnowledge('How do I wash JKT-M-NVY?', 'en', demo)).toMatchObject({
      answer: 'Machine wash cold; hang dry.',
      source: { kind: 'product', id: 'JKT-M-NVY', field: 'care' },
    });
    expect(answerFromKnowledge('How do I wash RUN-42-BLK?', 'en', demo)).toMatchObject({
      answer: 'Wipe clean; do not machine wash.',
      source: { kind: 'product', id: 'RUN-42-BLK', field: 'care' },
    });
    const about = (sku: string) => sourceOf(answerFromKnowledge('How do I wash it?', 'en', demo, { sku }));
    expect(about('JKT-M-NVY')).toBe('product:JKT-M-NVY:care');
    expect(about('RUN-42-BLK')).toBe('product:RUN-42-BLK:care');
    expect(sourceOf(answerFromKnowledge('Can I wash run-42-blk?', 'en', demo, { sku: 'JKT-M-NVY' }))).toBe(
      'product:RUN-42-BLK:care',
    );
  });

  it('answers a warranty question about the earbuds from their product data, with the months as a fact', () => {
    for (const [language, question] of [
      ['en', 'What warranty do the earbuds have?'],
      ['de', 'Wie lange ist die Garantie auf die Kopfhörer?'],
      ['zh', '耳机保修多久？'],
    ] as const) {
      expect(answerFromKnowledge(question, language, demo), question).toMatchObject({
        source: { kind: 'product', id: 'EARB-WHT', field: 'warranty' },
        facts: { months: 12 },
      });
    }
    expect(ask('en', 'Is there a warranty?')).toBe('faq:warranty');
  });

  it('applies a category policy to the products of that category only', () => {
    expect(ask('en', 'My earbuds are broken, what can I do?')).toBe('faq:warranty');
    expect(ask('en', 'Is there a warranty on the jacket?')).toBe('none');
  });

  it('leaves product data out of a policy question that names no product', () => {
    const policy = answerFromKnowledge('How do I wash it?', 'en', demo, { intent: 'policy_question' });
    expect(policy).toMatchObject({ none: 'low_confidence' });
    expect(ask('en', 'How do I wash it?')).not.toBe('none');
  });

  it.each([
    ['en', 'What is the capital of France?'],
    ['es', '¿Cuál es la capital de Francia?'],
    ['zh', '今天天气怎么样？'],
    ['en', 'Can I pay with PayPal?'],
    ['en', 'What are your business hours?'],
    ['en', 'How long?'],
    ['ja', '今日は何日ですか'],
  ])('does not answer the unrelated %s question "%s"', (language, question) => {
    expect(answerFromKnowledge(question, language, demo)).toMatchObject({ none: 'low_confidence' });
  });

  it('does not answer an aspect the store has no data for, even about a known product', () => {
    expect(ask('en', 'How do I wash the earbuds?')).toBe('none');
    expect(ask('en', 'What is the jacket made of?')).toBe('none');
    expect(ask('es', '¿Cuánto cuesta el envío?')).toBe('none');
  });

  it('does not answer "do you ship to Canada?" from delivery times, though both are about shipping', () => {
    const result = answerFromKnowledge('Do you ship to Canada?', 'en', demo);
    expect(result).toMatchObject({ none: 'low_confidence' });
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(MIN_CONFIDENCE);
  });

  it('answers nothing from an empty knowledge base', () => {
    expect(answerFromKnowledge('Can I return it?', 'en', { faq: [], products: [] })).toEqual({
      none: 'low_confidence',
      score: 0,
    });
  });
});

describe('answerFromKnowledge on a richer store', () => {
  const faq: FaqEntry[] = [
    {
      id: 'gift-wrap',
      question: 'Do you offer gift wrapping?',
      answer: 'Yes, gift wrapping is available at checkout for 3 EUR.',
      tags: ['gift', 'wrapping'],
    },
    {
      id: 'returns',
      question: 'How do I return an item?',
      answer: 'Start a return in the chat within 30 days.',
      language: 'en',
    },
    {
      id: 'returns',
      question: '¿Cómo devuelvo un artículo?',
      answer: 'Inicia una devolución en el chat en un plazo de 30 días.',
      language: 'es',
    },
    { id: 'customs', question: '关税由谁支付？', answer: '关税已包含在价格中，您无需另付。', language: 'zh' },
  ];
  const rich: Knowledge = {
    faq,
    products: [
      {
        sku: 'TEE-L-WHT',
        name: 'Organic tee',
        category: 'clothing',
        materials: '100% organic cotton, 180 g/m².',
        care: 'Wash at 30 °C inside out.',
      },
    ],
  };

  it('matches a store-specific FAQ by its own words when no concept covers them', () => {
    expect(ask('en', 'Can you gift wrap my order?', rich)).toBe('faq:gift-wrap');
  });

  it("answers from the FAQ entry in the shopper's language when the store has one", () => {
    expect(answerFromKnowledge('Quiero devolver mis zapatillas', 'es', rich)).toMatchObject({
      answer: 'Inicia una devolución en el chat en un plazo de 30 días.',
      language: 'es',
    });
    expect(answerFromKnowledge('How can I return my shoes?', 'en', rich)).toMatchObject({
      answer: 'Start a return in the chat within 30 days.',
      language: 'en',
    });
  });

  it('matches a Chinese FAQ entry by character bigrams', () => {
    expect(ask('zh', '请问关税由谁付？', rich)).toBe('faq:customs');
    expect(ask('zh', '价格包含关税吗？', rich)).toBe('faq:customs');
    expect(ask('zh', '请问你们几点开门？', rich)).toBe('none');
  });

  it('answers a material question in Korean from the product data', () => {
    expect(answerFromKnowledge('티셔츠 소재가 뭐예요?', 'ko', rich)).toMatchObject({
      answer: '100% organic cotton, 180 g/m².',
      source: { kind: 'product', id: 'TEE-L-WHT', field: 'materials' },
    });
  });
});
