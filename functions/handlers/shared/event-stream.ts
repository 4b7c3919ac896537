import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Envelope } from '../../core/events';

/** A use case's view of one batch of decoded events (see core/analytics/conversation-analytics). */
export interface EventBatch<E> {
  handle(envelope: Envelope<E>): Promise<void>;
  finish(failed: readonly string[]): Promise<string[]>;
}

export interface StreamDecoder<E> {
  /** Decodes one record; throws for a record it cannot read, which then fails alone. */
  decode(record: DynamoDBRecord): Envelope<E>;
  /** The record's ref and ordering key, from its keys alone (for a record that cannot be decoded). */
  placeholder(record: DynamoDBRecord): Envelope<E>;
}

/**
 * DynamoDB stream → decoded events → one use-case batch. Every record is decoded first (so the use case
 * sees the whole batch in order), then handled by Powertools' BatchProcessor: a record that cannot be
 * decoded or whose handling throws fails alone. What `finish` returns is reported for retry, then the
 * mapping's on-failure destination.
 */
export async function processEventStream<E>(
  event: DynamoDBStreamEvent,
  context: Context | undefined,
  decoder: StreamDecoder<E>,
  begin: (envelopes: readonly Envelope<E>[]) => EventBatch<E>,
): Promise<DynamoDBBatchResponse> {
  const decoded = new Map<DynamoDBRecord, Envelope<E> | { error: unknown }>();
  for (const record of event.Records) {
    try {
      decoded.set(record, decoder.decode(record));
    } catch (error) {
      decoded.set(record, { error });
    }
  }
  const envelopes = event.Records.map((record) => {
    const entry = decoded.get(record);
    return entry && !('error' in entry) ? entry : decoder.placeholder(record);
  });
  const batch = begin(envelopes);
  // One processor per invocation: the local poller may deliver several shards at once.
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const response = await processPartialResponse(
    event,
    async (record: DynamoDBRecord) => {
      const entry = decoded.get(record);
      if (!entry) return;
      if ('error' in entry) throw entry.error;
      await batch.handle(entry);
    },
    processor,
    context ? { context } : undefined,
  );
  const failed = await batch.finish(response.batchItemFailures.map((failure) => failure.itemIdentifier));
  return { batchItemFailures: failed.filter(Boolean).map((itemIdentifier) => ({ itemIdentifier })) };
}
