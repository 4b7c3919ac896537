import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  Context,
  DynamoDBBatchItemFailure,
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { logger } from '../../config/observability';
import {
  type ClaimedRowsDeps,
  claimEvent,
  writeClaimedRows as writeClaimed,
} from '../../core/analytics/claimed-facts';
import type { FactName, FactRowByName } from '../../core/analytics/facts';
import { TTL_PRINCIPAL } from '../../core/chat/conversation-activity';
import type { AnalyticsSink, ProcessedEvents } from '../../ports/analytics-sink';

type Image = Record<string, unknown>;

/** One fact row a stream record makes. */
export type FactOf = { [K in FactName]: { fact: K; row: FactRowByName[K] } }[FactName];

export interface ItemChange {
  eventName: 'INSERT' | 'MODIFY';
  oldImage?: Image;
  newImage: Image;
}

export interface ItemRemoval {
  /** `expired`: DynamoDB's TTL removed the item; `deleted`: a user or the application did. */
  cause: 'expired' | 'deleted';
  oldImage?: Image;
}

export interface FactStreamDeps {
  sink: AnalyticsSink;
  processedEvents: ProcessedEvents;
  /** The fact an item change makes, or undefined for none; throws for a record it cannot read. */
  factOf(change: ItemChange): FactOf | undefined;
  onRemove?(removal: ItemRemoval): void;
  count?(name: string): void;
  /** Told each fact once its row is stored (not for duplicates or failed writes): usage metrics. */
  onStored?(fact: FactOf): void;
}

interface Pending {
  record: DynamoDBRecord;
  eventId: string;
  fact: FactOf;
}

/**
 * Claims a record by its eventID before its fact is built (see core/analytics/claimed-facts).
 */
export const claimRecord = claimEvent;

/** Writes claimed rows with this process's logger (see core/analytics/claimed-facts). */
export function writeClaimedRows<K extends FactName>(
  deps: Omit<ClaimedRowsDeps, 'logger'>,
  fact: K,
  rows: ReadonlyArray<{ eventId: string; row: FactRowByName[K] }>,
): Promise<string[]> {
  return writeClaimed({ ...deps, logger }, fact, rows);
}

/** Adds each record to the batch's failures once, so the mapping retries it. */
export function reportFailed(failures: DynamoDBBatchItemFailure[], records: readonly DynamoDBRecord[]): void {
  for (const record of records) {
    const id = record.dynamodb?.SequenceNumber;
    if (id && !failures.some((failure) => failure.itemIdentifier === id))
      failures.push({ itemIdentifier: id });
  }
}

/** TTL deletes are made by the DynamoDB service principal; anything else was asked for by someone. */
export function removalCause(record: DynamoDBRecord): ItemRemoval['cause'] {
  const identity = record.userIdentity as { principalId?: string; type?: string } | undefined;
  return identity?.principalId === TTL_PRINCIPAL && identity.type === 'Service' ? 'expired' : 'deleted';
}

/**
 * A DynamoDB stream → fact rows handler. Each record is handled on its own (Powertools BatchProcessor): a
 * malformed or unexpected record fails alone and the mapping retries it, then sends it to its on-failure
 * destination. A record is claimed by its eventID before its row is queued, the rows of one invocation go
 * to the sink in one write per fact, and only then are the claims completed, so a redelivered record
 * never writes a second row.
 */
export function createFactStreamHandler(deps: FactStreamDeps) {
  const count = deps.count ?? (() => undefined);

  async function processRecord(record: DynamoDBRecord, pending: Pending[]): Promise<void> {
    const images = record.dynamodb;
    const oldImage = images?.OldImage
      ? unmarshall(images.OldImage as Record<string, AttributeValue>)
      : undefined;
    if (record.eventName === 'REMOVE') {
      deps.onRemove?.({ cause: removalCause(record), oldImage });
      return;
    }
    if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY')
      throw new TypeError('stream record has an unknown eventName');
    if (!images?.NewImage) throw new TypeError('stream record lacks its new image');
    const newImage = unmarshall(images.NewImage as Record<string, AttributeValue>);
    const fact = deps.factOf({ eventName: record.eventName, oldImage, newImage });
    if (!fact) return;
    const eventId = record.eventID;
    if (!eventId) throw new TypeError('stream record lacks eventID');

    if (!(await claimRecord(deps.processedEvents, eventId, () => count('FactDuplicateSkipped')))) return;
    pending.push({ record, eventId, fact });
  }

  /** Writes each fact's rows; returns the pending entries whose write failed (their claims released). */
  async function store(pending: readonly Pending[]): Promise<Pending[]> {
    const byFact = new Map<FactName, Pending[]>();
    for (const entry of pending) byFact.set(entry.fact.fact, [...(byFact.get(entry.fact.fact) ?? []), entry]);
    const failed: Pending[] = [];
    for (const [fact, entries] of byFact) {
      const rows = entries.map((entry) => ({ eventId: entry.eventId, row: entry.fact.row }));
      const notWritten = new Set(await writeClaimedRows({ ...deps, count }, fact, rows));
      failed.push(...entries.filter((entry) => notWritten.has(entry.eventId)));
      for (const entry of entries) if (!notWritten.has(entry.eventId)) deps.onStored?.(entry.fact);
    }
    return failed;
  }

  return async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    const pending: Pending[] = [];
    // One processor per invocation: the local poller may deliver several shards at once.
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    const response = await processPartialResponse(
      event,
      (record: DynamoDBRecord) => processRecord(record, pending),
      processor,
      context ? { context } : undefined,
    );
    const failures: DynamoDBBatchItemFailure[] = [...response.batchItemFailures];
    reportFailed(
      failures,
      (await store(pending)).map((entry) => entry.record),
    );
    if (failures.length > 0)
      logger.warn('fact stream records failed', { failed: failures.length, total: event.Records.length });
    return { batchItemFailures: failures };
  };
}
