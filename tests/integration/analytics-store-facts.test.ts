import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbClaimRepository } from '../../functions/adapters/aws/dynamodb-claim-repository';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbProcessedEvents } from '../../functions/adapters/aws/dynamodb-processed-events';
import { DynamoDbReturnRepository } from '../../functions/adapters/aws/dynamodb-return-repository';
import { ParquetAnalyticsSink } from '../../functions/adapters/local/parquet-analytics-sink';
import { STORE_TABLE } from '../../functions/config/tables';
import { createRma, type Rma, type RmaEvent, transition } from '../../functions/core/after-sales/rma';
import type { FactName } from '../../functions/core/analytics/facts';
import { storeFactOf } from '../../functions/core/analytics/store-facts';
import { createFactStreamHandler } from '../../functions/handlers/shared/fact-stream';
import { runNamedQuery } from '../../local/analytics/duckdb';
import { ensureTables } from '../../local/dynamodb/create-tables';
import { type StreamPoller, startStreamPoller } from '../../local/streams/poller';
import { startTestStack, type TestStack } from '../support/local-stack';
import { openClaim } from '../support/store-facts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

let test: TestStack;
let db: ReturnType<typeof createDocumentClient>;
let faultDir: string;
let faultPoller: StreamPoller;
const faultFailures: DynamoDBRecord[] = [];
let deliveries = 0;

async function readRows(dataDir: string, fact: FactName): Promise<Array<Record<string, unknown>>> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      const glob = join(dataDir, 'analytics', fact, 'dt=*', '*.parquet');
      const reader = await connection.runAndReadAll(
        `SELECT * EXCLUDE (dt) FROM read_parquet('${glob}', hive_partitioning = true) ORDER BY updated_at`,
      );
      return reader.getRowObjectsJS() as Array<Record<string, unknown>>;
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

async function drained() {
  await test.stack.streamsDrained();
  await faultPoller.drained();
}

beforeAll(async () => {
  test = await startTestStack({ seed: false });
  db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
  faultDir = await mkdtemp(join(tmpdir(), 'afterdesk-store-fault-'));
  const { documentClient } = await import('../../functions/config/dynamodb');
  const handle = createFactStreamHandler({
    sink: new ParquetAnalyticsSink(faultDir),
    processedEvents: new DynamoDbProcessedEvents(documentClient, test.stack.info.tables.conversations, {
      claimSeconds: 60,
      markerDays: 1,
      prefix: 'STORE-FAULT#',
    }),
    factOf: storeFactOf,
  });
  faultPoller = startStreamPoller({
    endpoint: test.stack.info.dynamodbEndpoint,
    tableName: test.stack.info.tables.store,
    // The table is fresh: reading from the start cannot miss an item written before the first poll.
    startingPosition: 'TRIM_HORIZON',
    pollIntervalMs: 50,
    maxRetries: 2,
    // Every batch is delivered twice, as a redelivering event source would: the second must be a no-op.
    handler: async (event: DynamoDBStreamEvent) => {
      deliveries++;
      await handle(event);
      return handle(event);
    },
    onFailure: async (records) => {
      faultFailures.push(...records);
    },
  });
});

afterAll(async () => {
  await faultPoller?.stop();
  db?.destroy();
  await test?.stop();
  if (faultDir) await rm(faultDir, { recursive: true, force: true });
});

describe('Store stream → return and ticket facts → returns-by-sku', () => {
  it('a return moved to refunded and a claim opened and closed land as rows the named query reads', async () => {
    const returns = new DynamoDbReturnRepository(db, test.stack.info.tables.store);
    const claims = new DynamoDbClaimRepository(db, test.stack.info.tables.store);
    const start = Date.now() - 5 * DAY;
    const created = createRma(
      {
        rmaId: 'RMA-STREAM-1',
        orderId: 'A2001',
        customerId: 'c-sam',
        sku: 'TEE-M-RED',
        quantity: 2,
        kind: 'refund',
        reason: 'too_small',
        refund: { currency: 'EUR', minor: 3998 },
      },
      new Date(start).toISOString(),
    );
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    expect(await returns.create(created.rma)).toBe('created');
    const events: RmaEvent[] = [
      { type: 'approve' },
      { type: 'issue_label', labelRef: 'labels/RMA-STREAM-1.pdf' },
      { type: 'ship', trackingNumber: '1Z999AA10123456784' },
      { type: 'receive' },
      { type: 'refund' },
    ];
    let rma: Rma = created.rma;
    for (const [index, event] of events.entries()) {
      const next = transition(rma, event, new Date(start + (index + 1) * DAY).toISOString());
      if (!next.ok) throw new Error(JSON.stringify(next.error));
      expect(await returns.saveTransition(next.rma)).toBe('saved');
      rma = next.rma;
    }
    // A change that is not a state change: no row.
    await db.send(
      new UpdateCommand({
        TableName: test.stack.info.tables.store,
        Key: { pk: 'ORDER#A2001', sk: 'RETURN#RMA-STREAM-1' },
        UpdateExpression: 'SET agentNote = :note',
        ExpressionAttributeValues: { ':note': 'refund sent by bank transfer' },
      }),
    );

    const now = Date.now();
    const openedAt = new Date(now - 3 * HOUR).toISOString();
    const closedAt = new Date(now - HOUR / 2).toISOString();
    await claims.open(openClaim({ claimId: 'C-STREAM-1', sessionId: 's-stream', createdAt: openedAt }));
    // The desk closes the claim.
    await db.send(
      new UpdateCommand({
        TableName: test.stack.info.tables.store,
        Key: { pk: 'CLAIM#C-STREAM-1', sk: 'CLAIM' },
        UpdateExpression: 'SET #status = :closed, closedAt = :at, updatedAt = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':closed': 'closed', ':at': closedAt },
      }),
    );
    await drained();

    const returnRows = await readRows(test.dataDir, 'return_facts');
    expect(returnRows.map((row) => row.state)).toEqual([
      'requested',
      'approved',
      'label_issued',
      'in_transit',
      'received',
      'refunded',
    ]);
    expect(returnRows.at(-1)).toMatchObject({
      return_id: 'RMA-STREAM-1',
      sku: 'TEE-M-RED',
      quantity: 2,
      reason: 'too_small',
      size_related: true,
      days_to_refund: 5,
    });

    const ticketRows = await readRows(test.dataDir, 'ticket_facts');
    expect(ticketRows.map((row) => [row.ticket_id, row.state, row.category, row.owner])).toEqual([
      ['C-STREAM-1', 'open', 'quality', 'supply-chain'],
      ['C-STREAM-1', 'closed', 'quality', 'supply-chain'],
    ]);
    expect(ticketRows[1]?.time_to_close_hours).toBe(2.5);

    const at = (millis: number) => new Date(millis).toISOString().slice(0, 19).replace('T', ' ');
    const bySku = await runNamedQuery(test.dataDir, 'returns-by-sku', {
      since: at(start - DAY),
      until: at(Date.now() + HOUR),
      timezone: 'UTC',
    });
    expect(bySku).toEqual([
      {
        sku: 'TEE-M-RED',
        return_count: 1,
        units: 2,
        share_of_returned_units: 1,
        size_related_units: 2,
        size_related_share: 1,
        top_reason: 'too_small',
        avg_days_to_refund: 5,
      },
    ]);
  });

  it('redelivered batches write nothing twice', async () => {
    await drained();
    expect(deliveries).toBeGreaterThan(0);
    for (const fact of ['return_facts', 'ticket_facts'] as const) {
      const redelivered = await readRows(faultDir, fact);
      const once = await readRows(test.dataDir, fact);
      expect(redelivered).toHaveLength(once.length);
      expect(redelivered).toEqual(once);
    }
  });

  it('a malformed return item goes to the failure destination while the items around it land once', async () => {
    const claims = new DynamoDbClaimRepository(db, test.stack.info.tables.store);
    const createdAt = new Date().toISOString();
    await claims.open(openClaim({ claimId: 'C-BEFORE', createdAt }));
    await db.send(
      new PutCommand({
        TableName: test.stack.info.tables.store,
        Item: {
          pk: 'ORDER#A2002',
          sk: 'RETURN#RMA-BROKEN',
          type: 'return',
          state: 'requested',
          data: 'oops',
        },
      }),
    );
    await claims.open(openClaim({ claimId: 'C-AFTER', createdAt }));
    await drained();

    const failedKeys = faultFailures.map((record) => record.dynamodb?.Keys?.sk?.S);
    expect(failedKeys[0]).toBe('RETURN#RMA-BROKEN');
    const tickets = (await readRows(faultDir, 'ticket_facts')).map((row) => row.ticket_id);
    expect(tickets).toEqual(expect.arrayContaining(['C-BEFORE', 'C-AFTER']));
    expect(tickets.filter((id) => id === 'C-AFTER')).toHaveLength(1);
    expect((await readRows(faultDir, 'return_facts')).map((row) => row.return_id)).not.toContain(
      'RMA-BROKEN',
    );

    // The stack's own mapping sent it to its on-failure file too, naming the keys but carrying no image.
    const failures = await readFile(join(test.dataDir, 'failures', 'store-analytics-stream.ndjson'), 'utf8');
    expect(failures).toContain('RETURN#RMA-BROKEN');
    expect(failures).not.toContain('oops');
  });
});

describe('a data folder from before the Store stream', () => {
  it('gets the stream turned on at start, so the Store poller has records to read', async () => {
    const client = new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' });
    try {
      const { Store: name } = await ensureTables(client, 'legacy', [{ ...STORE_TABLE, stream: undefined }]);
      const before = await client.send(new DescribeTableCommand({ TableName: name }));
      expect(before.Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
      await ensureTables(client, 'legacy', [STORE_TABLE]);
      const after = await client.send(new DescribeTableCommand({ TableName: name }));
      expect(after.Table?.StreamSpecification).toEqual({
        StreamEnabled: true,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      });
      expect(after.Table?.LatestStreamArn).toContain(name);
    } finally {
      client.destroy();
    }
  });
});
