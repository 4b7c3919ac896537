import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteItemCommand,
  DescribeTableCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTimeToLiveDelete } from '../../local/streams/lambda-event';
import {
  type FailureCondition,
  type FailureDetails,
  type StreamPollerOptions,
  startStreamPoller,
} from '../../local/streams/poller';
import { startTestDynamoDb, type TestDynamoDb } from '../support/dynamodb';

describe('DynamoDB stream poller', () => {
  let db: TestDynamoDb;

  beforeAll(async () => {
    db = await startTestDynamoDb();
  });

  afterAll(async () => {
    await db?.stop();
  });

  /** Each test gets its own Conversations table, so its stream holds only what the test wrote. */
  async function conversationsTable(): Promise<{ name: string; streamArn: string }> {
    const { names } = await db.createTables();
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: names.Conversations }));
    if (!Table?.LatestStreamArn) throw new Error('Conversations has no stream');
    return { name: names.Conversations, streamArn: Table.LatestStreamArn };
  }

  async function put(table: string, key: string, extra: Record<string, unknown> = {}) {
    await db.client.send(
      new PutItemCommand({
        TableName: table,
        Item: { pk: { S: key }, sk: { S: 'MESSAGE' }, ...(extra as Record<string, never>) },
      }),
    );
  }

  function keysOf(records: DynamoDBRecord[]): string[] {
    return records.map((record) => record.dynamodb?.Keys?.pk?.S ?? '?');
  }

  interface FailureCall {
    keys: string[];
    condition: FailureCondition;
    details: FailureDetails;
  }

  /** Runs a poller until the stream is drained, then stops it, whatever happens in between. */
  async function pollUntilDrained(
    options: Omit<StreamPollerOptions, 'endpoint' | 'onFailure' | 'startingPosition'> &
      Partial<Pick<StreamPollerOptions, 'startingPosition'>>,
  ): Promise<FailureCall[]> {
    const failures: FailureCall[] = [];
    const errors: unknown[] = [];
    const poller = startStreamPoller({
      endpoint: db.endpoint,
      startingPosition: 'TRIM_HORIZON',
      pollIntervalMs: 20,
      onFailure: async (records, condition, details) => {
        failures.push({ keys: keysOf(records), condition, details });
      },
      onError: (error) => errors.push(error),
      ...options,
    });
    try {
      await poller.drained();
    } finally {
      await poller.stop();
    }
    expect(errors).toEqual([]);
    return failures;
  }

  it('the poller delivers inserts, modifies and removes in order as Lambda-shaped batches', async () => {
    const table = await conversationsTable();
    const writtenFrom = Math.floor(Date.now() / 1000);
    await put(table.name, 'CONV#1', { body: { S: 'where is my order?' } });
    await db.client.send(
      new UpdateItemCommand({
        TableName: table.name,
        Key: { pk: { S: 'CONV#1' }, sk: { S: 'MESSAGE' } },
        UpdateExpression: 'SET body = :body',
        ExpressionAttributeValues: { ':body': { S: 'order 1001, please' } },
      }),
    );
    await db.client.send(
      new DeleteItemCommand({ TableName: table.name, Key: { pk: { S: 'CONV#1' }, sk: { S: 'MESSAGE' } } }),
    );
    await put(table.name, 'CONV#2', { photo: { B: new Uint8Array([0xff, 0xd8, 0xff]) } });

    const events: DynamoDBStreamEvent[] = [];
    const failures = await pollUntilDrained({
      tableName: table.name,
      batchSize: 2,
      handler: async (event) => {
        events.push(event);
      },
    });

    expect(failures).toEqual([]);
    expect(events.map((event) => event.Records.length)).toEqual([2, 2]);
    const records = events.flatMap((event) => event.Records);
    expect(records.map((record) => [record.eventName, record.dynamodb?.Keys?.pk?.S])).toEqual([
      ['INSERT', 'CONV#1'],
      ['MODIFY', 'CONV#1'],
      ['REMOVE', 'CONV#1'],
      ['INSERT', 'CONV#2'],
    ]);
    const sequence = records.map((record) => BigInt(record.dynamodb?.SequenceNumber ?? -1));
    expect([...sequence].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequence);
    expect(new Set(sequence).size).toBe(4);

    const keys = { pk: { S: 'CONV#1' }, sk: { S: 'MESSAGE' } };
    const modify = records[1];
    expect(modify).toEqual({
      eventID: expect.any(String),
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: process.env.AWS_REGION,
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: keys,
        NewImage: { ...keys, body: { S: 'order 1001, please' } },
        OldImage: { ...keys, body: { S: 'where is my order?' } },
        SequenceNumber: expect.stringMatching(/^\d+$/),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: table.streamArn,
    });
    expect(Object.keys(modify ?? {})).toEqual([
      'eventID',
      'eventName',
      'eventVersion',
      'eventSource',
      'awsRegion',
      'dynamodb',
      'eventSourceARN',
    ]);
    for (const record of records) {
      // Epoch seconds as in Lambda (the SDK parses a Date); DynamoDB Local rounds down to the minute.
      const created = record.dynamodb?.ApproximateCreationDateTime ?? 0;
      expect(Number.isInteger(created)).toBe(true);
      expect(created).toBeGreaterThanOrEqual(writtenFrom - 60);
      expect(created).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    }
    const remove = records[2];
    expect(remove?.dynamodb?.NewImage).toBeUndefined();
    expect(remove?.dynamodb?.OldImage).toEqual({ ...keys, body: { S: 'order 1001, please' } });
    expect(remove?.userIdentity).toBeUndefined();
    expect(remove && isTimeToLiveDelete(remove)).toBe(false);
    // Binary attributes arrive base64-encoded, as Lambda's JSON event carries them.
    expect(records[3]?.dynamodb?.NewImage?.photo).toEqual({ B: '/9j/' });
  });

  it('counts the batch size in records that pass the filters, as Lambda does, not in records read', async () => {
    const table = await conversationsTable();
    for (let i = 0; i < 25; i++) {
      await put(table.name, `NOISE#${i}`, { type: { S: i % 5 === 0 ? 'message' : 'counter' } });
    }
    const events: DynamoDBStreamEvent[] = [];
    await pollUntilDrained({
      tableName: table.name,
      batchSize: 10,
      filters: [{ dynamodb: { NewImage: { type: { S: ['message'] } } } }],
      handler: async (event) => {
        events.push(event);
      },
    });
    expect(events.map((event) => keysOf(event.Records))).toEqual([
      ['NOISE#0', 'NOISE#5', 'NOISE#10', 'NOISE#15', 'NOISE#20'],
    ]);
  });

  it('with a parallelization factor, sessions are delivered side by side and each session in order, one batch at a time', async () => {
    const table = await conversationsTable();
    const sessions = ['S#1', 'S#2', 'S#3', 'S#4', 'S#5', 'S#6'];
    for (let turn = 0; turn < 3; turn++) {
      for (const session of sessions) {
        await db.client.send(
          new PutItemCommand({
            TableName: table.name,
            Item: { pk: { S: session }, sk: { S: `MSG#${turn}` } },
          }),
        );
      }
    }
    const seen = new Map<string, string[]>();
    const inFlight = new Set<string>();
    let overlapping = 0;
    let running = 0;
    let mostAtOnce = 0;
    await pollUntilDrained({
      tableName: table.name,
      batchSize: 2,
      parallelizationFactor: 4,
      handler: async (event) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        const keys = new Set(keysOf(event.Records));
        for (const key of keys) if (inFlight.has(key)) overlapping += 1;
        for (const key of keys) inFlight.add(key);
        for (const record of event.Records) {
          const key = record.dynamodb?.Keys?.pk?.S ?? '?';
          seen.set(key, [...(seen.get(key) ?? []), record.dynamodb?.Keys?.sk?.S ?? '?']);
        }
        await new Promise((wake) => setImmediate(wake));
        for (const key of keys) inFlight.delete(key);
        running -= 1;
      },
    });
    for (const session of sessions) expect(seen.get(session), session).toEqual(['MSG#0', 'MSG#1', 'MSG#2']);
    expect(overlapping).toBe(0);
    expect(mostAtOnce).toBeGreaterThan(1);
  });

  it('a nudged poller reads at once instead of waiting out its poll interval', async () => {
    const table = await conversationsTable();
    let received: (keys: string[]) => void = () => undefined;
    const delivered = new Promise<string[]>((resolve) => {
      received = resolve;
    });
    const poller = startStreamPoller({
      endpoint: db.endpoint,
      tableName: table.name,
      startingPosition: 'LATEST',
      // Longer than the test's timeout: only the nudge can make this read happen in time.
      pollIntervalMs: 600_000,
      handler: async (event) => received(keysOf(event.Records)),
      onFailure: async () => {
        throw new Error('nothing should fail');
      },
    });
    try {
      await poller.ready();
      await put(table.name, 'CONV#NUDGED');
      poller.nudge();
      expect(await delivered).toEqual(['CONV#NUDGED']);
    } finally {
      await poller.stop();
    }
  });

  it('a TTL delete reaches the handler as a service delete', async () => {
    const table = await conversationsTable();
    await put(table.name, 'CONV#EXPIRED', { expiresAt: { N: String(Math.floor(Date.now() / 1000) - 60) } });

    const removes: DynamoDBRecord[] = [];
    const poller = startStreamPoller({
      endpoint: db.endpoint,
      tableName: table.name,
      startingPosition: 'TRIM_HORIZON',
      handler: async (event) => {
        removes.push(...event.Records.filter((record) => record.eventName === 'REMOVE'));
      },
      onFailure: async () => {
        throw new Error('nothing should fail');
      },
    });
    try {
      // DynamoDB Local's TTL job deletes expired items within seconds; real DynamoDB may take days.
      const deadline = Date.now() + 50_000;
      while (removes.length === 0 && Date.now() < deadline) {
        await poller.drained();
        if (removes.length === 0) await new Promise((wake) => setTimeout(wake, 250));
      }
    } finally {
      await poller.stop();
    }

    expect(removes).toHaveLength(1);
    expect(removes[0]?.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(removes[0] && isTimeToLiveDelete(removes[0])).toBe(true);
  });

  it('a reported batch item failure is retried from that record and the rest of the batch is not redelivered before it', async () => {
    const table = await conversationsTable();
    for (const key of ['K1', 'K2', 'K3', 'K4', 'K5']) await put(table.name, key);

    const calls: string[][] = [];
    const failures = await pollUntilDrained({
      tableName: table.name,
      batchSize: 5,
      handler: async (event): Promise<DynamoDBBatchResponse> => {
        calls.push(keysOf(event.Records));
        if (calls.length > 1) return { batchItemFailures: [] };
        const sequenceOf = (key: string) =>
          event.Records.find((record) => record.dynamodb?.Keys?.pk?.S === key)?.dynamodb?.SequenceNumber ??
          '';
        // Reported out of order: the lowest sequence number is the checkpoint, as in Lambda.
        return {
          batchItemFailures: [{ itemIdentifier: sequenceOf('K5') }, { itemIdentifier: sequenceOf('K3') }],
        };
      },
    });

    expect(calls).toEqual([
      ['K1', 'K2', 'K3', 'K4', 'K5'],
      ['K3', 'K4', 'K5'],
    ]);
    expect(failures).toEqual([]);
  });

  it('a record that keeps failing goes to the on-failure destination and later records still flow', async () => {
    const table = await conversationsTable();
    for (const key of ['K1', 'BAD', 'K3', 'K4']) await put(table.name, key);

    const calls: string[][] = [];
    const succeeded: string[] = [];
    const failures: FailureCall[] = [];
    const poller = startStreamPoller({
      endpoint: db.endpoint,
      tableName: table.name,
      startingPosition: 'TRIM_HORIZON',
      pollIntervalMs: 20,
      batchSize: 4,
      maxRetries: 2,
      bisectBatchOnError: true,
      handler: async (event) => {
        const keys = keysOf(event.Records);
        calls.push(keys);
        if (keys.includes('BAD')) throw new Error('cannot process BAD');
        succeeded.push(...keys);
      },
      onFailure: async (records, condition, details) => {
        failures.push({ keys: keysOf(records), condition, details });
      },
    });
    try {
      await poller.drained();
      // Bisecting isolates BAD without spending retries; BAD alone gets 1 attempt + 2 retries.
      expect(calls).toEqual([
        ['K1', 'BAD', 'K3', 'K4'],
        ['K1', 'BAD'],
        ['K1'],
        ['BAD'],
        ['BAD'],
        ['BAD'],
        ['K3', 'K4'],
      ]);
      expect(failures).toEqual([
        {
          keys: ['BAD'],
          condition: 'RetryAttemptsExhausted',
          details: { approximateInvokeCount: 3, lastError: new Error('cannot process BAD') },
        },
      ]);

      await put(table.name, 'K5');
      await poller.drained();
      expect(succeeded).toEqual(['K1', 'K3', 'K4', 'K5']);
      expect(failures).toHaveLength(1);
    } finally {
      await poller.stop();
    }
  });

  it('a poller started on an empty stream receives its first records after other tables wrote first', async () => {
    const table = await conversationsTable();
    const other = await db.createTables();
    const received: string[] = [];
    const errors: unknown[] = [];
    const poller = startStreamPoller({
      endpoint: db.endpoint,
      tableName: table.name,
      startingPosition: 'LATEST',
      pollIntervalMs: 20,
      handler: async (event) => {
        received.push(...keysOf(event.Records));
      },
      onFailure: async () => {
        throw new Error('nothing should fail');
      },
      onError: (error) => errors.push(error),
    });
    try {
      // The poller now holds an iterator taken while its shard was empty.
      await poller.drained();
      // DynamoDB Local numbers stream records across tables: these take the numbers the shard started at.
      await put(other.names.Conversations, 'ELSEWHERE');
      await put(table.name, 'K1');
      await put(table.name, 'K2');
      await poller.drained();
    } finally {
      await poller.stop();
    }
    expect(received).toEqual(['K1', 'K2']);
    expect(errors).toEqual([]);
  });

  it('a restarted poller resumes from its checkpoint without redelivering', async () => {
    const table = await conversationsTable();
    const folder = await mkdtemp(join(tmpdir(), 'afterdesk-checkpoint-'));
    const checkpointFile = join(folder, 'conversations.json');
    const timersBefore = activeTimers();
    try {
      for (const key of ['K1', 'K2', 'K3']) await put(table.name, key);
      const firstRun: string[] = [];
      await pollUntilDrained({
        tableName: table.name,
        checkpointFile,
        handler: async (event) => {
          firstRun.push(...keysOf(event.Records));
        },
      });
      expect(firstRun).toEqual(['K1', 'K2', 'K3']);
      const stored = JSON.parse(await readFile(checkpointFile, 'utf8'));
      expect(stored.streamArn).toBe(table.streamArn);

      for (const key of ['K4', 'K5']) await put(table.name, key);
      const secondRun: string[] = [];
      await pollUntilDrained({
        tableName: table.name,
        checkpointFile,
        handler: async (event) => {
          secondRun.push(...keysOf(event.Records));
        },
      });
      expect(secondRun).toEqual(['K4', 'K5']);
      // Both pollers are stopped: none left a timer behind.
      expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}
