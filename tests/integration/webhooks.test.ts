import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import { signCarrierBody, signShopifyBody } from '../../functions/core/webhooks/signatures';
import { importFile } from '../../store-config/imports/import';
import { startTestStack, type TestStack } from '../support/local-stack';
import { shopifyFulfillmentPayload, shopifyOrderPayload } from '../support/shopify-payloads';

let test: TestStack;
let secrets: { shopify: string; carrier: string };
let orders: DynamoDbOrderRepository;
const addMetric = vi.spyOn(Metrics.prototype, 'addMetric');

beforeAll(async () => {
  test = await startTestStack({ seed: false });
  orders = new DynamoDbOrderRepository(
    createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint }),
    test.stack.info.tables.store,
  );
  // The first delivery creates the local secrets file; read it the way a seller would.
  await fetch(new URL('webhooks/carrier', test.stack.info.webUrl), { method: 'POST', body: '{}' });
  secrets = JSON.parse(await readFile(join(test.dataDir, 'webhook-secrets.json'), 'utf8'));
}, 120_000);

afterAll(async () => {
  await test?.stop();
});

const now = () => new Date().toISOString();

async function postShopify(topic: string, payload: unknown, options: { id?: string; hmac?: string } = {}) {
  const body = JSON.stringify(payload);
  const response = await fetch(new URL('webhooks/shopify', test.stack.info.webUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-webhook-id': options.id ?? crypto.randomUUID(),
      'x-shopify-hmac-sha256': options.hmac ?? signShopifyBody(secrets.shopify, body),
      'x-shopify-triggered-at': now(),
      'x-shopify-shop-domain': 'example.myshopify.com',
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as { outcome: string; message: string } };
}

async function postCarrier(payload: unknown, timestamp = String(Math.floor(Date.now() / 1000))) {
  const body = JSON.stringify(payload);
  const response = await fetch(new URL('webhooks/carrier', test.stack.info.webUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'afterdesk-timestamp': timestamp,
      'afterdesk-signature': signCarrierBody(secrets.carrier, timestamp, body),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as { outcome: string } };
}

describe('webhooks on the local web server (the HTTP API handler on DynamoDB Local)', () => {
  it('orders/create then fulfillments/create store an order the assistant can read', async () => {
    const created = await postShopify('orders/create', shopifyOrderPayload({ updated_at: now() }));
    expect(created).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    const fulfilled = await postShopify(
      'fulfillments/create',
      shopifyFulfillmentPayload({ updated_at: now() }),
    );
    expect(fulfilled).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    const order = await orders.getOrder('1042');
    expect(order).toMatchObject({ orderId: '1042', status: 'shipped', shipment: { status: 'in_transit' } });
    expect(addMetric).toHaveBeenCalledWith('WebhookApplied', 'Count', 1);
  });

  it('a bad signature is 401, writes nothing and counts WebhookBadSignature', async () => {
    const result = await postShopify(
      'orders/create',
      shopifyOrderPayload({ name: '#2001', updated_at: now() }),
      {
        hmac: signShopifyBody('not-the-shop-secret', 'x'),
      },
    );
    expect(result).toMatchObject({ status: 401, body: { outcome: 'bad_signature' } });
    expect(await orders.getOrder('2001')).toBeUndefined();
    expect(addMetric).toHaveBeenCalledWith('WebhookBadSignature', 'Count', 1);
  });

  it('a redelivered webhook id is a 200 duplicate that changes nothing (the marker is durable)', async () => {
    const id = crypto.randomUUID();
    const payload = shopifyOrderPayload({ name: '#3001', updated_at: now() });
    expect((await postShopify('orders/create', payload, { id })).body.outcome).toBe('applied');
    const before = await orders.getOrder('3001');
    const again = await postShopify('orders/create', { ...payload, financial_status: 'refunded' }, { id });
    expect(again).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(await orders.getOrder('3001')).toEqual(before);
    expect(addMetric).toHaveBeenCalledWith('WebhookDuplicate', 'Count', 1);
  });

  it('the carrier webhook appends tracking events; a stale timestamp is 403 and writes nothing', async () => {
    const update = {
      eventId: crypto.randomUUID(),
      orderId: '1042',
      carrier: 'DHL Express',
      trackingNumber: 'JD014600006281230000',
      status: 'out_for_delivery',
      events: [{ at: now(), location: 'Berlin', description: 'Out for delivery' }],
    };
    const stale = await postCarrier(update, String(Math.floor(Date.now() / 1000) - 3600));
    expect(stale).toMatchObject({ status: 403, body: { outcome: 'stale' } });
    expect((await orders.getOrder('1042'))?.shipment?.status).toBe('in_transit');
    expect(await postCarrier(update)).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    const order = await orders.getOrder('1042');
    expect(order?.shipment?.status).toBe('out_for_delivery');
    expect(order?.shipment?.events.at(-1)?.location).toBe('Berlin');
  });

  it('malformed bodies are 422 and unknown orders 404, each counted', async () => {
    expect((await postShopify('orders/create', { hello: 'world' })).status).toBe(422);
    const unknown = await postCarrier({
      eventId: crypto.randomUUID(),
      orderId: 'NO-SUCH-ORDER',
      carrier: 'UPS',
      trackingNumber: '1Z999',
      status: 'in_transit',
      events: [{ at: now(), description: 'Departed' }],
    });
    expect(unknown).toMatchObject({ status: 404, body: { outcome: 'unknown_order' } });
    expect(await orders.getOrder('NO-SUCH-ORDER')).toBeUndefined();
    expect(addMetric).toHaveBeenCalledWith('WebhookMalformed', 'Count', 1);
    expect(addMetric).toHaveBeenCalledWith('WebhookUnknownOrder', 'Count', 1);
  });

  it('an order imported from a Shopify CSV and the same order by webhook stay one order under one id', async () => {
    const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
    const table = test.stack.info.tables.store;
    // Shopify's export columns, as they are; "so/3044" is a store's own order-name format.
    const csv = [
      'Name,Email,Financial Status,Fulfillment Status,Currency,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Id',
      '#3042,mia@example.com,paid,,EUR,2026-12-01 09:15:00 +0100,2,Linen tee - M / Black,29.95,TEE-BLK-M,DE,5512345673042',
      'so/3044,mia@example.com,paid,,EUR,2026-12-01 09:20:00 +0100,1,Linen tee - M / Black,29.95,TEE-BLK-M,DE,5512345673044',
    ].join('\n');
    const imported = await importFile(db, table, 'orders', csv, 'csv');
    expect(imported).toMatchObject({ rejected: [], written: 2 });

    for (const [name, id] of [
      ['#3042', 5_512_345_673_042],
      ['so/3044', 5_512_345_673_044],
    ] as const) {
      const updated = await postShopify(
        'orders/updated',
        shopifyOrderPayload({ id, name, financial_status: 'paid', updated_at: now() }),
      );
      expect(updated).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    }
    // The fulfillment names the order by Shopify's id too: the imported id must be the one it checks.
    const fulfilled = await postShopify(
      'fulfillments/create',
      shopifyFulfillmentPayload({ order_id: 5_512_345_673_042, name: '#3042.1', updated_at: now() }),
    );
    expect(fulfilled).toMatchObject({ status: 200, body: { outcome: 'applied' } });

    const items = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'contains(pk, :a) OR contains(pk, :b)',
        ExpressionAttributeValues: { ':a': '3042', ':b': '3044' },
      }),
    );
    const orderItems = (items.Items ?? []).filter((item) => item.sk === 'ORDER');
    expect(orderItems.map((item) => [item.pk, item.data?.orderId, item.data?.shopifyOrderId]).sort()).toEqual(
      [
        ['ORDER#3042', '3042', '5512345673042'],
        ['ORDER#SO3044', 'SO3044', '5512345673044'],
      ],
    );
    expect(await orders.getOrder('3042')).toMatchObject({
      status: 'shipped',
      shipment: { status: 'in_transit' },
    });
  });

  it('other methods are refused with 405', async () => {
    const response = await fetch(new URL('webhooks/shopify', test.stack.info.webUrl));
    expect(response.status).toBe(405);
  });
});
