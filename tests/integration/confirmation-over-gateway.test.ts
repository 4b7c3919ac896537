import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import type { Order } from '../../functions/core/orders';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
let db: DynamoDBDocumentClient;
let orders: DynamoDbOrderRepository;
const clients: ShopperClient[] = [];

/** A paid, unshipped order of its own per test, so each language cancels its own. */
function paidOrder(orderId: string, customerId: string, currency = 'EUR'): Order {
  return {
    orderId,
    customerId,
    email: `${customerId}@example.com`,
    placedAt: new Date(Date.now() - 86_400_000).toISOString(),
    country: 'DE',
    currency,
    status: 'paid',
    items: [{ sku: 'TEE-L-WHT', name: 'Organic tee', size: 'L', quantity: 1, unitPrice: 29 }],
  };
}

async function shopper(customerId: string): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  clients.push(client);
  return client;
}

async function proposalItem(sessionId: string) {
  const result = await db.send(
    new GetCommand({
      TableName: test.stack.info.tables.conversations,
      Key: { pk: `SESSION#${sessionId}`, sk: 'PROPOSAL' },
      ConsistentRead: true,
    }),
  );
  return result.Item;
}

const statusOf = async (orderId: string) => (await orders.getOrder(orderId))?.status;

beforeAll(async () => {
  test = await startTestStack();
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' }),
  );
  orders = new DynamoDbOrderRepository(db, test.stack.info.tables.store);
  for (const [orderId, customer] of [
    ['C3001', 'c-conf-en'],
    ['C3002', 'c-conf-de'],
    ['C3003', 'c-conf-es'],
    ['C3004', 'c-conf-fr'],
    ['C3005', 'c-conf-ja'],
    ['C3006', 'c-conf-pt'],
    ['C3007', 'c-conf-tr'],
  ] as const)
    await orders.putOrder(paidOrder(orderId, customer));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  db?.destroy();
  await test?.stop();
});

describe('confirmation before irreversible actions, over the real gateway and DynamoDB Local', () => {
  it.each([
    [
      'en',
      'c-conf-en',
      'C3001',
      'I want to cancel order C3001',
      'yes',
      'Shall I cancel order C3001',
      'is cancelled',
    ],
    [
      'de',
      'c-conf-de',
      'C3002',
      'Ich möchte meine Bestellung C3002 stornieren',
      'ja',
      'stornieren',
      'storniert',
    ],
    [
      'es',
      'c-conf-es',
      'C3003',
      'Quiero cancelar mi pedido C3003',
      'sí',
      '¿Cancelo el pedido C3003',
      'cancelado',
    ],
  ])(
    'in %s: stores a proposal, cancels only after the yes, and a second yes acts once',
    async (_lang, customer, orderId, ask, yes, proposed, done) => {
      const client = await shopper(customer);
      const proposal = await client.ask(ask);
      expect(proposal.text).toContain(proposed);
      expect(proposal.text).toMatch(/29[.,]00/);
      expect(await statusOf(orderId)).toBe('paid');
      const stored = await proposalItem(proposal.sessionId);
      expect(stored).toMatchObject({
        status: 'pending',
        data: { tool: 'cancel_order', summary: { orderId } },
      });
      expect(stored?.expiresAt).toBeGreaterThan(Date.now() / 1000);

      const confirmed = await client.ask(yes);
      expect(confirmed.intent).toBe('cancel_order');
      expect(confirmed.text).toContain(done);
      expect(await statusOf(orderId)).toBe('cancelled');
      expect(await proposalItem(proposal.sessionId)).toMatchObject({
        status: 'done',
        result: { outcome: 'cancelled' },
      });

      const again = await client.ask(yes);
      expect(again.text).toBe(confirmed.text);
      expect(await statusOf(orderId)).toBe('cancelled');
    },
  );

  it.each([
    ['fr', 'c-conf-fr', 'C3004', 'Annulez ma commande C3004', 'non', 'je n’ai rien changé'],
    ['ja', 'c-conf-ja', 'C3005', '注文C3005をキャンセルしてください', 'いいえ', '何も変更していません'],
  ])('in %s: a no leaves the order as it was', async (_lang, customer, orderId, ask, no, said) => {
    const client = await shopper(customer);
    const proposal = await client.ask(ask);
    expect(proposal.text).toContain(orderId);
    const reply = await client.ask(no);
    expect(reply.text).toContain(said);
    expect(await statusOf(orderId)).toBe('paid');
    expect(await proposalItem(proposal.sessionId)).toMatchObject({ status: 'declined' });
  });

  it.each([
    ['pt', 'c-conf-pt', 'C3006', 'Quero cancelar meu pedido C3006', 'sim', 'Esse pedido expirou'],
    ['tr', 'c-conf-tr', 'C3007', 'C3007 numaralı siparişimi iptal edin', 'evet', 'süresi doldu'],
  ])(
    'in %s: a yes after the proposal expired gets a fresh proposal, not the cancellation',
    async (_lang, customer, orderId, ask, yes, expired) => {
      const client = await shopper(customer);
      const proposal = await client.ask(ask);
      await db.send(
        new UpdateCommand({
          TableName: test.stack.info.tables.conversations,
          Key: { pk: `SESSION#${proposal.sessionId}`, sk: 'PROPOSAL' },
          UpdateExpression: 'SET #data.validUntil = :past',
          ExpressionAttributeNames: { '#data': 'data' },
          ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() },
        }),
      );
      const late = await client.ask(yes);
      expect(late.text).toContain(expired);
      expect(late.text).toContain(orderId);
      expect(await statusOf(orderId)).toBe('paid');
      const fresh = await proposalItem(proposal.sessionId);
      expect(fresh).toMatchObject({ status: 'pending' });
      expect(Date.parse(fresh?.data.validUntil)).toBeGreaterThan(Date.now());
    },
  );
});
