import { describe, expect, it } from 'vitest';
import { AssistantTools } from '../../functions/core/assistant/tools';
import { signShopperToken } from '../../functions/core/auth/shopper-token';
import { authorizeConnection } from '../../functions/core/chat/authorize-connection';
import type { Order } from '../../functions/core/orders';
import type { HandoffRequest, OrderRepository, SessionRecord } from '../../functions/ports/repositories';

const order = (orderId: string, customerId: string, placedAt: string): Order => ({
  orderId,
  customerId,
  email: `${customerId}@example.com`,
  placedAt,
  country: 'FR',
  currency: 'EUR',
  status: 'shipped',
  items: [{ sku: 'SKU-1', name: 'Trail runner', quantity: 1, unitPrice: 89.9 }],
  shipment: {
    carrier: 'DHL',
    trackingNumber: 'JD014600006254',
    status: 'in_transit',
    estimatedDelivery: '2026-11-28',
    events: [
      { at: '2026-11-19T08:00:00Z', location: 'Shenzhen, CN', description: 'Picked up' },
      { at: '2026-11-20T08:00:00Z', location: 'Leipzig, DE', description: 'Departed hub' },
    ],
  },
});

const orders: Order[] = [
  order('A1001', 'c-ana', '2026-11-01T10:00:00Z'),
  order('A1002', 'c-ana', '2026-11-10T10:00:00Z'),
  order('B2001', 'c-bob', '2026-11-05T10:00:00Z'),
];
const repository: OrderRepository = {
  getOrder: async (id) => orders.find((candidate) => candidate.orderId === id),
  listOrdersForCustomer: async (customerId, limit) =>
    orders
      .filter((candidate) => candidate.customerId === customerId)
      .sort((a, b) => b.placedAt.localeCompare(a.placedAt))
      .slice(0, limit),
  putOrder: async () => undefined,
};
const handoffs: HandoffRequest[] = [];
const tools = new AssistantTools(repository, {
  requestHandoff: async (request) => {
    const waiting = handoffs.some((queued) => queued.sessionId === request.sessionId);
    handoffs.push(request);
    return waiting ? 'already_queued' : 'queued';
  },
});
const ana = { customerId: 'c-ana', sessionId: 's-ana-00001' };

describe('assistant tools', () => {
  it('give a shopper the live status of their own order with the latest tracking event', async () => {
    const outcome = await tools.execute('get_order_status', { orderId: 'a1001' }, ana);
    expect(outcome.status).toBe('success');
    expect(outcome.content).toMatchObject({
      order: {
        orderId: 'A1001',
        shipment: { carrier: 'DHL', lastEvent: { location: 'Leipzig, DE' }, estimatedDelivery: '2026-11-28' },
      },
    });
    expect(JSON.stringify(outcome.content)).not.toContain('@example.com');
  });

  it("report another customer's order exactly like a missing one", async () => {
    const foreign = await tools.execute('get_order_status', { orderId: 'B2001' }, ana);
    const missing = await tools.execute('get_order_status', { orderId: 'Z9999' }, ana);
    expect(foreign.status).toBe('error');
    expect(foreign.content).toMatchObject({ error: 'order_not_found' });
    expect(missing.content).toMatchObject({ error: 'order_not_found' });
    expect(JSON.stringify(foreign.content)).not.toMatch(/c-bob|DHL|JD0146/);
  });

  it('list only the signed-in shopper orders, newest first', async () => {
    const outcome = await tools.execute('list_my_orders', {}, ana);
    const listed = (outcome.content as { orders: Array<{ orderId: string }> }).orders.map((o) => o.orderId);
    expect(listed).toEqual(['A1002', 'A1001']);
  });

  it('reject malformed input and unknown tools without touching data', async () => {
    expect(await tools.execute('get_order_status', { orderId: "1' OR 1=1" }, ana)).toMatchObject({
      status: 'error',
      content: { error: 'invalid_input' },
    });
    expect(await tools.execute('issue_refund', { amount: 5000 }, ana)).toMatchObject({
      status: 'error',
      content: { error: 'unknown_tool' },
    });
  });
});

describe('the request_human tool', () => {
  it('queues the conversation once, with a priority decided by code from the intent', async () => {
    const first = await tools.execute(
      'request_human',
      { reason: 'needs_agent', intent: 'damaged_item' },
      ana,
    );
    expect(first).toEqual({ status: 'success', content: { status: 'queued', priority: 'high' } });
    const again = await tools.execute('request_human', { reason: 'shopper_request' }, ana);
    expect(again).toEqual({ status: 'success', content: { status: 'already_queued', priority: 'normal' } });
    expect(handoffs[0]).toMatchObject({
      sessionId: 's-ana-00001',
      customerId: 'c-ana',
      reason: 'needs_agent',
    });
  });

  it('refuses a priority or reason the model invents', async () => {
    expect(await tools.execute('request_human', { reason: 'vip', priority: 'urgent' }, ana)).toMatchObject({
      status: 'error',
      content: { error: 'invalid_input' },
    });
  });
});

describe('connection authorisation', () => {
  const secretBytes = new TextEncoder().encode('a-local-store-secret-that-is-long-enough-123');
  const secret = { getSigningSecret: async () => secretBytes };
  const sessions = new Map<string, SessionRecord>([
    ['s-owned-by-bob', { sessionId: 's-owned-by-bob', customerId: 'c-bob', createdAt: 'x' }],
    ['s-owned-by-ana', { sessionId: 's-owned-by-ana', customerId: 'c-ana', createdAt: 'x' }],
  ]);
  const conversations = { getSession: async (id: string) => sessions.get(id) };

  it('starts a new session for a valid token without one', async () => {
    const token = await signShopperToken(secretBytes, { customerId: 'c-ana' }, 60);
    const decision = await authorizeConnection({ secret, conversations }, { token });
    expect(decision).toMatchObject({ outcome: 'allow', customerId: 'c-ana', resumed: false });
  });

  it('resumes a session the shopper owns and forbids one they do not', async () => {
    const token = await signShopperToken(secretBytes, { customerId: 'c-ana' }, 60);
    expect(
      await authorizeConnection({ secret, conversations }, { token, session: 's-owned-by-ana' }),
    ).toMatchObject({
      outcome: 'allow',
      resumed: true,
    });
    expect(
      await authorizeConnection({ secret, conversations }, { token, session: 's-owned-by-bob' }),
    ).toMatchObject({
      outcome: 'forbidden',
    });
  });

  it('refuses a forged token as unauthorized', async () => {
    const forged = await signShopperToken(
      new TextEncoder().encode('x'.repeat(40)),
      { customerId: 'c-ana' },
      60,
    );
    expect(await authorizeConnection({ secret, conversations }, { token: forged })).toEqual({
      outcome: 'unauthorized',
      reason: 'bad_signature',
    });
  });
});
