import { describe, expect, it } from 'vitest';
import {
  answerFromKnowledge,
  type FaqEntry,
  type Knowledge,
  MIN_CONFIDENCE,
  productsBySubject,
} from '../../functions/core/knowledge/answer';
import { demoKnowledge, sourceOf } from '../support/demo-knowledge';

const demo = demoKnowledge;

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
    ['de', 'Wie lange habe ich Zeit, etwas zurückzugeben?'],
    ['de', 'Bis wann muss ich die Jacke zurückzuschicken?'],
    ['nl', 'Hoe lang heb ik om iets terug te sturen?'],
    ['nl', 'Hoeveel dagen heb ik om het terug te geven?'],
  ])('answers a %s question about returns from the returns FAQ', (language, question) => {
    expect(ask(language, question)).toBe('faq:returns-window');
  });

  it('returns the FAQ text, its source and a confidence at or above the threshold', () => {
    const result = answerFromKnowledge('Posso fare un reso?', 'it', demo);
    expect(result).toMatchObject({
      answer: 'Unworn items can be returned within 30 days of delivery.',
      source: { kind: 'faq', id: 'returns-window', title: 'returns' },
      language: 'en',
    });
    expect('score' in result && result.score).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
  });

  it.each([
    ['es', '¿Puedo devolver un artículo?', 'Los artículos sin usar', 'Devoluciones'],
    ['fr', 'Combien de temps prend la livraison ?', 'la livraison prend 5-12 jours', 'Livraison'],
    ['de', 'Wie lange habe ich Zeit, etwas zurückzugeben?', 'innerhalb von 30 Tagen', 'Rückgabe'],
  ])(
    "answers a %s question from the seller's own translation of the FAQ",
    (language, question, text, title) => {
      const result = answerFromKnowledge(question, language, demo);
      expect(result).toMatchObject({ source: { kind: 'faq', title }, language });
      expect('answer' in result && result.answer).toContain(text);
    },
  );

  it('reads "how much time" as a duration, not a price', () => {
    expect(ask('en', 'How much time do I have to return an item?')).toBe('faq:returns-window');
    expect(ask('de', 'Wie viel Zeit habe ich für die Rückgabe?')).toBe('faq:returns-window');
    expect(ask('nl', 'Hoeveel tijd heb ik om iets te retourneren?')).toBe('faq:returns-window');
  });

  it('still turns away a question the translated FAQ does not answer', () => {
    expect(ask('de', 'Liefern Sie nach Kanada?')).toBe('none');
    expect(ask('fr', 'Livrez-vous au Canada ?')).toBe('none');
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

describe('productsBySubject', () => {
  const names = (text: string) => productsBySubject(text, demo.products).map((product) => product.name);

  it.each([
    ['fr', 'quelle taille pour la veste de pluie ?'],
    ['pl', 'jaki rozmiar kurtki przeciwdeszczowej?'],
    ['ko', '레인 재킷 사이즈 추천해 주세요'],
    ['de', 'welche Größe für die Regenjacke?'],
    ['ja', 'レインコートのサイズは？'],
  ])('finds the rain jacket named in %s', (_language, text) => {
    expect(names(text)).toEqual(['Rain jacket']);
  });

  it('finds the trail runner from a word for shoes and nothing from a text naming no kind of product', () => {
    expect(names('¿qué talla de zapatillas me recomiendas?')).toEqual(['Trail runner']);
    expect(names('which size should I take?')).toEqual([]);
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
