import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import type { Order } from '../../functions/core/orders';
import { factDir, runNamedQuery, withConnection } from '../../local/analytics/duckdb';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

/**
 * Issue 14, part 6, end to end: real WebSocket → DynamoDB Local → stream pollers → Parquet → named query.
 * Each shopper has one delivered single-item order of their own.
 */
let test: TestStack;
let db: DynamoDBDocumentClient;
const clients: ShopperClient[] = [];
const started = Date.now();
const at = (millis: number) => new Date(millis).toISOString().replace('T', ' ').slice(0, 19);

function deliveredOrder(orderId: string, customerId: string, item: Order['items'][number]): Order {
  return {
    orderId,
    customerId,
    email: `${customerId}@example.com`,
    placedAt: new Date(started - 12 * 86_400_000).toISOString(),
    country: 'DE',
    currency: 'EUR',
    status: 'delivered',
    items: [item],
    shipment: {
      carrier: 'DHL',
      trackingNumber: `JD0146000062${orderId}`,
      status: 'delivered',
      events: [{ at: new Date(started - 5 * 86_400_000).toISOString(), description: 'Delivered' }],
    },
  };
}

const SHIRT = { sku: 'SHIRT-FADE-1', name: 'Chambray shirt', size: 'M', quantity: 1, unitPrice: 49 };
const DRESS = { sku: 'DRESS-FIT-1', name: 'Wrap dress', size: 'S', quantity: 1, unitPrice: 69 };

async function shopper(customerId: string): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  clients.push(client);
  return client;
}

async function shopperMessageFacts(): Promise<Array<Record<string, unknown>>> {
  const glob = join(factDir(test.dataDir, 'message_facts'), 'dt=*', '*.parquet');
  return withConnection(async (connection) => {
    const reader = await connection.runAndReadAll(
      `SELECT conversation_id, sku, order_id, defects FROM read_parquet('${glob}', union_by_name = true)
       WHERE role = 'shopper' ORDER BY occurred_at`,
    );
    return reader.getRowObjectsJS() as Array<Record<string, unknown>>;
  });
}

beforeAll(async () => {
  test = await startTestStack();
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' }),
  );
  const orders = new DynamoDbOrderRepository(db, test.stack.info.tables.store);
  for (const [orderId, customer, item] of [
    ['F4001', 'c-fade-en', SHIRT],
    ['F4002', 'c-fade-de', SHIRT],
    ['F4003', 'c-fade-es', SHIRT],
    ['R5001', 'c-fit-en', DRESS],
    ['R5002', 'c-fit-es', DRESS],
    ['R5003', 'c-fit-fr', DRESS],
  ] as const)
    await orders.putOrder(deliveredOrder(orderId, customer, item));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  db?.destroy();
  await test?.stop();
});

describe('facts that name what they are about, through the real local stack', () => {
  it('puts the named order and its only item on message facts, so keyword-alerts fires per SKU from live chats', async () => {
    const chats: Array<[string, string]> = [
      ['c-fade-en', 'My order F4001 arrived and the shirt faded after one wash'],
      ['c-fade-de', 'Bestellung F4002: das Hemd ist nach einer Wäsche verblasst'],
      ['c-fade-es', 'Mi pedido F4003 llegó y la camisa está descolorida'],
    ];
    for (const [customer, text] of chats) await (await shopper(customer)).ask(text);
    await test.stack.streamsDrained();

    const facts = await shopperMessageFacts();
    const named = facts.filter((fact) => fact.sku === SHIRT.sku);
    expect(named.map((fact) => fact.order_id).sort()).toEqual(['F4001', 'F4002', 'F4003']);
    for (const fact of named) expect(fact.defects).toContain('faded');

    const alerts = await runNamedQuery(test.dataDir, 'keyword-alerts', {
      since: at(started - 3_600_000),
      until: at(Date.now() + 3_600_000),
      timezone: 'UTC',
    });
    expect(alerts).toContainEqual(
      expect.objectContaining({ sku: SHIRT.sku, defect_messages: 3, top_defect: 'faded' }),
    );
  });

  it('stores the reason the shopper gave on the return, so returns-by-sku counts "too small" as size-related', async () => {
    const chats: Array<[string, string, RegExp]> = [
      ['c-fit-en', "I want to return order R5001 because it's too small", /R-R5001-/],
      ['c-fit-es', 'Quiero devolver el pedido R5002, es demasiado pequeño', /R-R5002-/],
      ['c-fit-fr', 'Je veux retourner la commande R5003, elle est trop petite', /R-R5003-/],
    ];
    for (const [customer, text, rma] of chats) {
      const reply = await (await shopper(customer)).ask(text);
      expect(reply.text).toMatch(rma);
    }
    await test.stack.streamsDrained();

    const bySku = await runNamedQuery(test.dataDir, 'returns-by-sku', {
      since: at(started - 86_400_000),
      until: at(Date.now() + 3_600_000),
      timezone: 'UTC',
    });
    expect(bySku).toContainEqual(
      expect.objectContaining({
        sku: DRESS.sku,
        return_count: 3,
        size_related_units: 3,
        size_related_share: 1,
        top_reason: 'too_small',
      }),
    );
  });
});
