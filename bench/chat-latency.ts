import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/aws/dynamodb-client';
import { DynamoDbOrderRepository } from '../functions/adapters/aws/dynamodb-order-repository';
import type { Order } from '../functions/core/orders';
import { startTestStack } from '../tests/support/local-stack';
import { ShopperClient } from '../tests/support/shopper-client';

/**
 * Chat latency under load: N shoppers on real WebSockets each ask where their order is, one message at a
 * time, against the whole local stack. The same run measures the floor: the DynamoDB Local round trips one
 * message needs, issued raw at the same concurrency, with no gateway, handler or model in between.
 */
const MESSAGES_PER_SHOPPER = Number(process.env.BENCH_MESSAGES ?? 20);
const LEVELS = (process.env.BENCH_SHOPPERS ?? '100,200').split(',').map(Number);

process.env.AWS_EC2_METADATA_DISABLED ??= 'true';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.AWS_REGION ??= 'us-east-1';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function benchOrder(index: number): Order {
  const id = String(index).padStart(4, '0');
  return {
    orderId: `B${id}`,
    customerId: `bench-${id}`,
    email: `bench-${id}@example.com`,
    placedAt: '2026-11-20T10:00:00Z',
    country: 'DE',
    currency: 'EUR',
    status: 'shipped',
    items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', size: 'EU 42', quantity: 1, unitPrice: 89.9 }],
    shipment: {
      carrier: 'DHL',
      trackingNumber: `JD0146${id}`,
      status: 'in_transit',
      estimatedDelivery: '2026-11-28',
      events: [{ at: '2026-11-21T08:00:00Z', location: 'Leipzig, DE', description: 'Departed hub' }],
    },
  };
}

async function runShoppers(
  clients: ShopperClient[],
): Promise<{ latencies: number[]; seconds: number; wrong: number }> {
  const latencies: number[] = [];
  let wrong = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, index) => {
      const tracking = `JD0146${String(index).padStart(4, '0')}`;
      for (let n = 0; n < MESSAGES_PER_SHOPPER; n++) {
        const sentAt = performance.now();
        const reply = await client.ask('Where is my order?');
        latencies.push(performance.now() - sentAt);
        if (!reply.text.includes(tracking)) wrong++;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000, wrong };
}

/** The DynamoDB operations one message costs, in the order the handlers issue them. */
async function floorOnce(
  db: DynamoDBDocumentClient,
  tables: { store: string; conversations: string },
  customer: string,
  sessionId: string,
  seq: number,
) {
  const pk = `SESSION#${sessionId}`;
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
        {
          Put: {
            TableName: tables.conversations,
            Item: { pk, sk: `MSG#${String(seq).padStart(12, '0')}`, text: 'Where is my order?' },
          },
        },
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
    new PutCommand({
      TableName: tables.conversations,
      Item: { pk, sk: `MSG#${String(seq + 1).padStart(12, '0')}`, text: 'reply' },
    }),
  );
  await db.send(new GetCommand({ TableName: tables.conversations, Key: { pk, sk: 'META' } }));
}

async function runFloor(
  db: DynamoDBDocumentClient,
  tables: { store: string; conversations: string },
  shoppers: number,
) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: shoppers }, async (_, index) => {
      const customer = `bench-${String(index).padStart(4, '0')}`;
      const sessionId = `floor-${randomUUID()}`;
      for (let n = 0; n < MESSAGES_PER_SHOPPER; n++) {
        const t = performance.now();
        await floorOnce(db, tables, customer, sessionId, n * 2 + 1);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

const test = await startTestStack({ log: () => undefined });
const lines: string[] = [];
try {
  const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
  const orders = new DynamoDbOrderRepository(db, test.stack.info.tables.store);
  const maxShoppers = Math.max(...LEVELS);
  for (let i = 0; i < maxShoppers; i++) await orders.putOrder(benchOrder(i));

  console.log(
    `# Chat latency — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(
    `${MESSAGES_PER_SHOPPER} messages per shopper, one at a time; embedded model; DynamoDB Local in memory.\n`,
  );
  lines.push(
    '| shoppers | messages | p50 ms | p99 ms | msg/s | floor p50 ms | floor p99 ms | p50 ratio | p99 ratio | wrong replies |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const shoppers of LEVELS) {
    const clients = await Promise.all(
      Array.from({ length: shoppers }, async (_, i) =>
        ShopperClient.connect(test.stack.info.websocketUrl, {
          token: await test.token(`bench-${String(i).padStart(4, '0')}`),
        }),
      ),
    );
    // Warm-up: one message per shopper, so JIT and connection pools are steady before measuring.
    await Promise.all(clients.map((client) => client.ask('hello')));
    const e2e = await runShoppers(clients);
    await Promise.all(clients.map((client) => client.close()));
    const floor = await runFloor(db, test.stack.info.tables, shoppers);
    const p50 = percentile(e2e.latencies, 50);
    const p99 = percentile(e2e.latencies, 99);
    const f50 = percentile(floor.latencies, 50);
    const f99 = percentile(floor.latencies, 99);
    lines.push(
      `| ${shoppers} | ${e2e.latencies.length} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${(e2e.latencies.length / e2e.seconds).toFixed(0)} | ${f50.toFixed(1)} | ${f99.toFixed(1)} | ${(p50 / f50).toFixed(2)} | ${(p99 / f99).toFixed(2)} | ${e2e.wrong} |`,
    );
    console.log(lines.at(-1));
  }
  console.log(`\n${lines.join('\n')}`);
} finally {
  await test.stop();
}
