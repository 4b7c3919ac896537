import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/aws/dynamodb-client';
import { DynamoDbOrderRepository } from '../functions/adapters/aws/dynamodb-order-repository';
import type { Order } from '../functions/core/orders';
import { applyLocalEnvDefaults } from '../local/local-env';
import { startTestStack } from '../tests/support/local-stack';
import { ShopperClient } from '../tests/support/shopper-client';

/**
 * Chat latency under load: N shoppers on real WebSockets each ask where their order is, against the whole
 * local stack. Shoppers behave like people: one message at a time, with a random think time between a
 * reply and the next question, sized so that N shoppers offer each TARGET rate of messages per second. A
 * closed-loop run (no think time) then finds the peak rate. The same run measures the floor: the DynamoDB
 * Local round trips one message needs on its critical path, issued raw by the same number of shoppers
 * with the same think times, with no gateway, handler or model in between.
 */
const MESSAGES_PER_SHOPPER = Number(process.env.BENCH_MESSAGES ?? 20);
const LEVELS = (process.env.BENCH_SHOPPERS ?? '100,200').split(',').map(Number);
const TARGET_RATES = (process.env.BENCH_RATES ?? '100,300').split(',').map(Number);

applyLocalEnvDefaults('ERROR');
// Simulated shoppers send far faster than people; the per-session limit would stop the benchmark.
process.env.MAX_MESSAGES_PER_MINUTE ??= '1000';

type Tables = { store: string; conversations: string };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const customerOf = (index: number) => `bench-${String(index).padStart(4, '0')}`;
const trackingOf = (index: number) => `JD0146${String(index).padStart(4, '0')}`;

function benchOrder(index: number): Order {
  return {
    orderId: `B${String(index).padStart(4, '0')}`,
    customerId: customerOf(index),
    email: `${customerOf(index)}@example.com`,
    placedAt: '2026-11-20T10:00:00Z',
    country: 'DE',
    currency: 'EUR',
    status: 'shipped',
    items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', size: 'EU 42', quantity: 1, unitPrice: 89.9 }],
    shipment: {
      carrier: 'DHL',
      trackingNumber: trackingOf(index),
      status: 'in_transit',
      estimatedDelivery: '2026-11-28',
      events: [{ at: '2026-11-21T08:00:00Z', location: 'Leipzig, DE', description: 'Departed hub' }],
    },
  };
}

/** Exponential think time, so arrivals across shoppers are close to a Poisson process. */
function thinkTime(meanMs: number): Promise<void> {
  if (meanMs <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, -Math.log(1 - Math.random()) * meanMs));
}

interface RunResult {
  latencies: number[];
  /** Messages per second while every shopper was active: between the 10th and 90th percentile completions. */
  steadyRate: number;
  wrong: number;
}

/** Each of `shoppers` workers does `step` MESSAGES_PER_SHOPPER times, thinking between. */
async function drive(
  shoppers: number,
  meanThinkMs: number,
  step: (index: number, n: number) => Promise<boolean>,
): Promise<RunResult> {
  const latencies: number[] = [];
  const completions: number[] = [];
  let wrong = 0;
  await Promise.all(
    Array.from({ length: shoppers }, async (_, index) => {
      for (let n = 0; n < MESSAGES_PER_SHOPPER; n++) {
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

/** The DynamoDB operations on one message's critical path, in the order the handlers issue them. */
async function floorMessage(
  db: DynamoDBDocumentClient,
  tables: Tables,
  customer: string,
  pk: string,
  seq: number,
) {
  const sk = (n: number) => `MSG#${String(n).padStart(12, '0')}`;
  await db.send(
    new UpdateCommand({
      TableName: tables.conversations,
      Key: { pk, sk: 'META' },
      UpdateExpression: 'ADD seq :two',
      ExpressionAttributeValues: { ':two': 2 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  await db.send(
    new TransactWriteCommand({
      TransactItems: [
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
  await db.send(
    new QueryCommand({
      TableName: tables.conversations,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
      ExpressionAttributeValues: { ':pk': pk, ':m': 'MSG#' },
      ScanIndexForward: false,
      Limit: 12,
    }),
  );
  await db.send(
    new QueryCommand({
      TableName: tables.store,
      IndexName: 'byCustomer',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${customer}` },
      ScanIndexForward: false,
      Limit: 10,
    }),
  );
  await db.send(
    new PutCommand({ TableName: tables.conversations, Item: { pk, sk: sk(seq + 1), text: 'reply' } }),
  );
}

const test = await startTestStack({ log: () => undefined });
try {
  const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
  const orders = new DynamoDbOrderRepository(db, test.stack.info.tables.store);
  for (let i = 0; i < Math.max(...LEVELS); i++) await orders.putOrder(benchOrder(i));

  const cpu = cpus();
  console.log(
    `# Chat latency — ${new Date().toISOString()} — ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(
    `${MESSAGES_PER_SHOPPER} messages per shopper, one at a time; embedded model; DynamoDB Local in memory.\n`,
  );
  const lines = [
    '| shoppers | load | messages | p50 ms | p99 ms | msg/s | floor p50 ms | floor p99 ms | p50 ÷ floor | p99 ÷ floor | wrong replies |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  // Warm-up, not measured: DynamoDB Local's JIT and ours need a few thousand requests to settle.
  const warmers = await Promise.all(
    Array.from({ length: 50 }, async (_, i) =>
      ShopperClient.connect(test.stack.info.websocketUrl, { token: await test.token(customerOf(i)) }),
    ),
  );
  for (let round = 0; round < Number(process.env.BENCH_WARMUP_ROUNDS ?? 40); round++) {
    await Promise.all(warmers.map((client) => client.ask('Where is my order?')));
  }
  await Promise.all(warmers.map((client) => client.close()));
  // The stream poller must not still be summarising warm-up replies while the first run is measured.
  await test.stack.streamsDrained();

  const runs = LEVELS.flatMap((shoppers) => [
    ...TARGET_RATES.map((rate) => ({
      shoppers,
      thinkMs: (shoppers / rate) * 1000,
      load: `${rate} msg/s offered`,
    })),
    { shoppers, thinkMs: 0, load: 'closed loop' },
  ]);
  for (const run of runs) {
    const clients = await Promise.all(
      Array.from({ length: run.shoppers }, async (_, i) =>
        ShopperClient.connect(test.stack.info.websocketUrl, { token: await test.token(customerOf(i)) }),
      ),
    );
    // Warm-up: one message per shopper, so JIT, model training and connection pools are steady first.
    await Promise.all(clients.map((client) => client.ask('hello')));
    const e2e = await drive(run.shoppers, run.thinkMs, async (index) => {
      const reply = await (clients[index] as ShopperClient).ask('Where is my order?');
      return reply.text.includes(trackingOf(index));
    });
    await Promise.all(clients.map((client) => client.close()));
    await test.stack.streamsDrained();
    const sessions = Array.from({ length: run.shoppers }, () => `SESSION#floor-${randomUUID()}`);
    const floor = await drive(run.shoppers, run.thinkMs, async (index, n) => {
      await floorMessage(db, test.stack.info.tables, customerOf(index), sessions[index] as string, n * 2 + 1);
      return true;
    });
    const [p50, p99, f50, f99] = [
      percentile(e2e.latencies, 50),
      percentile(e2e.latencies, 99),
      percentile(floor.latencies, 50),
      percentile(floor.latencies, 99),
    ];
    lines.push(
      `| ${run.shoppers} | ${run.load} | ${e2e.latencies.length} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${e2e.steadyRate.toFixed(0)} | ${f50.toFixed(1)} | ${f99.toFixed(1)} | ${(p50 / f50).toFixed(2)} | ${(p99 / f99).toFixed(2)} | ${e2e.wrong} |`,
    );
    console.log(lines.at(-1));
  }
  console.log(`\n${lines.join('\n')}`);
} finally {
  await test.stop();
}
