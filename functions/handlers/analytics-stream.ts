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
import { analyticsSink, keywordSpikes, processedEvents, sentiment } from '../config/analytics';
import { conversations } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { priorityForSentiment } from '../core/analytics/escalation';
import type { MessageFact } from '../core/analytics/facts';
import type { KeywordSpikeDetector } from '../core/analytics/keyword-spikes';
import { type MessageItem, parseMessageItem, toMessageFact } from '../core/analytics/message-facts';
import { TTL_PRINCIPAL } from '../core/chat/conversation-activity';
import { analyse } from '../core/embedded-model/analyse';
import type { AnalyticsSink, ProcessedEvents } from '../ports/analytics-sink';
import type { ConversationRepository } from '../ports/repositories';
import type { Sentiment } from '../ports/sentiment';
import { withObservability } from './shared/middleware';

type Image = Record<string, AttributeValue>;

export interface AnalyticsStreamDeps {
  sink: AnalyticsSink;
  sentiment: Sentiment;
  processedEvents: ProcessedEvents;
  /** When the shopper message a reply answers was stored, if it can be found. */
  answeredMessageAt(message: MessageItem): Promise<string | null>;
  /** The near-real-time signal: a conversation turning negative moves up the hand-off queue. */
  handoffs?: Pick<ConversationRepository, 'raiseHandoffPriority'>;
  /** The other near-real-time signal: defect words about one product spiking raise an alert. */
  keywordSpikes?: Pick<KeywordSpikeDetector, 'record'>;
  count?(name: string): void;
}

interface Pending {
  record: DynamoDBRecord;
  eventId: string;
  fact: MessageFact;
}

/**
 * Conversations stream → message facts. Each record is handled on its own (Powertools BatchProcessor): a
 * malformed record or a failing sentiment call fails that record only. Facts built in one invocation go to
 * the sink in one write; a record counts as processed only once that write succeeded, and its
 * processed-event marker then makes any redelivery a no-op.
 */
export function createAnalyticsStreamHandler(deps: AnalyticsStreamDeps) {
  const count = deps.count ?? (() => undefined);

  async function processRecord(record: DynamoDBRecord, pending: Pending[]): Promise<void> {
    const newImage = record.dynamodb?.NewImage ? unmarshall(record.dynamodb.NewImage as Image) : undefined;
    const oldImage = record.dynamodb?.OldImage ? unmarshall(record.dynamodb.OldImage as Image) : undefined;
    if (record.eventName === 'REMOVE') {
      if (oldImage?.type !== 'message') return;
      // TTL expiry is retention at work, not an event; a user delete is a GDPR erasure, noted (no fact).
      if (record.userIdentity?.principalId === TTL_PRINCIPAL) count('AnalyticsMessageExpired');
      else {
        count('AnalyticsMessageErased');
        logger.info('message erased', { sessionId: String(oldImage.sessionId ?? '') });
      }
      return;
    }
    if (record.eventName !== 'INSERT' || newImage?.type !== 'message') return;
    const eventId = record.eventID;
    if (!eventId) throw new TypeError('stream record lacks eventID');
    const message = parseMessageItem(newImage);

    const claim = await deps.processedEvents.claim(eventId);
    if (claim === 'done') {
      count('AnalyticsDuplicateSkipped');
      return;
    }
    if (claim === 'busy') throw new Error(`stream record ${eventId} is being processed elsewhere`);
    try {
      const isShopper = message.role === 'shopper';
      const analysis =
        isShopper && (!message.language || !message.intent)
          ? analyse(message.text, { languageHint: message.language })
          : undefined;
      const language = message.language ?? analysis?.lang ?? null;
      const [result] = isShopper ? await deps.sentiment.detect([{ text: message.text, lang: language }]) : [];
      await escalate(message.sessionId, result);
      const answeredMessageAt =
        message.role === 'assistant' || message.role === 'agent'
          ? await deps.answeredMessageAt(message)
          : null;
      pending.push({
        record,
        eventId,
        fact: toMessageFact({
          eventId,
          message,
          sentiment: result ?? null,
          analysis: { language, intent: analysis?.intent ?? null },
          answeredMessageAt,
        }),
      });
    } catch (error) {
      await deps.processedEvents.release([eventId]);
      throw error;
    }
  }

  /** Best effort: a failed raise must not cost the fact, and the agent still sees the conversation. */
  async function escalate(sessionId: string, result: Parameters<typeof priorityForSentiment>[0]) {
    const priority = priorityForSentiment(result);
    if (!priority || !deps.handoffs) return;
    try {
      if ((await deps.handoffs.raiseHandoffPriority(sessionId, priority)) === 'raised')
        count('HandoffRaisedBySentiment');
    } catch (error) {
      logger.warn('hand-off priority not raised', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }

  /** Best effort: an alert is a convenience on top of the facts, so its failure never fails a record. */
  async function detectSpikes(facts: readonly MessageFact[]) {
    if (!deps.keywordSpikes) return;
    for (const fact of facts) {
      if (fact.role !== 'shopper' || fact.defects.length === 0) continue;
      try {
        const outcomes = await deps.keywordSpikes.record({
          sku: fact.sku,
          defects: fact.defects,
          intent: fact.intent,
          at: new Date(fact.occurred_at),
        });
        for (const outcome of outcomes) if (outcome === 'alerted') count('KeywordSpikeAlerted');
      } catch (error) {
        count('KeywordSpikeCheckFailed');
        logger.warn('keyword spike check failed', {
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
    }
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
    if (pending.length > 0) {
      const eventIds = pending.map((entry) => entry.eventId);
      try {
        await deps.sink.write(
          'message_facts',
          pending.map((entry) => entry.fact),
        );
      } catch (error) {
        logger.error('analytics sink write failed', { records: pending.length, error: String(error) });
        await deps.processedEvents.release(eventIds);
        for (const entry of pending) {
          const id = entry.record.dynamodb?.SequenceNumber;
          if (id && !failures.some((failure) => failure.itemIdentifier === id))
            failures.push({ itemIdentifier: id });
        }
        return { batchItemFailures: failures };
      }
      // Written: from here a redelivery must be skipped. If this fails the claims lapse after
      // ANALYTICS_CLAIM_SECONDS and a retry could write a second copy; the event_id column lets readers
      // de-duplicate that rare case.
      await deps.processedEvents.complete(eventIds);
      for (let i = 0; i < pending.length; i++) count('MessageFactWritten');
      // Only after the facts are stored and marked: a retried batch would otherwise count mentions twice.
      await detectSpikes(pending.map((entry) => entry.fact));
    }
    if (failures.length > 0)
      logger.warn('analytics stream records failed', {
        failed: failures.length,
        total: event.Records.length,
      });
    return { batchItemFailures: failures };
  };
}

const processEvent = createAnalyticsStreamHandler({
  sink: analyticsSink,
  sentiment,
  processedEvents,
  handoffs: conversations,
  keywordSpikes,
  answeredMessageAt: async (message) => {
    if (!message.replyTo || message.seq < 1) return null;
    const [previous] = await conversations.listMessagesAfter(message.sessionId, message.seq - 2, 1);
    return previous && previous.seq === message.seq - 1 && previous.clientMessageId === message.replyTo
      ? previous.createdAt
      : null;
  },
  count: (name) => metrics.addMetric(name, 'Count', 1),
});

/** Failed records are reported one by one; the mapping retries them and then sends them to the DLQ. */
export const handler = withObservability(async (event: DynamoDBStreamEvent, context: Context) => {
  metrics.addMetric('AnalyticsStreamRecords', 'Count', event.Records.length);
  return processEvent(event, context);
});
