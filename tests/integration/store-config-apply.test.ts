import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOGUE_VERSION_KEY,
  DynamoDbKnowledgeRepository,
} from '../../functions/adapters/aws/dynamodb-knowledge-repository';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import { DynamoDbStorePolicySource } from '../../functions/adapters/aws/dynamodb-store-policy-source';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import { DEMO_STORE_DIR } from '../../local/seed/demo-store';
import { applyStoreConfig } from '../../store-config/apply';
import { importFile } from '../../store-config/imports/import';
import { loadStoreConfig, type StoreConfig } from '../../store-config/load';
import { startTestDynamoDb, type TestDynamoDb } from '../support/dynamodb';

let dynamo: TestDynamoDb;
let db: DynamoDBDocumentClient;
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url), 'utf8');

beforeAll(async () => {
  dynamo = await startTestDynamoDb();
  db = DynamoDBDocumentClient.from(dynamo.client, { marshallOptions: { removeUndefinedValues: true } });
});

afterAll(async () => {
  await dynamo?.stop();
});

async function freshTable(): Promise<string> {
  return (await dynamo.createTables()).names.Store;
}

function config(dir = DEMO_STORE_DIR): StoreConfig {
  const loaded = loadStoreConfig(dir);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.config;
}

const version = async (table: string) =>
  (await db.send(new GetCommand({ TableName: table, Key: CATALOGUE_VERSION_KEY }))).Item?.version as
    | string
    | undefined;

describe('config apply', () => {
  it('writes the items the policy source and the knowledge repository read, and nothing twice', async () => {
    const table = await freshTable();
    const first = await applyStoreConfig(db, table, config());
    expect(first).toMatchObject({ written: 1 + 4 + 12, unchanged: 0, deleted: 0, failed: 0 });
    expect(first.catalogueVersion).toBeDefined();

    const rules = await new DynamoDbStorePolicySource(db, table, {
      policy: { ...DEMO_STORE_POLICY, returnWindowDays: 1 },
      routing: DEMO_COMPLAINT_ROUTING,
    }).get();
    expect(rules.policy).toEqual(DEMO_STORE_POLICY);
    const knowledge = new DynamoDbKnowledgeRepository(db, table);
    const jacket = await knowledge.getProduct('jkt-m-nvy');
    expect(jacket?.sizeChart?.rows.map((row) => row.size)).toEqual(['S', 'M', 'L']);
    const faq = await knowledge.listFaq();
    expect(faq.filter((entry) => entry.id === 'warranty').map((entry) => entry.language ?? 'store')).toEqual(
      expect.arrayContaining(['store', 'fr', 'es', 'de']),
    );

    const again = await applyStoreConfig(db, table, config());
    expect(again).toMatchObject({ written: 0, unchanged: 17, deleted: 0 });
    expect(again.catalogueVersion).toBeUndefined();
    expect(await version(table)).toBe(first.catalogueVersion);
  });

  it('removes a product dropped from the files but keeps imported ones, under a new catalogue version', async () => {
    const table = await freshTable();
    await applyStoreConfig(db, table, config());
    await importFile(db, table, 'products', fixture('generic-products.csv'), 'csv');
    const before = await version(table);

    const dir = mkdtempSync(join(tmpdir(), 'afterdesk-store-'));
    try {
      cpSync(DEMO_STORE_DIR, dir, { recursive: true });
      const products = JSON.parse(readFileSync(join(dir, 'products.json'), 'utf8')) as Array<{ sku: string }>;
      writeFileSync(
        join(dir, 'products.json'),
        JSON.stringify(products.filter((product) => product.sku !== 'LAMP-DSK-BLK')),
      );
      const summary = await applyStoreConfig(db, table, config(dir));
      expect(summary).toMatchObject({ written: 0, deleted: 1 });
      expect(summary.catalogueVersion).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const skus = (await new DynamoDbKnowledgeRepository(db, table).listProducts()).map(
      (product) => product.sku,
    );
    expect(skus).not.toContain('LAMP-DSK-BLK');
    expect(skus).toContain('TEE-L-WHT');
  });
});

describe('imports into DynamoDB', () => {
  it.each([
    ['orders', 'shopify-orders.csv', 2, 3],
    ['orders', 'generic-orders.csv', 1, 2],
    ['products', 'shopify-products.csv', 3, 1],
    ['products', 'generic-products.csv', 1, 2],
    ['faq', 'faq.csv', 2, 2],
    ['faq', 'faq.ndjson', 2, 2],
  ] as const)(
    '%s from %s writes the good rows once and reports the bad ones',
    async (kind, file, good, bad) => {
      const table = await freshTable();
      const format = file.endsWith('.csv') ? 'csv' : 'ndjson';
      const first = await importFile(db, table, kind, fixture(file), format);
      expect(first.written).toBe(good);
      expect(first.rejected).toHaveLength(bad);
      expect(first.rejected.every(({ line }) => line > 0)).toBe(true);
      const again = await importFile(db, table, kind, fixture(file), format);
      expect(again).toMatchObject({ written: 0, unchanged: good });
      expect(again.catalogueVersion).toBeUndefined();
    },
  );

  it('stores Shopify orders where the assistant looks them up by customer', async () => {
    const table = await freshTable();
    await importFile(db, table, 'orders', fixture('shopify-orders.csv'), 'csv');
    const orders = new DynamoDbOrderRepository(db, table);
    expect((await orders.getOrder('1001'))?.items).toHaveLength(2);
    const forJonas = await orders.listOrdersForCustomer('jonas@example.com', 10);
    expect(forJonas.map((order) => order.orderId)).toEqual(['1002']);
  });

  it('rewrites only the order whose row changed', async () => {
    const table = await freshTable();
    const text = fixture('generic-orders.csv');
    await importFile(db, table, 'orders', text, 'csv');
    const changed = await importFile(db, table, 'orders', text.replaceAll('in_transit', 'delivered'), 'csv');
    expect(changed).toMatchObject({ written: 1, unchanged: 0 });
    expect((await new DynamoDbOrderRepository(db, table).getOrder('B2001'))?.shipment?.status).toBe(
      'delivered',
    );
  });

  it('stores an imported FAQ entry in the store language under the same key as the configured one', async () => {
    const table = await freshTable();
    await applyStoreConfig(db, table, config());
    const line = JSON.stringify({ id: 'warranty', language: 'en', answer: 'Two years on electronics.' });
    const result = await importFile(db, table, 'faq', line, 'ndjson');
    expect(result.written).toBe(1);
    const warranty = (await new DynamoDbKnowledgeRepository(db, table).listFaq()).filter(
      (entry) => entry.id === 'warranty' && !entry.language,
    );
    expect(warranty.map((entry) => entry.answer)).toEqual(['Two years on electronics.']);
  });
});
