import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/aws/dynamodb-client';
import { readOrCreateSecret } from '../functions/adapters/local/file-signing-secret';
import { signShopperToken } from '../functions/core/auth/shopper-token';
import { ShopperClient } from '../tests/support/shopper-client';

/**
 * The chat benchmark's load generator, in its own process (bench/chat-latency.ts forks it), so the
 * simulated shoppers' WebSockets, JSON and timers do not share an event loop with the stack they measure.
 * It receives one run as JSON in BENCH_LOAD and prints its result as one JSON line.
 */
export interface LoadRun {
  mode: 'warmup' | 'e2e' | 'floor';
  websocketUrl: string;
  secretFile: string;
  dynamodbEndpoint: string;
  tables: Tables;
  shoppers: number;
  thinkMs: number;
  messages: number;
}

export type Tables = { store: string; conversations: string };

export interface RunResult {
  latencies: number[];
  /** Messages per second while every shopper was active: between the 10th and 90th percentile completions. */
  steadyRate: number;
  wrong: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export const customerOf = (index: number) => `bench-${String(index).padStart(4, '0')}`;
export const trackingOf = (index: number) => `JD0146${String(index).padStart(4, '0')}`;

/** Exponential think time, so arrivals across shoppers are close to a Poisson process. */
function thinkTime(meanMs: number): Promise<void> {
  if (meanMs <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, -Math.log(1 - Math.random()) * meanMs));
}

/** Each of `shoppers` workers does `step` `messages` times, thinking between. */
async function drive(
  shoppers: number,
  messages: number,
  meanThinkMs: number,
  step: (index: number, n: number) => Promise<boolean>,
): Promise<RunResult> {
  const latencies: number[] = [];
  const completions: number[] = [];
  let wrong = 0;
  await Promise.all(
    Array.from({ length: shoppers }, async (_, index) => {
      for (let n = 0; n < messages; n++) {
        await thinkTime(meanThinkMs);
        const sentAt = performance.now();
        const correct = await step(index, n);
        const doneAt = performance.now();
        latencies.push(doneAt - sentAt);
        completions.push(doneAt);
        if (!correct) wrong++;
      }
    }),
  );
  completions.sort((a, b) => a - b);
  const from = percentile(completions, 10);
  const to = percentile(completions, 90);
  const inWindow = completions.filter((at) => at > from && at <= to).length;
  return { latencies: latencies.sort((a, b) => a - b), steadyRate: inWindow / ((to - from) / 1000), wrong };
}

/**
 * The DynamoDB operations on one message's critical path, in the round trips the handlers now issue them:
 * the ack's one transaction (counter, idempotency key, message); then together the turn's idempotency claim,
 * its read of the session partition and the customer's orders; then the reply.
 */
async function floorMessage(
  db: DynamoDBDocumentClient,
  tables: Tables,
  customer: string,
  pk: string,
  seq: number,
) {
  const sk = (n: number) => `MSG#${String(n).padStart(12, '0')}`;
  await db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tables.conversations,
            Key: { pk, sk: 'META' },
            UpdateExpression: 'ADD seq :two',
            ExpressionAttributeValues: { ':two': 2 },
          },
        },
        {
          Put: {
            TableName: tables.conversations,
            Item: { pk, sk: `CMID#${randomUUID()}` },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: tables.conversations, Item: { pk, sk: sk(seq), text: 'Where is my order?' } } },
      ],
    }),
  );
  await Promise.all([
    db.send(
      new PutCommand({
        TableName: tables.conversations,
        Item: { pk, sk: `TURN#${seq}`, status: 'INPROGRESS' },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
    db.send(
      new QueryCommand({
        TableName: tables.conversations,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': 'META', ':to': 'PROPOSAL' },
        ConsistentRead: true,
        ScanIndexForward: false,
        Limit: 14,
      }),
    ),
    db.send(
      new QueryCommand({
        TableName: tables.store,
        IndexName: 'byCustomer',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `CUSTOMER#${customer}` },
        ScanIndexForward: false,
        Limit: 10,
      }),
    ),
  ]);
  await db.send(
    new PutCommand({ TableName: tables.conversations, Item: { pk, sk: sk(seq + 1), text: 'reply' } }),
  );
}

async function runLoad(run: LoadRun): Promise<RunResult> {
  if (run.mode === 'floor') {
    const db = createDocumentClient({ region: 'us-east-1', endpoint: run.dynamodbEndpoint });
    const sessions = Array.from({ length: run.shoppers }, () => `SESSION#floor-${randomUUID()}`);
    const result = await drive(run.shoppers, run.messages, run.thinkMs, async (index, n) => {
      await floorMessage(db, run.tables, customerOf(index), sessions[index] as string, n * 2 + 1);
      return true;
    });
    db.destroy();
    return result;
  }
  const secret = new TextEncoder().encode(await readOrCreateSecret(run.secretFile));
  const clients = await Promise.all(
    Array.from({ length: run.shoppers }, async (_, i) =>
      ShopperClient.connect(run.websocketUrl, {
        token: await signShopperToken(secret, { customerId: customerOf(i) }, 3600),
      }),
    ),
  );
  try {
    // One message per shopper first, so JIT, model and connection pools are steady before measuring.
    await Promise.all(clients.map((client) => client.ask('hello')));
    return await drive(run.shoppers, run.messages, run.thinkMs, async (index) => {
      const reply = await (clients[index] as ShopperClient).ask('Where is my order?');
      return reply.text.includes(trackingOf(index));
    });
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

if (process.env.BENCH_LOAD) {
  const result = await runLoad(JSON.parse(process.env.BENCH_LOAD) as LoadRun);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
