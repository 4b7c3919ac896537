import { describe, expect, it } from 'vitest';
import type { Claim } from '../../functions/core/after-sales/claims';
import { toMessageFact } from '../../functions/core/analytics/message-facts';
import { createSubjectReader } from '../../functions/core/analytics/message-subject';
import { DEMO_PRODUCTS, demoOrders } from '../../local/seed/demo-store';

const orders = demoOrders();
const sessions: Record<string, string> = { 's-sam': 'c-sam', 's-ana': 'c-ana' };

function reader(claims: Claim[] = []) {
  let catalogueReads = 0;
  const read = createSubjectReader({
    customerOf: async (sessionId) => sessions[sessionId],
    getOrder: async (orderId) => orders.find((order) => order.orderId === orderId),
    listProducts: async () => {
      catalogueReads++;
      return DEMO_PRODUCTS as unknown as Array<{ sku: string; name: string }>;
    },
    listClaims: async (customerId) => claims.filter((claim) => claim.customerId === customerId),
    now: () => new Date('2026-12-05T10:00:00Z'),
  });
  return { read, reads: () => catalogueReads };
}

describe('what a shopper message is about', () => {
  it.each([
    ['en', 'My order A1006 arrived and it is broken'],
    ['de', 'Bestellung A1006 ist kaputt angekommen'],
    ['zh', '订单A1006到了，但是坏了'],
  ])('in %s: a named single-item order gives the order and its only SKU', async (_lang, text) => {
    expect(await reader().read({ sessionId: 's-sam', text })).toEqual({
      orderId: 'A1006',
      sku: 'LAMP-DSK-BLK',
    });
  });

  it('never takes another customer’s order', async () => {
    expect(await reader().read({ sessionId: 's-ana', text: 'My order A1006 is broken' })).toEqual({
      orderId: null,
      sku: null,
    });
  });

  it('gives a follow-up without an order number the open case’s order and item', async () => {
    const claim = {
      claimId: 'C-1',
      kind: 'damaged_item',
      customerId: 'c-sam',
      sessionId: 's-sam',
      orderId: 'A1006',
      sku: 'LAMP-DSK-BLK',
      status: 'open',
    } as Claim;
    expect(await reader([claim]).read({ sessionId: 's-sam', text: 'the colour faded too' })).toEqual({
      orderId: 'A1006',
      sku: 'LAMP-DSK-BLK',
    });
  });

  it('names a catalogue product without an order, and reads the catalogue once while warm', async () => {
    const { read, reads } = reader();
    expect(await read({ sessionId: 's-sam', text: 'Is the Desk lamp faded in the sun?' })).toEqual({
      orderId: null,
      sku: 'LAMP-DSK-BLK',
    });
    await read({ sessionId: 's-sam', text: 'And the Desk lamp?' });
    expect(reads()).toBe(1);
  });

  it('carries the subject onto the message fact, the item’s own SKU first', () => {
    const message = {
      sessionId: 's-sam',
      seq: 1,
      role: 'shopper' as const,
      text: 'faded',
      createdAt: '2026-12-05T10:00:00Z',
    };
    const subject = { orderId: 'A1006', sku: 'LAMP-DSK-BLK' };
    expect(toMessageFact({ eventId: 'e1', message, subject })).toMatchObject({
      sku: 'LAMP-DSK-BLK',
      order_id: 'A1006',
    });
    expect(toMessageFact({ eventId: 'e2', message: { ...message, sku: 'OWN' }, subject })).toMatchObject({
      sku: 'OWN',
    });
  });
});
