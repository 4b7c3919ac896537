import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbClaimRepository } from '../../functions/adapters/aws/dynamodb-claim-repository';
import { DynamoDbConversationRepository } from '../../functions/adapters/aws/dynamodb-conversation-repository';
import { DynamoDbKnowledgeRepository } from '../../functions/adapters/aws/dynamodb-knowledge-repository';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import { DynamoDbProposalStore } from '../../functions/adapters/aws/dynamodb-proposal-store';
import { DynamoDbReturnRepository } from '../../functions/adapters/aws/dynamodb-return-repository';
import { DynamoDbStorePolicySource } from '../../functions/adapters/aws/dynamodb-store-policy-source';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import { AssistantTools } from '../../functions/core/assistant/tools';
import { turnIds } from '../../functions/core/chat/turn-ids';
import type { Order } from '../../functions/core/orders';
import type { StoredMessage } from '../../functions/ports/repositories';
import { lambdaContext } from '../../local/gateway/lambda-context';
import type { LambdaHandler } from '../../local/gateway/websocket-gateway';
import { loadHandler } from '../../local/handler-modules';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

// The store is the outbox: every acknowledged shopper message gets exactly one answer, whatever fails
// between storing it and answering. Faults are injected into the assistant's stream invocations the way a
// Lambda fails: throwing before any work, or crashing after the work and before reporting success.

type Fault = 'none' | 'fail-before' | 'crash-after';
const faults = new Map<string, Fault[]>();
let invocations = 0;

/** Each text may script the outcomes of its first invocations. */
function faulty(handler: LambdaHandler): LambdaHandler {
  return async (event: DynamoDBStreamEvent, context) => {
    invocations += 1;
    const texts = event.Records.map((record) => record.dynamodb?.NewImage?.text?.S ?? '');
    const fault = texts
      .map((text) => faults.get(text)?.shift())
      .find((planned) => planned && planned !== 'none');
    if (fault === 'fail-before') throw new Error('injected: the invocation died before doing anything');
    const result = await handler(event, context);
    if (fault === 'crash-after') throw new Error('injected: the invocation died after its work');
    return result;
  };
}

let test: TestStack;
let repository: DynamoDbConversationRepository;
let db: DynamoDBDocumentClient;
const clients: ShopperClient[] = [];

async function shopper(customerId: string): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  clients.push(client);
  return client;
}

async function transcript(sessionId: string): Promise<StoredMessage[]> {
  return repository.listMessagesAfter(sessionId, 0, 100);
}

const repliesTo = (messages: StoredMessage[], clientMessageId: string) =>
  messages.filter((message) => message.role === 'assistant' && message.replyTo === clientMessageId);

async function ackOf(client: ShopperClient, text: string) {
  const clientMessageId = client.say(text);
  const ack = await client.waitFor(
    (event) => event.type === 'ack' && event.clientMessageId === clientMessageId,
  );
  if (ack.type !== 'ack') throw new Error('no ack');
  return { clientMessageId, sessionId: ack.sessionId, cursor: ack.cursor };
}

beforeAll(async () => {
  test = await startTestStack({
    wrapHandler: (module, handler) => (module === 'assistant' ? faulty(handler) : handler),
  });
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' }),
  );
  repository = new DynamoDbConversationRepository(db, test.stack.info.tables.conversations, 30, 1000);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  db?.destroy();
  await test?.stop();
});

describe('a turn pipeline that loses nothing', () => {
  it('a turn whose invocations fail is retried from the stream until the message is answered once', async () => {
    const client = await shopper('c-ana');
    faults.set('Where is my order? (retried)', ['fail-before', 'fail-before']);
    const before = invocations;
    const { clientMessageId, sessionId } = await ackOf(client, 'Where is my order? (retried)');
    const reply = await client.replyTo(clientMessageId);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(invocations - before).toBeGreaterThanOrEqual(3);
    await test.stack.streamsDrained();
    expect(repliesTo(await transcript(sessionId), clientMessageId)).toHaveLength(1);
  });

  it('a turn that crashes after storing its reply is answered once, and the stored reply is not overwritten', async () => {
    const client = await shopper('c-ana');
    faults.set('Where is my order? (crash)', ['crash-after']);
    const { clientMessageId, sessionId } = await ackOf(client, 'Where is my order? (crash)');
    const reply = await client.replyTo(clientMessageId);
    await test.stack.streamsDrained();
    const stored = repliesTo(await transcript(sessionId), clientMessageId);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.text).toBe(reply.text);
    expect(
      client.events.filter((event) => event.type === 'message' && event.replyTo === clientMessageId),
    ).toHaveLength(1);
  });

  it('a duplicate invocation of a finished turn neither answers again nor changes the reply', async () => {
    const client = await shopper('c-ana');
    const { clientMessageId, sessionId, cursor } = await ackOf(client, 'Where is my order? (duplicate)');
    await client.replyTo(clientMessageId);
    await test.stack.streamsDrained();
    const [shopperMessage] = await repository.listMessagesAfter(sessionId, cursor - 1, 1);
    const before = repliesTo(await transcript(sessionId), clientMessageId);

    const assistant = await loadHandler('assistant');
    const record = {
      eventID: randomUUID(),
      eventName: 'INSERT' as const,
      eventSource: 'aws:dynamodb',
      dynamodb: {
        NewImage: marshall({ ...shopperMessage, type: 'message' }, { removeUndefinedValues: true }),
        SequenceNumber: '1',
      },
    } as unknown as DynamoDBStreamEvent['Records'][number];
    const pushedBefore = client.events.length;
    for (let run = 0; run < 2; run++) {
      const response = await assistant({ Records: [record] }, lambdaContext('assistant', 60_000));
      expect(response).toEqual({ batchItemFailures: [] });
    }
    expect(repliesTo(await transcript(sessionId), clientMessageId)).toEqual(before);
    expect(
      client.events
        .slice(pushedBefore)
        .filter((event) => event.type === 'message' || event.type === 'typing'),
    ).toEqual([]);
  });

  it('a message stored by a route that died before acknowledging is still answered, and a resend is not', async () => {
    const client = await shopper('c-ana');
    const { sessionId } = await ackOf(client, 'hello');
    const clientMessageId = `lost-ack-${randomUUID()}`;
    // The route stored the message and died: no ack ever reached the shopper.
    const stored = await repository.appendShopperMessage({
      sessionId,
      clientMessageId,
      text: 'Where is my order?',
    });
    expect(stored.status).toBe('accepted');
    const reply = await client.replyTo(clientMessageId);
    expect(reply.role).toBe('assistant');
    // The widget resends after reconnecting: the duplicate is refused with its id, and nothing is answered twice.
    client.say('Where is my order?', clientMessageId);
    await client.waitFor(
      (event) =>
        event.type === 'error' &&
        event.code === 'duplicate_message' &&
        event.clientMessageId === clientMessageId,
    );
    await test.stack.streamsDrained();
    expect(repliesTo(await transcript(sessionId), clientMessageId)).toHaveLength(1);
  });
});

const DELIVERED: Order = {
  orderId: 'T3001',
  customerId: 'c-retry',
  email: 'retry@example.com',
  placedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
  country: 'DE',
  currency: 'EUR',
  status: 'delivered',
  items: [{ sku: 'DRS-S-RED', name: 'Linen dress', size: 'S', color: 'red', quantity: 1, unitPrice: 59 }],
  shipment: {
    carrier: 'DHL',
    trackingNumber: 'JD014600001234',
    status: 'delivered',
    events: [{ at: new Date(Date.now() - 4 * 86_400_000).toISOString(), description: 'Delivered' }],
  },
};

describe('tools of a retried turn', () => {
  it('open one return and one case however often the turn runs', async () => {
    const store = test.stack.info.tables.store;
    const orders = new DynamoDbOrderRepository(db, store);
    await orders.putOrder(DELIVERED);
    const returns = new DynamoDbReturnRepository(db, store);
    const claims = new DynamoDbClaimRepository(db, store);
    const turn = { sessionId: `s-${randomUUID()}`, messageSeq: 7 };
    // Each run is a fresh turn, as a retried invocation would build it.
    const runTurn = () => {
      const tools = new AssistantTools(orders, repository, {
        orders,
        orderUpdates: orders,
        returns,
        knowledge: new DynamoDbKnowledgeRepository(db, store),
        claims,
        rules: new DynamoDbStorePolicySource(db, store, {
          policy: DEMO_STORE_POLICY,
          routing: DEMO_COMPLAINT_ROUTING,
        }),
        proposals: new DynamoDbProposalStore(db, test.stack.info.tables.conversations),
        handoffs: repository,
        now: () => new Date(),
        newId: turnIds(turn),
      });
      const context = { customerId: 'c-retry', sessionId: turn.sessionId };
      return Promise.all([
        tools.execute(
          'start_return',
          { orderId: 'T3001', reason: 'changed_mind', resolution: 'refund' },
          context,
        ),
      ]).then(async ([started]) => [
        started,
        await tools.execute('open_claim', { kind: 'complaint', description: 'The box was dirty' }, context),
      ]);
    };
    const first = await runTurn();
    const second = await runTurn();
    expect([...first, ...second].map((outcome) => outcome.status)).toEqual([
      'success',
      'success',
      'success',
      'success',
    ]);
    const claimIdOf = (outcome: (typeof first)[number]) =>
      outcome.status === 'success' ? (outcome.content as { claimId?: string }).claimId : undefined;
    expect(claimIdOf(second[1] as (typeof first)[number])).toBe(
      claimIdOf(first[1] as (typeof first)[number]),
    );
    expect(await returns.listForOrder('T3001')).toHaveLength(1);
    expect(await claims.listForCustomer('c-retry', 10)).toHaveLength(1);
  });
});
