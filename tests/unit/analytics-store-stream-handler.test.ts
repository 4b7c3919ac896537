import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeFactOf } from '../../functions/core/analytics/store-facts';
import { createFactStreamHandler, removalCause } from '../../functions/handlers/shared/fact-stream';
import { MemoryProcessedEvents } from '../support/memory-processed-events';
import { claimItem, FactRowsSink, openClaim } from '../support/store-facts';

type ReportRemoval = typeof import('../../functions/handlers/store-analytics-stream').reportRemoval;
let reportRemoval: ReportRemoval;

beforeAll(async () => {
  // The handler module reads its configuration at import, as at a cold start; nothing is called here.
  Object.assign(process.env, {
    AFTERDESK_MODE: 'local',
    STORE_TABLE: 'store',
    CONVERSATIONS_TABLE: 'conversations',
    CONNECTIONS_TABLE: 'connections',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
    ANALYTICS_DATA_DIR: '/nonexistent-afterdesk-analytics',
  });
  ({ reportRemoval } = await import('../../functions/handlers/store-analytics-stream'));
});

let sequence = 100;
function record(
  eventName: DynamoDBRecord['eventName'],
  images: { old?: Record<string, unknown>; new?: Record<string, unknown> },
  extra: Partial<DynamoDBRecord> = {},
): DynamoDBRecord {
  sequence++;
  return {
    eventID: `evt-${sequence}`,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      SequenceNumber: String(sequence),
      Keys: marshall({ pk: 'CLAIM#C-0001', sk: 'CLAIM' }) as never,
      ...(images.old ? { OldImage: marshall(images.old, { removeUndefinedValues: true }) as never } : {}),
      ...(images.new ? { NewImage: marshall(images.new, { removeUndefinedValues: true }) as never } : {}),
    },
    ...extra,
  };
}

const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

function setup() {
  const sink = new FactRowsSink();
  const processed = new MemoryProcessedEvents();
  const counted: string[] = [];
  const removals: string[] = [];
  const stored: string[] = [];
  const handle = createFactStreamHandler({
    sink,
    processedEvents: processed,
    factOf: storeFactOf,
    onRemove: (removal) => removals.push(removal.cause),
    count: (name) => counted.push(name),
    onStored: (fact) => stored.push(fact.fact),
  });
  return { sink, processed, counted, removals, stored, handle };
}

const opened = claimItem(openClaim());
const closed = claimItem(openClaim(), { status: 'closed', updatedAt: '2026-11-20T14:00:00.000Z' });

describe('Store stream → fact rows', () => {
  it('writes one ticket row per created or closed claim and commits the batch', async () => {
    const { sink, processed, counted, handle } = setup();
    const open = record('INSERT', { new: opened });
    const close = record('MODIFY', { old: opened, new: closed });
    expect(await handle(batch(open, close))).toEqual({ batchItemFailures: [] });
    expect(sink.rows.ticket_facts?.map((row) => row.state)).toEqual(['open', 'closed']);
    expect(processed.status.get(open.eventID as string)).toBe('completed');
    expect(counted.filter((name) => name === 'TicketFactWritten')).toHaveLength(2);
  });

  it('a redelivered record writes nothing a second time', async () => {
    const { sink, counted, handle } = setup();
    const open = record('INSERT', { new: opened });
    await handle(batch(open));
    expect(await handle(batch(open))).toEqual({ batchItemFailures: [] });
    expect(sink.rows.ticket_facts).toHaveLength(1);
    expect(counted).toContain('FactDuplicateSkipped');
  });

  it('tells onStored each fact once its row is stored, never for a redelivery or a failed write', async () => {
    const { sink, stored, handle } = setup();
    const open = record('INSERT', { new: opened });
    sink.failing.add('ticket_facts');
    await handle(batch(open));
    expect(stored).toEqual([]);
    sink.failing.clear();
    await handle(batch(open));
    await handle(batch(open));
    expect(stored).toEqual(['ticket_facts']);
  });

  it('a malformed or unexpected record fails alone while the rest of the batch commits', async () => {
    const { sink, handle } = setup();
    const good = record('INSERT', { new: opened });
    const noStatus = record('INSERT', { new: { ...opened, status: 'archived' } });
    const noImage = record('INSERT', {});
    const unknownEvent = record('INSERT', { new: opened }, { eventName: 'TRUNCATE' as never });
    const after = record('MODIFY', { old: opened, new: closed });
    const response = await handle(batch(good, noStatus, noImage, unknownEvent, after));
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual([
      noStatus.dynamodb?.SequenceNumber,
      noImage.dynamodb?.SequenceNumber,
      unknownEvent.dynamodb?.SequenceNumber,
    ]);
    expect(sink.rows.ticket_facts?.map((row) => row.state)).toEqual(['open', 'closed']);
  });

  it('when the sink fails, the records of that fact fail and are claimed again on retry', async () => {
    const { sink, processed, handle } = setup();
    const open = record('INSERT', { new: opened });
    sink.failing.add('ticket_facts');
    expect(await handle(batch(open))).toEqual({
      batchItemFailures: [{ itemIdentifier: open.dynamodb?.SequenceNumber }],
    });
    expect(processed.status.get(open.eventID as string)).toBe('released');
    sink.failing.clear();
    expect(await handle(batch(open))).toEqual({ batchItemFailures: [] });
    expect(sink.rows.ticket_facts).toHaveLength(1);
  });

  it('ignores items that make no facts and modifications that change no state', async () => {
    const { sink, processed, handle } = setup();
    const order = record('INSERT', { new: { pk: 'ORDER#A1006', sk: 'ORDER', type: 'order' } });
    const photo = record('MODIFY', { old: opened, new: { ...opened, photoKeys: ['uploads/x.jpg'] } });
    expect(await handle(batch(order, photo))).toEqual({ batchItemFailures: [] });
    expect(sink.rows).toEqual({});
    expect(processed.status.size).toBe(0);
  });

  it('tells a TTL expiry from a delete, and writes no row for either', async () => {
    const { sink, removals, handle } = setup();
    const expired = record(
      'REMOVE',
      { old: opened },
      { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } },
    );
    const deleted = record('REMOVE', { old: opened });
    await handle(batch(expired, deleted));
    expect(removals).toEqual(['expired', 'deleted']);
    expect(removalCause(deleted)).toBe('deleted');
    expect(sink.rows).toEqual({});
  });

  it('counts expired and deleted returns and claims apart, and nothing for other items', () => {
    const counted: string[] = [];
    reportRemoval({ cause: 'expired', oldImage: opened }, (name) => counted.push(name));
    reportRemoval({ cause: 'deleted', oldImage: opened }, (name) => counted.push(name));
    reportRemoval({ cause: 'deleted', oldImage: { type: 'order' } }, (name) => counted.push(name));
    expect(counted).toEqual(['StoreItemExpired', 'StoreItemDeleted']);
  });
});
