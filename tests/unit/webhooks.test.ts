import { describe, expect, it } from 'vitest';
import type { Order } from '../../functions/core/orders';
import {
  receiveCarrierWebhook,
  receiveShopifyWebhook,
  type WebhookDeps,
} from '../../functions/core/webhooks/receive';
import {
  signCarrierBody,
  signShopifyBody,
  verifyShopifyHmac,
} from '../../functions/core/webhooks/signatures';
import type { ClaimOutcome, ProcessedEvents } from '../../functions/ports/analytics-sink';
import type { StoredOrder, WebhookOrderStore } from '../../functions/ports/webhooks';
import { shopifyFulfillmentPayload, shopifyOrderPayload } from '../support/shopify-payloads';

const SHOPIFY_SECRET = 'shpss_0123456789abcdef0123456789abcdef';
const CARRIER_SECRET = 'c'.repeat(64);
const NOW = Date.parse('2026-12-02T09:05:00Z');

class MemoryOrders implements WebhookOrderStore {
  readonly rows = new Map<string, { order: Order; revision: number }>();
  writes = 0;
  async load(orderId: string): Promise<StoredOrder | undefined> {
    const row = this.rows.get(orderId.toUpperCase());
    return row && { order: structuredClone(row.order), revision: String(row.revision) };
  }
  async save(order: Order, expected: StoredOrder | undefined): Promise<'saved' | 'conflict'> {
    const row = this.rows.get(order.orderId.toUpperCase());
    if ((row ? String(row.revision) : undefined) !== expected?.revision) return 'conflict';
    this.rows.set(order.orderId.toUpperCase(), {
      order: structuredClone(order),
      revision: (row?.revision ?? 0) + 1,
    });
    this.writes++;
    return 'saved';
  }
}

class MemoryDeliveries implements ProcessedEvents {
  readonly status = new Map<string, 'in_progress' | 'completed' | 'released'>();
  async claim(id: string): Promise<ClaimOutcome> {
    const status = this.status.get(id);
    if (status === 'completed') return 'done';
    if (status === 'in_progress') return 'busy';
    this.status.set(id, 'in_progress');
    return 'claimed';
  }
  async complete(ids: readonly string[]) {
    for (const id of ids) this.status.set(id, 'completed');
  }
  async release(ids: readonly string[]) {
    for (const id of ids) this.status.set(id, 'released');
  }
}

function setup(now = NOW) {
  const orders = new MemoryOrders();
  const deliveries = new MemoryDeliveries();
  const deps: WebhookDeps = {
    secrets: { shopify: async () => SHOPIFY_SECRET, carrier: async () => CARRIER_SECRET },
    orders,
    deliveries,
    now: () => now,
    replayWindow: { shopifySeconds: 6 * 3600, carrierSeconds: 300 },
  };
  return { deps, orders, deliveries };
}

function shopify(
  topic: string,
  payload: unknown,
  options: { id?: string; hmac?: string; triggeredAt?: string } = {},
) {
  const rawBody = Buffer.from(JSON.stringify(payload));
  return {
    topic,
    webhookId: options.id ?? `wh-${Math.random()}`,
    hmac: options.hmac ?? signShopifyBody(SHOPIFY_SECRET, rawBody),
    triggeredAt: options.triggeredAt ?? '2026-12-02T09:00:00Z',
    rawBody,
  };
}

function carrier(body: unknown, options: { at?: number; secret?: string } = {}) {
  const rawBody = Buffer.from(JSON.stringify(body));
  const timestamp = String(Math.floor((options.at ?? NOW) / 1000));
  return {
    timestamp,
    signature: signCarrierBody(options.secret ?? CARRIER_SECRET, timestamp, rawBody),
    rawBody,
  };
}

const tracking = (overrides: Record<string, unknown> = {}) => ({
  eventId: 'evt-1',
  orderId: '1042',
  carrier: 'DHL Express',
  trackingNumber: 'JD014600006281230000',
  status: 'out_for_delivery',
  events: [{ at: '2026-12-03T07:10:00Z', location: 'Berlin', description: 'Out for delivery' }],
  ...overrides,
});

describe('Shopify HMAC verification', () => {
  it('accepts the base64 HMAC-SHA256 of the exact raw body and nothing else', () => {
    const body = Buffer.from('{"id":1}');
    const hmac = signShopifyBody(SHOPIFY_SECRET, body);
    expect(verifyShopifyHmac(SHOPIFY_SECRET, body, hmac)).toBe(true);
    expect(verifyShopifyHmac(SHOPIFY_SECRET, Buffer.from('{"id": 1}'), hmac)).toBe(false);
    expect(verifyShopifyHmac('another-secret-of-some-length', body, hmac)).toBe(false);
    expect(verifyShopifyHmac(SHOPIFY_SECRET, body, hmac.slice(0, 10))).toBe(false);
    expect(verifyShopifyHmac(SHOPIFY_SECRET, body, undefined)).toBe(false);
  });
});

describe('Shopify order webhooks', () => {
  it('orders/create stores the order in the import shape, keyed by the order name', async () => {
    const { deps, orders } = setup();
    const result = await receiveShopifyWebhook(deps, shopify('orders/create', shopifyOrderPayload()));
    expect(result).toMatchObject({ status: 200, outcome: 'applied', orderId: '1042' });
    const stored = orders.rows.get('1042')?.order;
    expect(stored).toMatchObject({
      orderId: '1042',
      customerId: '7123456789',
      email: 'mia@example.com',
      country: 'DE',
      currency: 'EUR',
      status: 'paid',
      items: [{ sku: 'TEE-BLK-M', name: 'Linen tee - M / Black', quantity: 2, unitPrice: 29.95 }],
    });
  });

  it('a redelivery with the same webhook id writes nothing and answers 200 duplicate', async () => {
    const { deps, orders } = setup();
    const delivery = shopify('orders/create', shopifyOrderPayload(), { id: 'same-id' });
    await receiveShopifyWebhook(deps, delivery);
    const again = await receiveShopifyWebhook(deps, delivery);
    expect(again).toMatchObject({ status: 200, outcome: 'duplicate' });
    expect(orders.writes).toBe(1);
  });

  it('refuses a bad signature with 401 and writes nothing', async () => {
    const { deps, orders, deliveries } = setup();
    const forged = shopify('orders/create', shopifyOrderPayload(), {
      hmac: signShopifyBody('not-the-secret-at-all', '{}'),
    });
    expect(await receiveShopifyWebhook(deps, forged)).toMatchObject({
      status: 401,
      outcome: 'bad_signature',
    });
    const missing = shopify('orders/create', shopifyOrderPayload(), { hmac: '' });
    expect(await receiveShopifyWebhook(deps, missing)).toMatchObject({
      status: 401,
      outcome: 'bad_signature',
    });
    expect(orders.writes).toBe(0);
    expect(deliveries.status.size).toBe(0);
  });

  it('refuses a body changed after signing with 401', async () => {
    const { deps, orders } = setup();
    const delivery = shopify('orders/create', shopifyOrderPayload());
    const tampered = {
      ...delivery,
      rawBody: Buffer.from(delivery.rawBody.toString().replace('"paid"', '"refunded"')),
    };
    expect(await receiveShopifyWebhook(deps, tampered)).toMatchObject({ status: 401 });
    expect(orders.writes).toBe(0);
  });

  it('refuses a replay outside the window with 403 (by trigger time, or by event time without the header)', async () => {
    const { deps, orders } = setup();
    const old = shopify('orders/create', shopifyOrderPayload(), { triggeredAt: '2026-12-01T09:00:00Z' });
    expect(await receiveShopifyWebhook(deps, old)).toMatchObject({ status: 403, outcome: 'stale' });
    const future = shopify('orders/create', shopifyOrderPayload(), { triggeredAt: '2026-12-02T10:00:00Z' });
    expect(await receiveShopifyWebhook(deps, future)).toMatchObject({ status: 403, outcome: 'stale' });
    const noHeader = { ...shopify('orders/create', shopifyOrderPayload()), triggeredAt: undefined };
    // The payload's updated_at (2026-12-01T08:15Z) is a day before NOW.
    expect(await receiveShopifyWebhook(deps, noHeader)).toMatchObject({ status: 403, outcome: 'stale' });
    expect(orders.writes).toBe(0);
  });

  it('refuses malformed bodies with 422 and unknown topics with 400, writing nothing', async () => {
    const { deps, orders } = setup();
    const notJson = Buffer.from('{"id": 1,');
    const result = await receiveShopifyWebhook(deps, {
      ...shopify('orders/create', {}),
      rawBody: notJson,
      hmac: signShopifyBody(SHOPIFY_SECRET, notJson),
    });
    expect(result).toMatchObject({ status: 422, outcome: 'malformed' });
    const noItems = await receiveShopifyWebhook(
      deps,
      shopify('orders/create', shopifyOrderPayload({ line_items: [] })),
    );
    expect(noItems).toMatchObject({ status: 422, outcome: 'malformed' });
    expect(noItems.message).toContain('line_items');
    const shortName = await receiveShopifyWebhook(
      deps,
      shopify('orders/create', shopifyOrderPayload({ name: '#7' })),
    );
    expect(shortName).toMatchObject({ status: 422, outcome: 'malformed' });
    const topic = await receiveShopifyWebhook(deps, shopify('products/create', shopifyOrderPayload()));
    expect(topic).toMatchObject({ status: 400, outcome: 'unknown_topic' });
    expect(orders.writes).toBe(0);
  });

  it('never echoes payload values (PII) in its messages', async () => {
    const { deps } = setup();
    const result = await receiveShopifyWebhook(
      deps,
      shopify('orders/create', shopifyOrderPayload({ email: 'not an email' })),
    );
    expect(result.status).toBe(422);
    expect(result.message).not.toContain('not an email');
  });

  it('orders/updated older than the stored order writes nothing (out-of-order delivery)', async () => {
    const { deps, orders } = setup();
    await receiveShopifyWebhook(
      deps,
      shopify(
        'orders/updated',
        shopifyOrderPayload({ updated_at: '2026-12-02T09:00:00Z', financial_status: 'paid' }),
      ),
    );
    const older = await receiveShopifyWebhook(
      deps,
      shopify(
        'orders/updated',
        shopifyOrderPayload({ updated_at: '2026-12-02T08:00:00Z', financial_status: 'pending' }),
      ),
    );
    expect(older).toMatchObject({ status: 200, outcome: 'unchanged' });
    expect(orders.rows.get('1042')?.order.status).toBe('paid');
    expect(orders.writes).toBe(1);
  });

  it('orders/cancelled takes the state from the signed body, and keeps the carrier events already stored', async () => {
    const { deps, orders } = setup();
    await receiveShopifyWebhook(deps, shopify('orders/create', shopifyOrderPayload()));
    await receiveShopifyWebhook(deps, shopify('fulfillments/create', shopifyFulfillmentPayload()));
    await receiveCarrierWebhook(deps, carrier(tracking()));
    const cancelled = await receiveShopifyWebhook(
      deps,
      shopify(
        'orders/cancelled',
        shopifyOrderPayload({ cancelled_at: '2026-12-02T09:01:00Z', updated_at: '2026-12-02T09:01:00Z' }),
      ),
    );
    expect(cancelled.outcome).toBe('applied');
    const order = orders.rows.get('1042')?.order;
    expect(order?.status).toBe('cancelled');
    expect(order?.shipment?.events.map((event) => event.description)).toContain('Out for delivery');
  });

  it('a swapped topic header cannot cancel an order: the body decides', async () => {
    const { deps, orders } = setup();
    const result = await receiveShopifyWebhook(deps, shopify('orders/cancelled', shopifyOrderPayload()));
    expect(result.outcome).toBe('applied');
    expect(orders.rows.get('1042')?.order.status).toBe('paid');
  });
});

describe('Shopify fulfillment webhooks', () => {
  it('fulfillments/create adds the shipment to the order it names and marks the order shipped', async () => {
    const { deps, orders } = setup();
    await receiveShopifyWebhook(deps, shopify('orders/create', shopifyOrderPayload()));
    const result = await receiveShopifyWebhook(
      deps,
      shopify('fulfillments/create', shopifyFulfillmentPayload()),
    );
    expect(result).toMatchObject({ status: 200, outcome: 'applied' });
    const order = orders.rows.get('1042')?.order;
    expect(order?.status).toBe('shipped');
    expect(order?.shipment).toMatchObject({
      carrier: 'DHL Express',
      trackingNumber: 'JD014600006281230000',
      status: 'in_transit',
      trackingUrl: 'https://www.dhl.com/track?id=JD014600006281230000',
    });
  });

  it('fulfillments/update to delivered moves the shipment and the order to delivered', async () => {
    const { deps, orders } = setup();
    await receiveShopifyWebhook(deps, shopify('orders/create', shopifyOrderPayload()));
    await receiveShopifyWebhook(deps, shopify('fulfillments/create', shopifyFulfillmentPayload()));
    await receiveShopifyWebhook(
      deps,
      shopify(
        'fulfillments/update',
        shopifyFulfillmentPayload({ shipment_status: 'delivered', updated_at: '2026-12-02T09:02:00Z' }),
      ),
    );
    const order = orders.rows.get('1042')?.order;
    expect(order?.status).toBe('delivered');
    expect(order?.shipment?.status).toBe('delivered');
    expect(order?.shipment?.events).toHaveLength(2);
  });

  it('a fulfillment for an unknown order answers 404, writes nothing and can be retried later', async () => {
    const { deps, orders } = setup();
    const delivery = shopify('fulfillments/create', shopifyFulfillmentPayload(), { id: 'early' });
    expect(await receiveShopifyWebhook(deps, delivery)).toMatchObject({
      status: 404,
      outcome: 'unknown_order',
    });
    expect(orders.writes).toBe(0);
    await receiveShopifyWebhook(deps, shopify('orders/create', shopifyOrderPayload()));
    expect(await receiveShopifyWebhook(deps, delivery)).toMatchObject({ status: 200, outcome: 'applied' });
  });

  it('a fulfillment whose order_id is another Shopify order is an unknown order', async () => {
    const { deps, orders } = setup();
    await receiveShopifyWebhook(deps, shopify('orders/create', shopifyOrderPayload()));
    const other = await receiveShopifyWebhook(
      deps,
      shopify('fulfillments/create', shopifyFulfillmentPayload({ order_id: 1 })),
    );
    expect(other).toMatchObject({ status: 404, outcome: 'unknown_order' });
    expect(orders.rows.get('1042')?.order.shipment).toBeUndefined();
  });

  it('refuses bad signatures and replays of fulfillments too', async () => {
    const { deps, orders } = setup();
    await receiveShopifyWebhook(deps, shopify('orders/create', shopifyOrderPayload()));
    const writes = orders.writes;
    const forged = shopify('fulfillments/create', shopifyFulfillmentPayload(), { hmac: 'AAAA' });
    expect((await receiveShopifyWebhook(deps, forged)).status).toBe(401);
    const stale = shopify('fulfillments/create', shopifyFulfillmentPayload(), {
      triggeredAt: '2026-11-30T00:00:00Z',
    });
    expect((await receiveShopifyWebhook(deps, stale)).status).toBe(403);
    const once = shopify('fulfillments/create', shopifyFulfillmentPayload(), { id: 'f-1' });
    await receiveShopifyWebhook(deps, once);
    expect(await receiveShopifyWebhook(deps, once)).toMatchObject({ status: 200, outcome: 'duplicate' });
    expect(orders.writes).toBe(writes + 1);
  });
});

describe('the generic carrier-tracking webhook', () => {
  async function withOrder() {
    const context = setup();
    await receiveShopifyWebhook(context.deps, shopify('orders/create', shopifyOrderPayload()));
    await receiveShopifyWebhook(context.deps, shopify('fulfillments/create', shopifyFulfillmentPayload()));
    return context;
  }

  it('appends the events to the shipment and moves its status', async () => {
    const { deps, orders } = await withOrder();
    const result = await receiveCarrierWebhook(deps, carrier(tracking()));
    expect(result).toMatchObject({ status: 200, outcome: 'applied', orderId: '1042' });
    const shipment = orders.rows.get('1042')?.order.shipment;
    expect(shipment?.status).toBe('out_for_delivery');
    expect(shipment?.events.at(-1)).toMatchObject({ location: 'Berlin', description: 'Out for delivery' });
  });

  it('the same event id again is a 200 duplicate; the same events under a new id change nothing', async () => {
    const { deps, orders } = await withOrder();
    await receiveCarrierWebhook(deps, carrier(tracking()));
    const writes = orders.writes;
    expect(await receiveCarrierWebhook(deps, carrier(tracking()))).toMatchObject({
      status: 200,
      outcome: 'duplicate',
    });
    expect(await receiveCarrierWebhook(deps, carrier(tracking({ eventId: 'evt-2' })))).toMatchObject({
      outcome: 'unchanged',
    });
    expect(orders.writes).toBe(writes);
  });

  it('an older event arriving late is appended without moving the status back', async () => {
    const { deps, orders } = await withOrder();
    await receiveCarrierWebhook(deps, carrier(tracking()));
    await receiveCarrierWebhook(
      deps,
      carrier(
        tracking({
          eventId: 'evt-0',
          status: 'in_transit',
          events: [{ at: '2026-12-02T20:00:00Z', description: 'Arrived at hub' }],
        }),
      ),
    );
    const shipment = orders.rows.get('1042')?.order.shipment;
    expect(shipment?.status).toBe('out_for_delivery');
    expect(shipment?.events.map((event) => event.description)).toContain('Arrived at hub');
  });

  it('refuses a bad signature, a signature over another timestamp, and a stale timestamp', async () => {
    const { deps, orders } = await withOrder();
    const writes = orders.writes;
    expect(await receiveCarrierWebhook(deps, carrier(tracking(), { secret: 'x'.repeat(64) }))).toMatchObject({
      status: 401,
    });
    const signed = carrier(tracking());
    expect(
      await receiveCarrierWebhook(deps, { ...signed, timestamp: String(Number(signed.timestamp) + 1) }),
    ).toMatchObject({ status: 401 });
    expect(await receiveCarrierWebhook(deps, { ...signed, signature: undefined })).toMatchObject({
      status: 401,
    });
    expect(await receiveCarrierWebhook(deps, carrier(tracking(), { at: NOW - 301_000 }))).toMatchObject({
      status: 403,
      outcome: 'stale',
    });
    expect(await receiveCarrierWebhook(deps, carrier(tracking(), { at: NOW + 3_600_000 }))).toMatchObject({
      status: 403,
    });
    expect(orders.writes).toBe(writes);
  });

  it('refuses unknown orders and other parcels with 404, malformed bodies with 422', async () => {
    const { deps, orders } = await withOrder();
    const writes = orders.writes;
    expect(await receiveCarrierWebhook(deps, carrier(tracking({ orderId: 'NOPE-1' })))).toMatchObject({
      status: 404,
      outcome: 'unknown_order',
    });
    expect(await receiveCarrierWebhook(deps, carrier(tracking({ trackingNumber: 'OTHER' })))).toMatchObject({
      status: 404,
    });
    expect(await receiveCarrierWebhook(deps, carrier(tracking({ status: 'teleported' })))).toMatchObject({
      status: 422,
    });
    expect(await receiveCarrierWebhook(deps, carrier(tracking({ events: [] })))).toMatchObject({
      status: 422,
    });
    expect(orders.writes).toBe(writes);
  });

  it('a failure while applying releases the claim, so the retry applies it', async () => {
    const { deps, orders } = await withOrder();
    const failing: WebhookDeps = {
      ...deps,
      orders: { load: (id) => orders.load(id), save: async () => Promise.reject(new Error('throttled')) },
    };
    const delivery = carrier(tracking());
    await expect(receiveCarrierWebhook(failing, delivery)).rejects.toThrow('throttled');
    expect(await receiveCarrierWebhook(deps, delivery)).toMatchObject({ status: 200, outcome: 'applied' });
  });

  it('two deliveries for one order at once both land (optimistic concurrency retries)', async () => {
    const { deps, orders } = await withOrder();
    await Promise.all([
      receiveCarrierWebhook(
        deps,
        carrier(tracking({ eventId: 'a', events: [{ at: '2026-12-03T05:00:00Z', description: 'A' }] })),
      ),
      receiveCarrierWebhook(
        deps,
        carrier(tracking({ eventId: 'b', events: [{ at: '2026-12-03T06:00:00Z', description: 'B' }] })),
      ),
    ]);
    const descriptions = orders.rows.get('1042')?.order.shipment?.events.map((event) => event.description);
    expect(descriptions).toEqual(expect.arrayContaining(['A', 'B']));
  });
});
