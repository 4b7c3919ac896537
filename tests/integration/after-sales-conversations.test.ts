import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbClaimRepository } from '../../functions/adapters/aws/dynamodb-claim-repository';
import { DynamoDbKnowledgeRepository } from '../../functions/adapters/aws/dynamodb-knowledge-repository';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import { DynamoDbReturnRepository } from '../../functions/adapters/aws/dynamodb-return-repository';
import {
  DynamoDbStorePolicySource,
  POLICY_KEY,
} from '../../functions/adapters/aws/dynamodb-store-policy-source';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import { createRma, transition } from '../../functions/core/after-sales/rma';
import type { Order } from '../../functions/core/orders';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
let db: DynamoDBDocumentClient;
const clients: ShopperClient[] = [];

async function shopper(customerId: string): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  clients.push(client);
  return client;
}

/** Sofía's delivered dress, so a second return in another language does not meet Sam's open one. */
const SOFIA_DELIVERED: Order = {
  orderId: 'B2001',
  customerId: 'c-sofia',
  email: 'sofia@example.com',
  placedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
  country: 'ES',
  currency: 'EUR',
  status: 'delivered',
  items: [{ sku: 'DRS-S-RED', name: 'Linen dress', size: 'S', color: 'red', quantity: 1, unitPrice: 59 }],
  shipment: {
    carrier: 'Correos',
    trackingNumber: 'PQ4BC10000999990X',
    status: 'delivered',
    events: [{ at: new Date(Date.now() - 4 * 86_400_000).toISOString(), description: 'Entregado' }],
  },
};

beforeAll(async () => {
  test = await startTestStack();
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' }),
  );
  await new DynamoDbOrderRepository(db, test.stack.info.tables.store).putOrder(SOFIA_DELIVERED);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  db?.destroy();
  await test?.stop();
});

describe('after-sales conversations over the local gateway', () => {
  it('opens a return in English and stores the approved RMA under the order', async () => {
    const sam = await shopper('c-sam');
    const reply = await sam.ask('Hi, I want to return my order A1006');
    expect(reply.intent).toBe('return_request');
    expect(reply.text).toMatch(/I've opened return (R-A1006-[0-9A-F]+) for Desk lamp from order A1006/);
    expect(reply.text).toContain('$45.00');
    const rmaId = /R-A1006-[0-9A-F]+/.exec(reply.text)?.[0] as string;
    const returns = new DynamoDbReturnRepository(db, test.stack.info.tables.store);
    expect(await returns.get('A1006', rmaId)).toMatchObject({ state: 'approved', refund: { minor: 4500 } });

    const status = await sam.ask('What is the status of my refund for A1006?');
    expect(status.text).toContain(`Return ${rmaId} (Desk lamp): approved`);
  });

  it('asks which of her orders, then opens a return in Spanish', async () => {
    const sofia = await shopper('c-sofia');
    const question = await sofia.ask('Hola, quiero devolver un vestido');
    expect(question.language).toBe('es');
    // Her orders are looked up and listed rather than a number asked for.
    expect(question.text).toContain('B2001');
    expect(question.text).not.toContain('número de pedido');
    const reply = await sofia.ask('B2001');
    expect(reply.language).toBe('es');
    expect(reply.text).toMatch(/He abierto la devolución R-B2001-[0-9A-F]+ para Linen dress/);
    expect(reply.text).toContain('59,00');
  });

  it('cancels an order that has not shipped after the yes and records the cancellation', async () => {
    const sam = await shopper('c-sam');
    const proposal = await sam.ask('Please cancel my order A1007');
    expect(proposal.intent).toBe('cancel_order');
    expect(proposal.text).toContain('Shall I cancel order A1007');
    const reply = await sam.ask('yes');
    expect(reply.text).toContain('Order A1007 is cancelled. $57.00 will be refunded');
    const order = await new DynamoDbOrderRepository(db, test.stack.info.tables.store).getOrder('A1007');
    expect(order?.status).toBe('cancelled');
  });

  it('advises a shoe size from a foot length in cm', async () => {
    const ana = await shopper('c-ana');
    const reply = await ana.ask('Which size of the trail runner should I buy? My foot is 26.5 cm long');
    expect(reply.intent).toBe('size_advice');
    expect(reply.text).toBe(
      "For the Trail runner, I recommend size EU 42. Your measurements (26.5 cm) fall in its size chart's EU 42 range.",
    );
  });

  it('asks for measurements, then advises a jacket size from feet and pounds', async () => {
    const jonas = await shopper('c-jonas');
    const question = await jonas.ask('What size rain jacket should I order?');
    expect(question.text).toContain('height and weight');
    const reply = await jonas.ask("I'm 6 ft 1 and 190 lb");
    expect(reply.text).toBe(
      "For the Rain jacket, I recommend size L. Your measurements (185 cm, 86.2 kg) fall in its size chart's L range.",
    );
  });

  it('answers a shipping question from the FAQ and names its source', async () => {
    const ana = await shopper('c-ana');
    const reply = await ana.ask('How long does shipping take?');
    expect(reply.text).toContain('Orders ship within 2 business days; delivery takes 5-12 days.');
    expect(reply.text).toContain('Source:');
  });

  it('routes a complaint to the team that owns it and queues the chat for a person', async () => {
    const ana = await shopper('c-ana');
    const reply = await ana.ask('I want to complain: your website keeps crashing at checkout');
    const claimId = /C-[0-9A-F]+/.exec(reply.text)?.[0];
    expect(claimId).toBeDefined();
    const claims = await new DynamoDbClaimRepository(db, test.stack.info.tables.store).listForCustomer(
      'c-ana',
      10,
    );
    expect(claims.find((claim) => claim.claimId === claimId)).toMatchObject({
      kind: 'complaint',
      category: 'website',
      owner: { type: 'queue', id: 'ecommerce-web' },
      status: 'open',
    });
  });

  it("refuses another customer's order without revealing anything about it", async () => {
    const ana = await shopper('c-ana');
    const reply = await ana.ask('I want to return my order A1006');
    expect(reply.text).toContain("I couldn't find that order on your account");
    expect(reply.text).not.toContain('Desk lamp');
    const cancel = await ana.ask('Cancel order A1007 please');
    expect(cancel.text).not.toContain('cancelled');
  });
});

describe('after-sales adapters on DynamoDB Local', () => {
  it('never lets a late transition overwrite a newer RMA state', async () => {
    const returns = new DynamoDbReturnRepository(db, test.stack.info.tables.store);
    const created = createRma(
      {
        rmaId: 'R-A1001-TEST01',
        orderId: 'A1001',
        customerId: 'c-ana',
        sku: 'RUN-42-BLK',
        quantity: 1,
        kind: 'refund',
        reason: 'too_small',
        refund: { currency: 'EUR', minor: 8990 },
      },
      '2026-11-20T10:00:00.000Z',
    );
    if (!created.ok) throw new Error('test RMA invalid');
    expect(await returns.create(created.rma)).toBe('created');
    expect(await returns.create(created.rma)).toBe('exists');
    const approved = transition(created.rma, { type: 'approve' }, '2026-11-20T11:00:00.000Z');
    const rejected = transition(created.rma, { type: 'reject', reason: 'other' }, '2026-11-20T11:00:01.000Z');
    if (!approved.ok || !rejected.ok) throw new Error('test transitions invalid');
    expect(await returns.saveTransition(approved.rma)).toBe('saved');
    expect(await returns.saveTransition(rejected.rma)).toBe('stale');
    expect((await returns.get('A1001', 'R-A1001-TEST01'))?.state).toBe('approved');
    expect(await returns.listReturnsForProduct('RUN-42-BLK', 10)).toContainEqual({
      sku: 'RUN-42-BLK',
      reason: 'too_small',
    });
  });

  it('reads the catalogue with one index query and the policy item when the seller wrote one', async () => {
    const knowledge = new DynamoDbKnowledgeRepository(db, test.stack.info.tables.store);
    expect((await knowledge.listFaq()).map((entry) => entry.id)).toContain('returns-window');
    expect((await knowledge.getProduct('jkt-m-nvy'))?.sizeChart?.rows).toHaveLength(3);

    const defaults = { policy: DEMO_STORE_POLICY, routing: DEMO_COMPLAINT_ROUTING };
    const source = new DynamoDbStorePolicySource(db, test.stack.info.tables.store, defaults);
    expect((await source.get()).policy.returnWindowDays).toBe(30);
    await db.send(
      new PutCommand({
        TableName: test.stack.info.tables.store,
        Item: { ...POLICY_KEY, policy: { ...DEMO_STORE_POLICY, returnWindowDays: 14 } },
      }),
    );
    const fresh = new DynamoDbStorePolicySource(db, test.stack.info.tables.store, defaults);
    expect((await fresh.get()).policy.returnWindowDays).toBe(14);
    expect((await fresh.get()).routing).toEqual(DEMO_COMPLAINT_ROUTING);
  });
});
