import { loadavg } from 'node:os';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { importFile } from '../store-config/imports/import';
import { startTestDynamoDb } from '../tests/support/dynamodb';

/**
 * `afterdesk import orders` at scale: a Shopify-style order export of BENCH_ORDERS orders (default 100,000;
 * one to three line items each) generated in memory, imported into a fresh DynamoDB Local table, then
 * imported again (nothing changes, so nothing is written). Bounded: BENCH_ORDERS caps the size and
 * BENCH_CONCURRENCY the batches in flight.
 */
process.env.AWS_REGION ??= 'us-east-1';
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

function shopifyExport(count: number): string {
  const header =
    'Name,Email,Financial Status,Fulfillment Status,Currency,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Cancelled at,Id';
  const lines = [header];
  const countries = ['FR', 'DE', 'ES', 'US', 'KR', 'CN', 'GB', 'IT'];
  for (let index = 0; index < count; index++) {
    const name = `#${100000 + index}`;
    const day = String(1 + (index % 28)).padStart(2, '0');
    const items = 1 + (index % 3);
    for (let item = 0; item < items; item++) {
      const order =
        item === 0
          ? `customer${index % 20000}@example.com,paid,${index % 4 ? 'fulfilled' : 'unfulfilled'},EUR,2026-10-${day} 10:00:00 +0100`
          : `customer${index % 20000}@example.com,,,,`;
      lines.push(
        `${name},${order},${1 + (item % 2)},Product ${item},${(19 + item * 10).toFixed(2)},SKU-${index % 500}-${item},${item === 0 ? countries[index % countries.length] : ''},,${item === 0 ? 5550000000 + index : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const dynamo = await startTestDynamoDb();
try {
  const table = (await dynamo.createTables()).names.Store;
  const db = DynamoDBDocumentClient.from(dynamo.client, { marshallOptions: { removeUndefinedValues: true } });
  const text = shopifyExport(ORDERS);
  const rows = text.split('\n').length - 2;
  console.log(
    `${ORDERS} orders, ${rows} CSV rows, ${(text.length / 1e6).toFixed(1)} MB; concurrency ${CONCURRENCY}`,
  );
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(', ');
  console.log(`load average before: ${load()}`);

  let started = performance.now();
  const first = await importFile(db, table, 'orders', text, 'csv', { concurrency: CONCURRENCY });
  const firstSeconds = (performance.now() - started) / 1000;
  console.log(
    `first import: ${first.written} written, ${first.rejected.length} rejected in ${firstSeconds.toFixed(1)} s (${Math.round(first.written / firstSeconds)} orders/s); load ${load()}`,
  );

  started = performance.now();
  const again = await importFile(db, table, 'orders', text, 'csv', { concurrency: CONCURRENCY });
  const againSeconds = (performance.now() - started) / 1000;
  console.log(
    `re-import: ${again.written} written, ${again.unchanged} unchanged in ${againSeconds.toFixed(1)} s; load ${load()}`,
  );
} finally {
  await dynamo.stop();
}
