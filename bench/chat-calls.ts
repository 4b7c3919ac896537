import { loadavg } from 'node:os';
import { createDocumentClient } from '../functions/adapters/aws/dynamodb-client';
import { DynamoDbOrderRepository } from '../functions/adapters/aws/dynamodb-order-repository';
import { applyLocalEnvDefaults } from '../local/local-env';
import { startTestStack } from '../tests/support/local-stack';
import { ShopperClient } from '../tests/support/shopper-client';
import {
  attributeToHandler,
  countDynamoDbCalls,
  dynamoDbCalls,
  resetDynamoDbCalls,
  sequentialRoundTrips,
} from './dynamodb-calls';

/**
 * DynamoDB calls per shopper message, by handler and command, with no load and no timings: a few shoppers
 * on real WebSockets against the whole local stack, each sending messages one at a time and waiting for the
 * reply. Deterministic enough to compare before and after a change on a busy machine.
 *
 *   npx tsx bench/chat-calls.ts                # 5 shoppers × 6 messages
 *   CALLS_SHOPPERS=10 CALLS_MESSAGES=10 npx tsx bench/chat-calls.ts
 *
 * "Critical path" is what a shopper waits on: the sendMessage route (until the ack) and the assistant's turn
 * (until the reply is pushed). Two figures: calls per message (every call those handlers make, including the
 * idempotency record's completion after the push) and sequential round trips per message (the longest
 * chain of calls the shopper waited on, calls made in parallel counting once; see bench/dynamodb-calls.ts).
 */
const SHOPPERS = Number(process.env.CALLS_SHOPPERS ?? 5);
const MESSAGES = Number(process.env.CALLS_MESSAGES ?? 6);
const CRITICAL_PATH = new Set(['send-message', 'assistant']);
const QUESTIONS = ['hello', 'Where is my order?', 'When will it arrive?', 'thanks', 'Can I return it?'];

applyLocalEnvDefaults('ERROR');
process.env.MAX_MESSAGES_PER_MINUTE ??= '1000';
process.env.MAX_MESSAGES_PER_CUSTOMER_PER_MINUTE ??= '1000';
countDynamoDbCalls();

const test = await startTestStack({ wrapHandler: attributeToHandler, seed: false });
const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
try {
  const orders = new DynamoDbOrderRepository(db, test.stack.info.tables.store);
  for (let index = 0; index < SHOPPERS; index++) {
    await orders.putOrder({
      orderId: `K${1000 + index}`,
      customerId: `calls-${index}`,
      email: `calls-${index}@example.com`,
      placedAt: '2026-11-20T10:00:00Z',
      country: 'DE',
      currency: 'EUR',
      status: 'shipped',
      items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', size: 'EU 42', quantity: 1, unitPrice: 89.9 }],
      shipment: {
        carrier: 'DHL',
        trackingNumber: `JD0146${String(index).padStart(6, '0')}`,
        status: 'in_transit',
        events: [{ at: '2026-11-21T08:00:00Z', description: 'Departed hub' }],
      },
    });
  }
  const clients = await Promise.all(
    Array.from({ length: SHOPPERS }, async (_, index) =>
      ShopperClient.connect(test.stack.info.websocketUrl, { token: await test.token(`calls-${index}`) }),
    ),
  );
  await test.stack.streamsDrained();
  resetDynamoDbCalls();
  await Promise.all(
    clients.map(async (client) => {
      for (let message = 0; message < MESSAGES; message++)
        await client.ask(QUESTIONS[message % QUESTIONS.length] as string);
    }),
  );
  await test.stack.streamsDrained();
  const total = SHOPPERS * MESSAGES;
  const rows = [...dynamoDbCalls()]
    .map(([key, count]) => {
      const [handler = '', command = '', table = ''] = key.split('\t');
      return { handler, command, table, perMessage: count / total };
    })
    .sort((a, b) => a.handler.localeCompare(b.handler) || b.perMessage - a.perMessage);
  const sum = (filter: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(filter).reduce((acc, row) => acc + row.perMessage, 0);
  console.log(
    `${SHOPPERS} shoppers × ${MESSAGES} messages, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')}\n`,
  );
  console.log('| handler | command | table | calls per message |\n|---|---|---|---:|');
  for (const row of rows)
    console.log(`| ${row.handler} | ${row.command} | ${row.table} | ${row.perMessage.toFixed(2)} |`);
  console.log(
    `\ncritical path (send-message + assistant): ${sum((row) => CRITICAL_PATH.has(row.handler)).toFixed(2)} calls per message` +
      ` (send-message ${sum((row) => row.handler === 'send-message').toFixed(2)}, assistant ${sum((row) => row.handler === 'assistant').toFixed(2)});` +
      ` off it: ${sum((row) => !CRITICAL_PATH.has(row.handler)).toFixed(2)}`,
  );
  const handlers = [...new Set(rows.map((row) => row.handler))].sort();
  console.log(
    `by handler (calls per message): ${handlers
      .map((handler) => `${handler} ${sum((row) => row.handler === handler).toFixed(2)}`)
      .join(', ')}`,
  );
  const chains = sequentialRoundTrips().perMessage;
  const mean = (values: number[]) =>
    values.reduce((acc, value) => acc + value, 0) / Math.max(1, values.length);
  const critical = chains.map((chain) => chain.ack + chain.turn);
  const histogram = new Map<number, number>();
  for (const value of critical) histogram.set(value, (histogram.get(value) ?? 0) + 1);
  console.log(
    `sequential round trips per message on the critical path: ${mean(critical).toFixed(2)}` +
      ` (ack ${mean(chains.map((chain) => chain.ack)).toFixed(2)}, turn until the reply is pushed ${mean(chains.map((chain) => chain.turn)).toFixed(2)};` +
      ` the whole turn ${mean(chains.map((chain) => chain.turnWhole)).toFixed(2)}) over ${chains.length} messages;` +
      ` messages by round trips: ${[...histogram]
        .sort(([a], [b]) => a - b)
        .map(([trips, messages]) => `${trips} → ${messages}`)
        .join(', ')}`,
  );
  await Promise.all(clients.map((client) => client.close()));
} finally {
  db.destroy();
  await test.stop();
}
