import { describe, expect, it } from 'vitest';
import { returnReasonIn } from '../../functions/core/after-sales/return-reason';
import type { Order } from '../../functions/core/orders';
import { demoOrders } from '../../local/seed/demo-store';
import { converser } from '../support/converse';
import { inMemoryAfterSales } from '../support/in-memory-after-sales';

const converse = converser('case');

describe('the return reason the shopper gave', () => {
  it.each([
    ["because it's too small", 'too_small'],
    ['es demasiado pequeño', 'too_small'],
    ['ist mir zu klein', 'too_small'],
    ['它太大了', 'too_large'],
    ['c’est trop grand', 'too_large'],
    ['the zipper arrived broken', 'damaged'],
    ['me enviaron otro color, artículo equivocado', 'wrong_item'],
    ['間違った商品が届きました', 'wrong_item'],
    ['I changed my mind', 'changed_mind'],
    ['передумал', 'changed_mind'],
    ['não é como na foto', 'not_as_described'],
  ])('reads "%s" as %s', (text, reason) => {
    expect(returnReasonIn(text)).toBe(reason);
  });

  it('gives no reason when the shopper gave none, so the tool keeps its default', () => {
    expect(returnReasonIn('I want to return order A1006')).toBeUndefined();
  });

  it.each([
    ['en', "I want to return order A1006 because it's too small", 'too_small'],
    ['es', 'Quiero devolver el pedido A1006, es demasiado grande', 'too_large'],
    ['de', 'Ich möchte die Bestellung A1006 zurückgeben, die Lampe kam kaputt an', 'damaged'],
  ])('in %s: the RMA carries the reason, not changed_mind', async (_lang, text, reason) => {
    const { store } = await converse('c-sam', [text]);
    expect([...store.rmas.values()]).toMatchObject([{ orderId: 'A1006', reason }]);
  });

  it('keeps the reason given before the order number', async () => {
    const { store } = await converse('c-sam', ['Quiero devolver la lámpara, es demasiado pequeña', 'A1006']);
    expect([...store.rmas.values()]).toMatchObject([{ orderId: 'A1006', reason: 'too_small' }]);
  });
});

describe('one case per problem', () => {
  it.each([
    [
      'en',
      'The lamp from A1006 arrived broken',
      'The lamp from A1006 is broken at the base too',
      "I've added this to your case",
    ],
    [
      'es',
      'La lámpara del pedido A1006 llegó rota',
      'Además el pedido A1006 tiene la base rayada y rota',
      'Lo he añadido a tu caso',
    ],
    [
      'fr',
      'La lampe de la commande A1006 est arrivée cassée',
      'La lampe A1006 est abîmée, le pied aussi est fissuré',
      'J’ai ajouté ceci à votre dossier',
    ],
  ])(
    'in %s: a follow-up about the same order and item joins the open case',
    async (_lang, first, second, joined) => {
      const { turns, store } = await converse('c-sam', [first, second]);
      expect(store.claims).toHaveLength(1);
      const claimId = store.claims[0]?.claimId as string;
      expect(store.claims[0]).toMatchObject({ orderId: 'A1006', sku: 'LAMP-DSK-BLK' });
      expect(turns[1]?.text).toContain(joined);
      expect(turns[1]?.text).toContain(claimId);
    },
  );

  it.each([
    ['en', 'The lamp from A1006 arrived broken', 'My shoes from order A1001 arrived damaged'],
    ['de', 'Die Lampe aus A1006 kam kaputt an', 'Die Schuhe aus A1001 kamen kaputt an'],
    ['es', 'La lámpara del pedido A1006 llegó rota', 'Las zapatillas del pedido A1001 llegaron rotas'],
  ])('in %s: a problem with another order opens its own case', async (_lang, first, second) => {
    const store = inMemoryAfterSales(demoOrders().map((order) => ({ ...order, customerId: 'c-sam' })));
    const { store: after } = await converse('c-sam', [first, second], store);
    expect(after.claims.map((claim) => claim.orderId)).toEqual(['A1006', 'A1001']);
  });

  it('opens another case for another item of the same order, and joins an unknown item to the open one', async () => {
    const order = {
      ...(demoOrders().find((each) => each.orderId === 'A1006') as Order),
      orderId: 'A2001',
      items: [
        { sku: 'LAMP-DSK-BLK', name: 'Desk lamp', quantity: 1, unitPrice: 45 },
        { sku: 'TEE-L-WHT', name: 'Organic tee', size: 'L', quantity: 1, unitPrice: 19 },
      ],
    };
    const store = inMemoryAfterSales([...demoOrders(), order]);
    const context = { customerId: 'c-sam', sessionId: 's-sam-items' };
    const [first, second] = order.items;
    const open = (description: string) =>
      store.tools.execute(
        'open_claim',
        { kind: 'damaged_item', orderId: order.orderId, description },
        context,
      );
    expect((await open(`${first?.name} is torn`)).content).toMatchObject({
      outcome: 'opened',
      sku: first?.sku,
    });
    expect((await open(`${second?.name} is torn`)).content).toMatchObject({
      outcome: 'opened',
      sku: second?.sku,
    });
    expect((await open('it is torn')).content).toMatchObject({ outcome: 'joined' });
    expect(store.claims).toHaveLength(2);
  });
});
