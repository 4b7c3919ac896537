import type { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoDbStorePolicySource } from '../../functions/adapters/aws/dynamodb-store-policy-source';
import { turnRequestOf } from '../../functions/adapters/aws/dynamodb-turn-requests';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import { AssistantTools, MAX_LISTED_ORDERS } from '../../functions/core/assistant/tools';
import { answerMessage, type TurnRequest } from '../../functions/core/chat/answer-message';
import { mayNeedOrders, startTurnReads } from '../../functions/core/chat/turn-reads';
import { EmbeddedChatModel } from '../../functions/core/embedded-model/embedded-chat-model';
import { classifyIntent } from '../../functions/core/nlu/intents';
import type { Order } from '../../functions/core/orders';
import type { ServerEvent } from '../../functions/core/protocol';
import type { OrderRepository, StoredMessage, TurnSnapshot } from '../../functions/ports/repositories';

// A turn starts its reads (session, the customer's orders, the store's rules) together with its idempotency
// claim, so they cost the shopper one round trip. Each shortcut must keep what reading in turn guaranteed.

const orderOf = (customerId: string, trackingNumber: string): Order => ({
  orderId: `K-${customerId}`,
  customerId,
  email: `${customerId}@example.com`,
  placedAt: '2026-11-20T10:00:00Z',
  country: 'DE',
  currency: 'EUR',
  status: 'shipped',
  items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', size: 'EU 42', quantity: 1, unitPrice: 89.9 }],
  shipment: {
    carrier: 'DHL',
    trackingNumber,
    status: 'in_transit',
    events: [{ at: '2026-11-21T08:00:00Z', description: 'Departed hub' }],
  },
});

const ORDERS: Record<string, Order> = {
  'c-ana': orderOf('c-ana', 'JD014600000001'),
  'c-ben': orderOf('c-ben', 'JD014600000002'),
};

/** An order store that counts its listings and fails the ones it is told to. */
function orderStore(failures = 0) {
  const listed: string[] = [];
  let failing = failures;
  const store: OrderRepository = {
    getOrder: async (orderId) => Object.values(ORDERS).find((order) => order.orderId === orderId),
    putOrder: async () => undefined,
    listOrdersForCustomer: async (customerId) => {
      listed.push(customerId);
      if (failing > 0) {
        failing -= 1;
        throw new Error('injected: the orders query failed');
      }
      const order = ORDERS[customerId];
      return order ? [order] : [];
    },
  };
  return { store, listed };
}

const snapshotOf = (customerId: string): TurnSnapshot => ({
  session: { sessionId: 's-1', customerId, connectionId: 'conn-1', createdAt: 'then' },
  recent: [{ sessionId: 's-1', seq: 1, role: 'shopper', text: 'Where is my order?', createdAt: 'now' }],
  proposal: undefined,
});

/** One turn of the embedded model, wired as the assistant handler wires it. */
async function runTurn(options: {
  turn: TurnRequest;
  snapshot: () => Promise<TurnSnapshot>;
  orders: OrderRepository;
  prefetchOrders?: boolean;
}) {
  const stored: StoredMessage[] = [];
  const pushed: ServerEvent[] = [];
  const conversations = {
    readTurn: options.snapshot,
    getSession: async () => undefined,
    putMessage: async (message: StoredMessage) => void stored.push(message),
    putMessageOnce: async (message: StoredMessage) => {
      stored.push(message);
      return { status: 'stored' as const };
    },
    reserveSequences: async () => 3,
  };
  const reads = startTurnReads(
    {
      conversations,
      orders: options.orders,
      historyTurns: 10,
      listedOrders: MAX_LISTED_ORDERS,
      prefetchOrders: options.prefetchOrders,
    },
    options.turn,
  );
  const run = answerMessage(
    {
      conversations,
      model: new EmbeddedChatModel(),
      tools: new AssistantTools(reads.orders.orders, { requestHandoff: async () => 'queued' }),
      push: {
        send: async (_connection, event) => {
          pushed.push(event);
          return 'delivered';
        },
      },
      historyTurns: 10,
    },
    options.turn,
    reads.snapshot,
  );
  return { run, stored, pushed };
}

const turnOf = (customerId?: string): TurnRequest => ({
  sessionId: 's-1',
  messageSeq: 1,
  clientMessageId: 'cmid-0001',
  ...(customerId ? { customerId } : {}),
});

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});

describe('a turn’s reads, started with its idempotency claim', () => {
  it('lists the customer’s orders once, from the read started with the session read', async () => {
    const { store, listed } = orderStore();
    const { run, stored } = await runTurn({
      turn: turnOf('c-ana'),
      snapshot: async () => snapshotOf('c-ana'),
      orders: store,
    });
    // Started before the turn awaited anything.
    expect(listed).toEqual(['c-ana']);
    await run;
    expect(listed).toEqual(['c-ana']);
    expect(stored[0]?.text).toContain('JD014600000001');
  });

  it('lets the tool read the orders itself when the prefetch failed, and still answers', async () => {
    const { store, listed } = orderStore(1);
    const { run, stored } = await runTurn({
      turn: turnOf('c-ana'),
      snapshot: async () => snapshotOf('c-ana'),
      orders: store,
    });
    await run;
    expect(listed).toEqual(['c-ana', 'c-ana']);
    expect(stored[0]?.text).toContain('JD014600000001');
  });

  it('never answers from a prefetch for anyone but the session’s owner', async () => {
    const { store, listed } = orderStore();
    const { run, stored } = await runTurn({
      turn: turnOf('c-ben'),
      snapshot: async () => snapshotOf('c-ana'),
      orders: store,
    });
    await run;
    expect(listed).toEqual(['c-ben', 'c-ana']);
    expect(stored[0]?.text).toContain('JD014600000001');
    expect(stored[0]?.text).not.toContain('JD014600000002');
  });

  it('reads as before when the stored message names no owner (stored before the hint existed)', async () => {
    const { store, listed } = orderStore();
    const { run, stored } = await runTurn({
      turn: turnOf(),
      snapshot: async () => snapshotOf('c-ana'),
      orders: store,
    });
    expect(listed).toEqual([]);
    await run;
    expect(listed).toEqual(['c-ana']);
    expect(stored[0]?.text).toContain('JD014600000001');
  });

  it('prefetches no orders for a greeting or a thanks, and still answers a turn that lists them', async () => {
    expect(['hello', 'thanks', 'merci'].map((text) => mayNeedOrders(text, classifyIntent))).toEqual([
      false,
      false,
      false,
    ]);
    expect(
      ['Where is my order?', 'Can I return it?', 'thanks, where is my order?', undefined].map((text) =>
        mayNeedOrders(text, classifyIntent),
      ),
    ).toEqual([true, true, true, true]);
    const { store, listed } = orderStore();
    const { run, stored } = await runTurn({
      turn: turnOf('c-ana'),
      snapshot: async () => snapshotOf('c-ana'),
      orders: store,
      prefetchOrders: false,
    });
    expect(listed).toEqual([]);
    await run;
    expect(listed).toEqual(['c-ana']);
    expect(stored[0]?.text).toContain('JD014600000001');
  });

  it('fails the turn when the session read fails, storing and pushing nothing, so the stream retries it', async () => {
    const { store } = orderStore();
    const { run, stored, pushed } = await runTurn({
      turn: turnOf('c-ana'),
      snapshot: async () => {
        throw new Error('injected: the session read failed');
      },
      orders: store,
    });
    await expect(run).rejects.toThrow('the session read failed');
    expect(stored).toEqual([]);
    expect(pushed).toEqual([]);
  });

  it('drops reads a taken turn never awaits without an unhandled rejection', async () => {
    process.on('unhandledRejection', onUnhandled);
    const { store } = orderStore(1);
    startTurnReads(
      {
        conversations: {
          readTurn: async () => {
            throw new Error('injected: the session read failed');
          },
        },
        orders: store,
        rules: {
          get: async () => {
            throw new Error('injected: the rules read failed');
          },
        },
        historyTurns: 10,
        listedOrders: MAX_LISTED_ORDERS,
      },
      turnOf('c-ana'),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
  });

  it('forgets the prefetched orders once the turn cancels an order', async () => {
    const { store, listed } = orderStore();
    const reads = startTurnReads(
      {
        conversations: { readTurn: async () => snapshotOf('c-ana') },
        orders: store,
        historyTurns: 10,
        listedOrders: MAX_LISTED_ORDERS,
      },
      turnOf('c-ana'),
    );
    const updates = reads.orders.updates({ cancelOrder: async () => 'cancelled' });
    await updates.cancelOrder('K-c-ana', 'placed', 'now');
    await reads.orders.orders.listOrdersForCustomer('c-ana', 5);
    expect(listed).toEqual(['c-ana', 'c-ana']);
  });
});

describe('the stored message’s owner hint', () => {
  const record = (extra: Record<string, unknown>) =>
    ({
      eventName: 'INSERT',
      dynamodb: {
        NewImage: {
          type: { S: 'message' },
          role: { S: 'shopper' },
          sessionId: { S: 's-1' },
          seq: { N: '1' },
          clientMessageId: { S: 'cmid-0001' },
          ...extra,
        },
      },
    }) as unknown as DynamoDBRecord;

  it('reaches the turn when the route wrote it, and is absent otherwise', () => {
    expect(turnRequestOf(record({ customerId: { S: 'c-ana' } }))).toEqual(turnOf('c-ana'));
    expect(turnRequestOf(record({}))).toEqual(turnOf());
  });
});

describe('the store’s rules, cached per container', () => {
  const RULES = { policy: DEMO_STORE_POLICY, routing: DEMO_COMPLAINT_ROUTING };

  it('share one read between callers that ask while it is in flight', async () => {
    const sent: GetCommand[] = [];
    const db = {
      send: async (command: GetCommand) => {
        sent.push(command);
        return { Item: undefined };
      },
    };
    const source = new DynamoDbStorePolicySource(db as never, 'store', RULES);
    const [prefetched, asked] = await Promise.all([source.get(), source.get()]);
    expect(sent).toHaveLength(1);
    expect(asked).toBe(prefetched);
    expect(asked.policy).toEqual(DEMO_STORE_POLICY);
  });

  it('keep no failed read: the next caller reads again', async () => {
    let calls = 0;
    const db = {
      send: async () => {
        calls += 1;
        if (calls === 1) throw new Error('injected: the store was unreachable');
        return { Item: undefined };
      },
    };
    const source = new DynamoDbStorePolicySource(db as never, 'store', RULES);
    await expect(source.get()).rejects.toThrow('unreachable');
    expect((await source.get()).policy).toEqual(DEMO_STORE_POLICY);
    expect(calls).toBe(2);
  });
});
