import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../functions/core/nlu/languages';
import {
  afterSalesReply,
  fixedReply,
  formatMoney,
  returnStateText,
  returnWhyText,
} from '../../functions/core/nlu/templates';
import { converser } from '../support/converse';

const converse = converser('0001');

describe('embedded model after-sales conversations', () => {
  it('opens a return in English and says what happens next', async () => {
    const { last, store } = await converse('c-sam', ['I want to return my order A1006']);
    expect(last.intent).toBe('return_request');
    expect(last.toolCalls).toEqual([{ name: 'start_return', status: 'success' }]);
    expect(last.text).toMatch(/I've opened return R-A1006-\w+ for Desk lamp/);
    expect(last.text).toContain('$45.00');
    expect(store.rmas.size).toBe(1);
  });

  it('asks which of two orders, then opens the return in Spanish', async () => {
    const { turns, store } = await converse('c-sam', ['Quiero devolver mi pedido', 'A1006']);
    expect(turns[0]?.text).toContain('A1006');
    expect(turns[0]?.text).toContain('A1007');
    expect(turns[0]?.text).not.toBe(fixedReply('es', 'askOrderNumber'));
    expect(turns[0]?.toolCalls).toEqual([{ name: 'list_my_orders', status: 'success' }]);
    expect(turns[1]?.text).toContain('He abierto la devolución');
    expect(turns[1]?.language).toBe('es');
    expect(store.rmas.size).toBe(1);
  });

  it('proposes a cancellation with its summary and cancels only after the yes', async () => {
    const { turns, store } = await converse('c-sam', ['Please cancel my order A1007', 'yes']);
    expect(turns[0]?.toolCalls).toEqual([{ name: 'cancel_order', status: 'success' }]);
    expect(turns[0]?.text).toContain('Shall I cancel order A1007');
    expect(turns[0]?.text).toContain('$57.00');
    expect(turns[0]?.text).not.toContain('is cancelled');
    expect(turns[1]?.intent).toBe('cancel_order');
    expect(turns[1]?.text).toContain('Order A1007 is cancelled');
    expect(turns[1]?.text).toContain('$57.00');
    await expect(store.deps.orders.getOrder('A1007')).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('refuses to cancel a shipped order and offers a return instead', async () => {
    const { last } = await converse('c-ana', ['I want to cancel order A1001']);
    expect(last.text).toContain('has already shipped');
  });

  it('gives size advice from a foot length in cm', async () => {
    const { last } = await converse('c-ana', [
      'Which size of the trail runner should I take? My foot is 26.5 cm',
    ]);
    expect(last.intent).toBe('size_advice');
    expect(last.text).toContain('I recommend size EU 42');
  });

  it('asks for measurements, then advises from feet and pounds', async () => {
    const { turns } = await converse('c-jonas', [
      'What size rain jacket should I order?',
      "I'm 5 ft 10, 165 lb",
    ]);
    expect(turns[0]?.text).toContain('height and weight');
    expect(turns[1]?.text).toContain('I recommend size M');
  });

  it('answers a policy question from the FAQ with its source', async () => {
    const { last } = await converse('c-ana', ['How long does shipping take?']);
    expect(last.toolCalls[0]).toEqual({ name: 'answer_question', status: 'success' });
    expect(last.text).toContain('Orders ship within 2 business days');
    expect(last.text).toContain('Source:');
  });

  it('routes a complaint to the team that owns it and queues a person', async () => {
    const { last, store } = await converse('c-ana', [
      'I want to complain, your website keeps crashing at checkout and nobody helps',
    ]);
    // Ana has one order: it is looked up and named on the case, not asked for.
    expect(last.toolCalls).toEqual([
      { name: 'list_my_orders', status: 'success' },
      { name: 'open_claim', status: 'success' },
    ]);
    expect(last.text).toMatch(/case C-\w+/);
    expect(store.claims[0]).toMatchObject({
      kind: 'complaint',
      orderId: 'A1001',
      owner: { id: 'ecommerce-web' },
    });
    expect(store.handoffs[0]).toMatchObject({ priority: 'high' });
  });

  it('says it cannot find another customer’s order and reveals nothing', async () => {
    const { last, store } = await converse('c-ana', ['I want to return order A1006']);
    expect(last.text).toContain("I couldn't find that order on your account");
    expect(last.text).not.toContain('Desk lamp');
    expect(store.rmas.size).toBe(0);
  });
});

describe('every after-sales intent reaches its tool and a templated answer', () => {
  const RETURNS: Array<[string, string]> = [
    ['en', 'I want to return my order A1006'],
    ['fr', 'Je veux retourner ma commande A1006'],
    ['de', 'Ich möchte meine Bestellung A1006 zurückgeben'],
    ['it', 'Vorrei restituire il mio ordine A1006'],
    ['pt', 'Quero devolver meu pedido A1006'],
    ['nl', 'Ik wil mijn bestelling A1006 retourneren'],
    ['pl', 'Chcę zwrócić zamówienie A1006'],
    ['ru', 'Хочу вернуть заказ A1006'],
    ['tr', 'A1006 siparişimi iade etmek istiyorum'],
    ['ar', 'أريد إرجاع طلبي A1006'],
    ['zh', '我想退货，订单A1006'],
    ['ja', '注文A1006を返品したいです'],
    ['ko', '주문 A1006 반품하고 싶어요'],
    ['id', 'Saya mau mengembalikan pesanan A1006'],
    ['th', 'ฉันต้องการคืนสินค้า คำสั่งซื้อ A1006'],
  ];
  for (const [lang, text] of RETURNS) {
    it(`opens a return in ${lang}`, async () => {
      const { last, store } = await converse('c-sam', [text]);
      expect({ lang: last.language, intent: last.intent }).toEqual({ lang, intent: 'return_request' });
      const [rma] = [...store.rmas.values()];
      expect(last.text).toContain(rma?.rmaId);
      expect(last.text).toContain('Desk lamp');
      if (lang !== 'en') expect(last.text).not.toContain("I've opened");
    });
  }

  const OTHERS: Array<[string, string, string, string | RegExp]> = [
    ['c-sam', 'Where is my refund for A1006?', 'get_return_status', "I can't find a return for order A1006"],
    ['c-sam', 'I want to exchange A1006 for another one', 'start_return', /I've opened exchange R-A1006-/],
    [
      'c-sam',
      'Can I change the delivery address of A1007?',
      'change_order',
      'change the delivery address of order A1007',
    ],
    ['c-sofia', 'My parcel A1003 is stuck at customs', 'open_claim', /case C-\w+/],
    ['c-sam', 'The lamp from A1006 arrived broken', 'open_claim', 'send a photo'],
    ['c-sam', 'I received the wrong item in A1006', 'open_claim', 'send a photo'],
    ['c-ana', 'I was charged twice for my order', 'open_claim', 'never send card numbers'],
  ];
  for (const [customer, text, tool, expected] of OTHERS) {
    it(`answers "${text}" through ${tool}`, async () => {
      const { last } = await converse(customer, [text]);
      // Without an order number, the shopper's orders are looked up first.
      expect(last.toolCalls.filter((call) => call.name !== 'list_my_orders')[0]).toEqual({
        name: tool,
        status: 'success',
      });
      if (typeof expected === 'string') expect(last.text).toContain(expected);
      else expect(last.text).toMatch(expected);
    });
  }

  const OTHER_LANGUAGES: Array<[string, string, string, string]> = [
    [
      'c-ana',
      '¿Qué talla de zapatillas me recomiendas? Mi pie mide 26,5 cm',
      'es',
      'te recomiendo la talla EU 42',
    ],
    [
      'c-jonas',
      'Welche Größe soll ich nehmen? Ich bin 180 cm groß und wiege 75 kg',
      'de',
      'empfehle ich Ihnen Größe M',
    ],
    ['c-sam', 'Annulez ma commande A1007', 'fr', 'Dois-je annuler la commande A1007'],
    [
      'c-ana',
      'Je veux me plaindre, votre site plante sans arrêt',
      'fr',
      "J'en suis désolé. J'ai ouvert le dossier C-",
    ],
  ];
  for (const [customer, text, lang, expected] of OTHER_LANGUAGES) {
    it(`answers "${text}" in ${lang}`, async () => {
      const { last } = await converse(customer, [text]);
      expect(last.language).toBe(lang);
      expect(last.text).toContain(expected);
    });
  }

  it('gets a person rather than guessing when the store has no answer', async () => {
    const { last, store } = await converse('c-ana', ['Do you ship to Canada?']);
    expect(last.toolCalls.map((call) => call.name)).toEqual(['answer_question', 'request_human']);
    expect(last.text).toBe(afterSalesReply('en', 'noAnswer'));
    expect(store.handoffs[0]).toMatchObject({ reason: 'low_confidence' });
  });

  it("quotes the seller's translation of an FAQ answer in the shopper's language, without a note", async () => {
    const { last } = await converse('c-ana', ['Combien de temps prend la livraison ?']);
    expect(last.language).toBe('fr');
    expect(last.text).toBe(
      'Les commandes partent sous 2 jours ouvrés ; la livraison prend 5-12 jours.\nSource : Livraison',
    );
  });

  it("falls back to the store's language with a note when the FAQ has no translation", async () => {
    const { last } = await converse('c-ana', ['Qual è la vostra politica di reso?']);
    expect(last.language).toBe('it');
    expect(last.text.split('\n')).toEqual([
      afterSalesReply('it', 'knowledgeOtherLanguage', { language: 'English' }),
      'Unworn items can be returned within 30 days of delivery.',
      afterSalesReply('it', 'knowledgeSource', { source: 'returns' }),
    ]);
  });

  it('turns a change of a delivered item into an exchange instead of saying it already shipped', async () => {
    const { last, store } = await converse('c-sam', ['Quiero cambiar el pedido A1006']);
    expect(last.toolCalls).toEqual([
      { name: 'change_order', status: 'success' },
      { name: 'start_return', status: 'success' },
    ]);
    expect(last.text).toMatch(/He abierto el cambio R-A1006-\w+ para Desk lamp/);
    expect(last.text).not.toContain(afterSalesReply('es', 'changeShipped', { orderId: 'A1006' }));
    expect([...store.rmas.values()]).toMatchObject([{ kind: 'exchange', orderId: 'A1006' }]);
  });

  it('leaves an address change on a delivered order to a person and opens no exchange', async () => {
    const { last, store } = await converse('c-sam', ['Quiero cambiar la dirección del pedido A1006']);
    expect(last.toolCalls).toEqual([{ name: 'change_order', status: 'success' }]);
    expect(last.text).toBe(afterSalesReply('es', 'changeNotPossible', { orderId: 'A1006' }));
    expect(store.rmas.size).toBe(0);
  });

  it('asks the team for the size the shopper wants, not the one they are leaving', async () => {
    const { turns, store } = await converse('c-sam', [
      "Vorrei cambiare la taglia dell'ordine A1007 da L a M",
      'sì',
    ]);
    expect(turns[0]?.intent).toBe('change_order');
    expect(turns[0]?.text).toContain('in M?');
    expect(turns[1]?.text).toMatch(/T-\w+/);
    expect(store.claims[0]).toMatchObject({
      kind: 'order_change',
      orderId: 'A1007',
      change: { kind: 'size', to: 'M' },
    });
  });

  it.each([
    ['fr', 'c-ana', 'Je mesure 165 cm pour 58 kg, quelle taille pour la veste de pluie ?', 'S'],
    ['pl', 'c-ana', 'Mam 185 cm wzrostu i ważę 85 kg, jaki rozmiar kurtki przeciwdeszczowej?', 'L'],
    ['ko', 'c-minjun', '키 175cm 몸무게 70kg인데 레인 재킷 사이즈 추천해 주세요', 'M'],
    ['ja', 'c-mei', '身長5フィート9インチ、体重150ポンドです。Rain jacketのサイズは？', 'M'],
  ])('advises on the rain jacket named in %s', async (lang, customer, text, size) => {
    const { last } = await converse(customer, [text]);
    expect(last.language).toBe(lang);
    expect(
      last.text.startsWith(afterSalesReply(lang as never, 'sizeAdvice', { product: 'Rain jacket', size })),
    ).toBe(true);
  });

  it.each([
    [
      'es',
      'c-ana',
      '¿Tienen la talla 44 en las Trail runner?',
      'no está disponible en la talla 44',
      'EU 41, EU 42, EU 43',
    ],
    [
      'en',
      'c-sam',
      'Do you have the trail runner in size 44?',
      "doesn't come in size 44",
      'EU 41, EU 42, EU 43',
    ],
    ['de', 'c-jonas', 'Gibt es die Regenjacke in Größe XL?', 'nicht in Größe XL', 'S, M, L'],
  ])(
    'says from the chart that a size is not made, and which are, in %s',
    async (lang, customer, text, says, sizes) => {
      const { last } = await converse(customer, [text]);
      expect(last.language).toBe(lang);
      expect(last.text).toContain(says);
      expect(last.text).toContain(sizes);
    },
  );

  it('confirms a size the chart offers before advising on the fit', async () => {
    const { last } = await converse('c-sam', ['Do you have the trail runner in size 42? My foot is 26.5 cm']);
    expect(last.text).toMatch(
      /^Yes, the Trail runner comes in size 42\. For the Trail runner, I recommend size EU 42\./,
    );
  });

  it('gives the reason for the size in one sentence, with the measurements it was read from', async () => {
    const english = await converse('c-sam', ["I'm 180 cm and 80 kg, what size Rain jacket should I take?"]);
    expect(english.last.text).toMatch(
      /^For the Rain jacket, I recommend size [A-Z]+\. Your measurements \(180 cm, 80 kg\) [^.]+\.$/,
    );
    const german = await converse('c-jonas', [
      'Ich bin 1,72 m groß und wiege 68,5 kg. Welche Größe bei der Regenjacke?',
    ]);
    expect(german.last.language).toBe('de');
    expect(german.last.text).toContain('Ihre Maße (172 cm, 68,5 kg)');
    expect(german.last.text).toContain('Größentabelle');
  });
});

describe('after-sales reply templates', () => {
  it('have every sentence in all 17 languages, different from English', () => {
    const kinds = [
      'returnOpened',
      'exchangeOpened',
      'returnNeedsPerson',
      'returnRefused',
      'cancelled',
      'cancelShipped',
      'changeRequested',
      'sizeAdvice',
      'sizeAskBody',
      'claimOpened',
      'noAnswer',
    ] as const;
    for (const lang of SUPPORTED_LANGUAGES) {
      for (const kind of kinds) {
        const text = afterSalesReply(lang, kind, { orderId: 'A1006' });
        expect(text.length).toBeGreaterThan(10);
        if (lang !== 'en')
          expect({
            lang,
            kind,
            same: text === afterSalesReply('en', kind, { orderId: 'A1006' }),
          }).toMatchObject({ same: false });
      }
      expect(returnWhyText(lang, 'outside_window', { lastDay: 'X' })).toContain('X');
      expect(returnStateText(lang, 'refunded').length).toBeGreaterThan(2);
    }
  });

  it('write amounts decided in minor units the shopper’s way', () => {
    expect(formatMoney('en', { currency: 'USD', minor: 4500 })).toBe('$45.00');
    expect(formatMoney('de', { currency: 'EUR', minor: 12900 })).toBe('129,00\u00a0€');
    expect(formatMoney('ko', { currency: 'KRW', minor: 70000 })).toBe('₩70,000');
  });
});
