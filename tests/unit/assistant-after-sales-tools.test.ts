import { describe, expect, it } from 'vitest';
import { TOOL_SPECS } from '../../functions/core/assistant/tools';
import { photoOwnerPrefix } from '../../functions/core/photos/photo-keys';
import { demoOrders } from '../../local/seed/demo-store';
import { inMemoryAfterSales } from '../support/in-memory-after-sales';

const sam = { customerId: 'c-sam', sessionId: 's-sam-00001' };
const ana = { customerId: 'c-ana', sessionId: 's-ana-00001' };

function store(options: Parameters<typeof inMemoryAfterSales>[1] = {}) {
  return inMemoryAfterSales(demoOrders(), options);
}

describe('after-sales tool authorisation', () => {
  const ORDER_TOOLS: Array<[string, Record<string, unknown>]> = [
    ['check_return', { orderId: 'A1006' }],
    ['start_return', { orderId: 'A1006' }],
    ['get_return_status', { orderId: 'A1006' }],
    ['cancel_order', { orderId: 'A1007' }],
    ['change_order', { orderId: 'A1007', change: 'address' }],
    ['open_claim', { kind: 'damaged_item', orderId: 'A1006' }],
  ];

  for (const [name, input] of ORDER_TOOLS) {
    it(`${name} reports another customer's order as not found and changes nothing`, async () => {
      const { tools, rmas, claims, handoffs } = store();
      const outcome = await tools.execute(name, input, ana);
      expect(outcome).toEqual({
        status: 'error',
        content: {
          error: 'order_not_found',
          message: `No order ${input.orderId} was found for this shopper.`,
        },
      });
      expect([rmas.size, claims.length, handoffs.length]).toEqual([0, 0, 0]);
    });
  }

  it('answers an unknown order exactly like another customer’s one, so numbers cannot be probed', async () => {
    const { tools } = store();
    const absent = await tools.execute('check_return', { orderId: 'Z9999' }, ana);
    const foreign = await tools.execute('check_return', { orderId: 'A1006' }, ana);
    expect(absent.content.error).toBe(foreign.content.error);
  });

  it('rejects inputs the schema does not allow, such as a customer id smuggled in by the model', async () => {
    const { tools } = store();
    const outcome = await tools.execute('start_return', { orderId: 'A1006', customerId: 'c-ana' }, sam);
    expect(outcome.status).toBe('error');
    expect(outcome.content.error).toBe('invalid_input');
  });

  it('offers every tool to both models through one list of specs', () => {
    const names = TOOL_SPECS.map((spec) => spec.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'check_return',
        'start_return',
        'get_return_status',
        'cancel_order',
        'change_order',
        'size_advice',
        'answer_question',
        'open_claim',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('returns', () => {
  it('check_return tells an eligible delivered item, its last day and the refund in minor units', async () => {
    const { tools, rmas } = store();
    const outcome = await tools.execute('check_return', { orderId: 'a1006' }, sam);
    expect(outcome.content).toMatchObject({
      outcome: 'eligible',
      refund: { currency: 'USD', minor: 4500 },
      refundNeedsPerson: false,
    });
    expect(rmas.size).toBe(0);
  });

  it('start_return opens and approves a refund within the automatic limit', async () => {
    const { tools, rmas } = store();
    const outcome = await tools.execute('start_return', { orderId: 'A1006', resolution: 'refund' }, sam);
    expect(outcome.content).toMatchObject({
      outcome: 'refund_opened',
      rma: { orderId: 'A1006', sku: 'LAMP-DSK-BLK', state: 'approved', refund: { minor: 4500 } },
    });
    expect([...rmas.values()][0]?.history).toHaveLength(1);
  });

  it('start_return sets up an exchange first when the shopper does not mind and stock allows', async () => {
    const { tools } = store();
    const outcome = await tools.execute('start_return', { orderId: 'A1006', reason: 'damaged' }, sam);
    expect(outcome.content).toMatchObject({
      outcome: 'exchange_opened',
      rma: { kind: 'exchange', replacementSku: 'LAMP-DSK-BLK' },
    });
  });

  it('start_return falls back to a refund when the replacement is out of stock', async () => {
    const { tools } = store({ products: [{ sku: 'LAMP-DSK-BLK', name: 'Desk lamp', stock: 0 }] });
    const outcome = await tools.execute('start_return', { orderId: 'A1006', resolution: 'exchange' }, sam);
    expect(outcome.content).toMatchObject({
      outcome: 'refund_opened',
      exchangeUnavailable: 'out_of_stock',
    });
  });

  it('start_return leaves a refund above the automatic limit to a person and queues the chat', async () => {
    const orders = demoOrders();
    const lamp = orders.find((order) => order.orderId === 'A1006');
    if (lamp?.items[0]) lamp.items[0].unitPrice = 450;
    const { tools, handoffs } = inMemoryAfterSales(orders);
    const outcome = await tools.execute('start_return', { orderId: 'A1006', resolution: 'refund' }, sam);
    expect(outcome.content).toMatchObject({
      outcome: 'needs_person',
      rma: { state: 'requested', refund: { currency: 'USD', minor: 45000 } },
    });
    expect(handoffs).toMatchObject([{ sessionId: sam.sessionId, intent: 'return_request' }]);
  });

  it('start_return refuses an order that has not been delivered yet', async () => {
    const { tools, rmas } = store();
    const outcome = await tools.execute('start_return', { orderId: 'A1007' }, sam);
    expect(outcome.content).toMatchObject({ outcome: 'not_eligible', reason: 'not_delivered_yet' });
    expect(rmas.size).toBe(0);
  });

  it('start_return refuses after the return window has closed', async () => {
    const { tools } = store({ now: new Date(Date.now() + 60 * 86_400_000) });
    const outcome = await tools.execute('start_return', { orderId: 'A1006' }, sam);
    expect(outcome.content).toMatchObject({ outcome: 'not_eligible', reason: 'outside_window' });
  });

  it('start_return gives back the open return when the shopper asks twice', async () => {
    const { tools, rmas } = store();
    const first = await tools.execute('start_return', { orderId: 'A1006', resolution: 'refund' }, sam);
    const second = await tools.execute('start_return', { orderId: 'A1006', resolution: 'refund' }, sam);
    expect(second.content).toMatchObject({
      outcome: 'already_open',
      rma: { rmaId: (first.content.rma as { rmaId: string }).rmaId },
    });
    expect(rmas.size).toBe(1);
  });

  it('get_return_status lists the returns of the order with their state', async () => {
    const { tools } = store();
    await tools.execute('start_return', { orderId: 'A1006', resolution: 'refund' }, sam);
    const outcome = await tools.execute('get_return_status', { orderId: 'A1006' }, sam);
    expect(outcome.content).toMatchObject({
      orderId: 'A1006',
      returns: [{ itemName: 'Desk lamp', state: 'approved', refund: { currency: 'USD', minor: 4500 } }],
    });
  });
});

describe('cancellations and changes', () => {
  it('cancel_order only proposes: the order stays as it is until the shopper says yes', async () => {
    const { tools, deps, proposals } = store();
    const outcome = await tools.execute('cancel_order', { orderId: 'A1007' }, sam);
    expect(outcome.content).toMatchObject({
      orderId: 'A1007',
      outcome: 'needs_confirmation',
      action: 'cancel',
      items: [{ name: expect.any(String) }],
      refund: { currency: 'USD', minor: 5700 },
    });
    await expect(deps.orders.getOrder('A1007')).resolves.toMatchObject({ status: 'paid' });
    expect(proposals.get(sam.sessionId)).toMatchObject({
      tool: 'cancel_order',
      status: 'pending',
      customerId: 'c-sam',
      input: { orderId: 'A1007' },
    });
  });

  it('cancel_order cancels once confirmed and reports the refund in minor units', async () => {
    const { tools, deps, proposals } = store();
    await tools.execute('cancel_order', { orderId: 'A1007' }, sam);
    const proposal = proposals.get(sam.sessionId);
    if (!proposal) throw new Error('no proposal stored');
    const confirmed = { ...sam, confirmed: { proposalId: proposal.proposalId, summary: proposal.summary } };
    const outcome = await tools.execute('cancel_order', { orderId: 'A1007' }, confirmed);
    expect(outcome.content).toEqual({
      orderId: 'A1007',
      outcome: 'cancelled',
      refund: { currency: 'USD', minor: 5700 },
    });
    await expect(deps.orders.getOrder('A1007')).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('cancel_order proposes again when the yes was to another amount than the policy now decides', async () => {
    const { tools, deps, proposals } = store();
    await tools.execute('cancel_order', { orderId: 'A1007' }, sam);
    const proposal = proposals.get(sam.sessionId);
    if (!proposal) throw new Error('no proposal stored');
    const summary = { ...proposal.summary, refund: { currency: 'USD', minor: 100 } };
    const outcome = await tools.execute(
      'cancel_order',
      { orderId: 'A1007' },
      {
        ...sam,
        confirmed: { proposalId: proposal.proposalId, summary },
      },
    );
    expect(outcome.content).toMatchObject({ outcome: 'needs_confirmation', refund: { minor: 5700 } });
    await expect(deps.orders.getOrder('A1007')).resolves.toMatchObject({ status: 'paid' });
  });

  it('cancel_order refuses a shipped order and offers the alternatives', async () => {
    const { tools } = store();
    const outcome = await tools.execute('cancel_order', { orderId: 'A1001' }, ana);
    expect(outcome.content).toMatchObject({
      outcome: 'not_allowed',
      reason: 'already_shipped',
      alternatives: ['refuse_delivery', 'return_after_delivery'],
    });
  });

  it('change_order proposes an address change and opens its ticket only once confirmed', async () => {
    const { tools, claims, proposals } = store();
    const proposed = await tools.execute('change_order', { orderId: 'A1007', change: 'address' }, sam);
    expect(proposed.content).toMatchObject({ outcome: 'needs_confirmation', action: 'change_address' });
    expect(claims).toHaveLength(0);
    const proposal = proposals.get(sam.sessionId);
    if (!proposal) throw new Error('no proposal stored');
    const outcome = await tools.execute('change_order', proposal.input, {
      ...sam,
      confirmed: { proposalId: proposal.proposalId, summary: proposal.summary },
    });
    expect(outcome.content).toMatchObject({ outcome: 'requested', ticketId: expect.stringMatching(/^T-/) });
    expect(claims).toMatchObject([{ kind: 'order_change', owner: { id: 'logistics' }, status: 'open' }]);
  });

  it('change_order asks for the new size before judging a size change', async () => {
    const { tools } = store();
    const outcome = await tools.execute('change_order', { orderId: 'A1007', change: 'size' }, sam);
    expect(outcome.content).toMatchObject({ outcome: 'needs_detail', ask: 'to' });
  });

  it('change_order after shipping returns the alternatives instead', async () => {
    const { tools, claims } = store();
    const outcome = await tools.execute(
      'change_order',
      { orderId: 'A1001', change: 'size', to: 'EU 43' },
      ana,
    );
    expect(outcome.content).toMatchObject({
      outcome: 'not_allowed',
      reason: 'already_shipped',
      alternatives: ['exchange_after_delivery'],
    });
    expect(claims).toHaveLength(0);
  });
});

describe('size advice', () => {
  it('recommends a shoe size from a foot length in cm', async () => {
    const { tools } = store();
    const outcome = await tools.execute(
      'size_advice',
      { product: 'trail runner', measurements: 'my foot is 26.5 cm' },
      ana,
    );
    expect(outcome.content).toMatchObject({
      outcome: 'advice',
      size: 'EU 42',
      product: { sku: 'RUN-42-BLK' },
    });
  });

  it('recommends a jacket size from height and weight in feet and pounds', async () => {
    const { tools } = store();
    const outcome = await tools.execute(
      'size_advice',
      { product: 'JKT-M-NVY', measurements: "I'm 5 ft 10 and 165 lb" },
      ana,
    );
    expect(outcome.content).toMatchObject({ outcome: 'advice', size: 'M' });
  });

  it('moves the advice a size up when returns say the product runs small', async () => {
    const productReturns = Array.from({ length: 6 }, () => ({ sku: 'JKT-M-NVY', reason: 'too_small' }));
    const { tools } = store({ productReturns });
    const outcome = await tools.execute(
      'size_advice',
      { product: 'rain jacket', heightCm: 175, weightKg: 72 },
      ana,
    );
    expect(outcome.content).toMatchObject({
      outcome: 'advice',
      size: 'L',
      reason: { code: 'adjusted_for_returns' },
    });
  });

  it('takes the one charted product the shopper ordered when the name is in another language', async () => {
    const { tools } = store();
    const outcome = await tools.execute(
      'size_advice',
      { product: '¿Qué talla de zapatillas?', measurements: 'mi pie mide 26,5 cm' },
      ana,
    );
    expect(outcome.content).toMatchObject({
      outcome: 'advice',
      size: 'EU 42',
      product: { sku: 'RUN-42-BLK' },
    });
  });

  it('says which measurement is missing instead of guessing', async () => {
    const { tools } = store();
    const outcome = await tools.execute('size_advice', { product: 'rain jacket', measurements: '' }, ana);
    expect(outcome.content).toMatchObject({
      outcome: 'cannot_advise',
      reason: { code: 'missing_measurement' },
    });
  });

  it('lists the products it can advise on when the product is unknown and none was ordered', async () => {
    const { tools } = store();
    const outcome = await tools.execute('size_advice', { product: 'ball gown', heightCm: 170 }, sam);
    expect(outcome.content).toMatchObject({ outcome: 'unknown_product' });
    expect(outcome.content.products).toContainEqual({ sku: 'JKT-M-NVY', name: 'Rain jacket' });
  });
});

describe('knowledge and claims', () => {
  it('answer_question answers from the FAQ with its source', async () => {
    const { tools } = store();
    const outcome = await tools.execute(
      'answer_question',
      { question: 'How long does shipping take?', language: 'en', intent: 'policy_question' },
      ana,
    );
    expect(outcome.content).toMatchObject({
      outcome: 'answer',
      source: { kind: 'faq', id: 'shipping-times' },
    });
  });

  it('answer_question tells the model not to guess when the store has no answer', async () => {
    const { tools } = store();
    const outcome = await tools.execute(
      'answer_question',
      { question: 'Do you sell gift cards in Peru?' },
      ana,
    );
    expect(outcome.content).toMatchObject({ outcome: 'no_answer' });
  });

  it('open_claim routes a damaged item to quality with the shopper’s own photos only', async () => {
    const { tools, claims, handoffs } = store();
    const own = `${photoOwnerPrefix('c-sam')}a.jpg`;
    const foreign = `${photoOwnerPrefix('c-ana')}b.jpg`;
    const outcome = await tools.execute(
      'open_claim',
      {
        kind: 'damaged_item',
        orderId: 'A1006',
        description: 'the lamp arrived cracked',
        photoKeys: [own, foreign],
      },
      sam,
    );
    expect(outcome.content).toMatchObject({ outcome: 'opened', category: 'quality', photos: 1 });
    expect(claims[0]).toMatchObject({ owner: { id: 'quality-assurance' }, photoKeys: [own], status: 'open' });
    expect(handoffs[0]).toMatchObject({ priority: 'high', intent: 'damaged_item' });
  });

  it('open_claim keeps the photos the shopper attached in the conversation even when the model passes none', async () => {
    const { tools, claims } = store();
    const attached = `${photoOwnerPrefix('c-sam')}label.webp`;
    const outcome = await tools.execute(
      'open_claim',
      { kind: 'wrong_item', orderId: 'A1006', description: 'wrong colour' },
      { ...sam, photoKeys: [attached] },
    );
    expect(outcome.content).toMatchObject({ outcome: 'opened', photos: 1 });
    expect(claims[0]).toMatchObject({ photoKeys: [attached] });
  });

  it('open_claim reads a customs hold as the delivery problem and routes it to logistics', async () => {
    const { tools } = store();
    const sofia = { customerId: 'c-sofia', sessionId: 's-sofia-0001' };
    const outcome = await tools.execute('open_claim', { kind: 'delivery', orderId: 'A1003' }, sofia);
    expect(outcome.content).toMatchObject({ problem: 'customs', owner: { id: 'logistics' } });
  });

  it('open_claim routes a payment problem to payments, whatever the words', async () => {
    const { tools } = store();
    const outcome = await tools.execute(
      'open_claim',
      { kind: 'payment', description: 'the website is slow' },
      ana,
    );
    expect(outcome.content).toMatchObject({ category: 'payment', owner: { type: 'queue', id: 'payments' } });
  });

  it('open_claim categorises a complaint by its words', async () => {
    const { tools } = store();
    const outcome = await tools.execute(
      'open_claim',
      { kind: 'complaint', description: 'Your website keeps crashing at checkout' },
      ana,
    );
    expect(outcome.content).toMatchObject({ category: 'website', owner: { id: 'ecommerce-web' } });
  });

  it('open_claim asks for the order number of a damaged item first', async () => {
    const { tools, claims } = store();
    const outcome = await tools.execute('open_claim', { kind: 'wrong_item' }, ana);
    expect(outcome.content.error).toBe('order_required');
    expect(claims).toHaveLength(0);
  });
});
