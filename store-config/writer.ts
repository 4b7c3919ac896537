import { randomUUID } from 'node:crypto';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  CATALOGUE_PARTITION,
  CATALOGUE_VERSION_KEY,
} from '../functions/adapters/aws/dynamodb-knowledge-repository';
import { contentHash, type Item, itemKey, type Origin } from './items';

export interface WriteOptions {
  /** Chunks of 100 items in flight at once; each chunk is one BatchGet and up to four BatchWrites. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface WriteSummary {
  written: number;
  unchanged: number;
  /** Items DynamoDB would not take even after retries, by the caller's index. */
  failed: Array<{ index: number; error: string }>;
}

const GET_BATCH = 100;
const WRITE_BATCH = 25;
const MAX_RETRIES = 8;

/**
 * Writes only the items whose content differs from what is stored (a content hash kept beside each item),
 * so importing the same file twice writes nothing the second time. Batches of 100 are read and written
 * with several in flight; unprocessed items are retried with backoff, as DynamoDB asks.
 */
export async function upsertItems(
  db: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const summary: WriteSummary = { written: 0, unchanged: 0, failed: [] };
  const chunks: number[][] = [];
  for (let start = 0; start < items.length; start += GET_BATCH) {
    chunks.push(
      Array.from({ length: Math.min(GET_BATCH, items.length - start) }, (_, offset) => start + offset),
    );
  }
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++] ?? [];
      try {
        await writeChunk(db, table, items, chunk, summary);
      } catch (error) {
        for (const index of chunk) summary.failed.push({ index, error: errorName(error) });
      }
      done += chunk.length;
      options.onProgress?.(done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  summary.failed.sort((a, b) => a.index - b.index);
  return summary;
}

async function writeChunk(
  db: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
  chunk: number[],
  summary: WriteSummary,
): Promise<void> {
  const hashed = chunk.map((index) => {
    const item = items[index] as Item;
    return { index, item: { ...item, contentHash: contentHash(item) } };
  });
  const stored = await storedHashes(
    db,
    table,
    hashed.map(({ item }) => ({ pk: item.pk, sk: item.sk })),
  );
  const changed = hashed.filter(({ item }) => stored.get(itemKey(item)) !== item.contentHash);
  summary.unchanged += hashed.length - changed.length;
  for (let start = 0; start < changed.length; start += WRITE_BATCH) {
    const batch = changed.slice(start, start + WRITE_BATCH);
    const unprocessed = await batchWrite(
      db,
      table,
      batch.map(({ item }) => ({ PutRequest: { Item: item } })),
    );
    const left = new Set(unprocessed.map((request) => itemKey(request.PutRequest?.Item as Item)));
    for (const { index, item } of batch) {
      if (left.has(itemKey(item))) summary.failed.push({ index, error: 'not processed after retries' });
      else summary.written++;
    }
  }
}

async function storedHashes(
  db: DynamoDBDocumentClient,
  table: string,
  keys: Array<{ pk: string; sk: string }>,
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  let pending: Array<Record<string, unknown>> = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > MAX_RETRIES) throw new Error('BatchGetItem kept returning unprocessed keys');
    if (attempt > 0) await backoff(attempt);
    const result = await db.send(
      new BatchGetCommand({
        RequestItems: {
          [table]: { Keys: pending, ProjectionExpression: 'pk, sk, contentHash' },
        },
      }),
    );
    for (const item of result.Responses?.[table] ?? []) {
      if (typeof item.contentHash === 'string') hashes.set(itemKey(item as Item), item.contentHash);
    }
    pending = result.UnprocessedKeys?.[table]?.Keys ?? [];
  }
  return hashes;
}

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** Returns the requests still unprocessed after the retries. */
async function batchWrite(
  db: DynamoDBDocumentClient,
  table: string,
  requests: WriteRequest[],
): Promise<WriteRequest[]> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0 && attempt <= MAX_RETRIES; attempt++) {
    if (attempt > 0) await backoff(attempt);
    const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
    pending = result.UnprocessedItems?.[table] ?? [];
  }
  return pending;
}

const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random())));

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'error');

/** Deletes the catalogue items of one origin that are not in `keep`: products or FAQ removed from the files. */
export async function pruneCatalogue(
  db: DynamoDBDocumentClient,
  table: string,
  origin: Origin,
  keep: ReadonlySet<string>,
): Promise<number> {
  const stale: Array<{ pk: string; sk: string }> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'byCustomer',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': CATALOGUE_PARTITION },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.origin === origin && !keep.has(itemKey(item as Item)))
        stale.push({ pk: String(item.pk), sk: String(item.sk) });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  for (let index = 0; index < stale.length; index += WRITE_BATCH) {
    const left = await batchWrite(
      db,
      table,
      stale.slice(index, index + WRITE_BATCH).map((Key) => ({ DeleteRequest: { Key } })),
    );
    if (left.length > 0) throw new Error('DynamoDB did not process every delete; run apply again');
  }
  return stale.length;
}

/** A new catalogue version tells every warm knowledge index that the products or FAQ changed. */
export async function bumpCatalogueVersion(db: DynamoDBDocumentClient, table: string): Promise<string> {
  const version = `${new Date().toISOString()}#${randomUUID().slice(0, 8)}`;
  await db.send(
    new PutCommand({
      TableName: table,
      Item: { ...CATALOGUE_VERSION_KEY, type: 'config', version, updatedAt: new Date().toISOString() },
    }),
  );
  return version;
}
