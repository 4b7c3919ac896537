import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { conversationStreamDecoder } from '../adapters/aws/conversation-stream-events';
import { claims, knowledge } from '../config/after-sales';
import { analyticsSink, enrichment, keywordSpikes, processedEvents, sentiment } from '../config/analytics';
import { contactStates } from '../config/conversation-contacts';
import { conversations, orders } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import {
  type ConversationAnalyticsDeps,
  createConversationAnalytics,
} from '../core/analytics/conversation-analytics';
import { createSubjectReader } from '../core/analytics/message-subject';
import { resolveTurn } from '../core/embedded-model/dialogue-policy';
import { processEventStream } from './shared/event-stream';
import { withObservability } from './shared/middleware';

export type AnalyticsStreamDeps = Omit<ConversationAnalyticsDeps, 'logger' | 'reader'>;

/**
 * Conversations stream → conversation events (adapters/aws/conversation-stream-events) → the analytics use
 * case (core/analytics/conversation-analytics). Failed records are reported one by one for retry.
 */
export function createAnalyticsStreamHandler(deps: AnalyticsStreamDeps) {
  const analytics = createConversationAnalytics({
    ...deps,
    logger,
    reader: (text, hint) => {
      const turn = resolveTurn(text, [], hint);
      return { language: turn.lang, intent: turn.intent };
    },
  });
  return async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    const response = await processEventStream(event, context, conversationStreamDecoder, analytics.begin);
    if (response.batchItemFailures.length > 0)
      logger.warn('analytics stream records failed', {
        failed: response.batchItemFailures.length,
        total: event.Records.length,
      });
    return response;
  };
}

const processEvent = createAnalyticsStreamHandler({
  sink: analyticsSink,
  sentiment,
  enrichment,
  processedEvents,
  handoffs: conversations,
  keywordSpikes,
  contacts: contactStates,
  answeredMessageAt: async (message) => {
    if (!message.replyTo || message.seq < 1) return null;
    const [previous] = await conversations.listMessagesAfter(message.sessionId, message.seq - 2, 1);
    return previous && previous.seq === message.seq - 1 && previous.clientMessageId === message.replyTo
      ? previous.createdAt
      : null;
  },
  // The order and SKU a shopper message is about go on its fact, so keyword alerts work per product.
  subjectOf: createSubjectReader({
    customerOf: async (sessionId) => (await conversations.getSession(sessionId))?.customerId,
    getOrder: (orderId) => orders.getOrder(orderId),
    listProducts: () => knowledge.listProducts(),
    listClaims: (customerId) => claims.listForCustomer(customerId, 20),
    now: () => new Date(),
  }),
  count: (name) => metrics.addMetric(name, 'Count', 1),
});

/** Failed records are reported one by one; the mapping retries them and then sends them to the DLQ. */
export const handler = withObservability(async (event: DynamoDBStreamEvent, context: Context) => {
  metrics.addMetric('AnalyticsStreamRecords', 'Count', event.Records.length);
  return processEvent(event, context);
});
