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
import { analyticsSink, enrichment, keywordSpikes, processedEvents, sentiment } from '../config/analytics';
import { contactStates } from '../config/conversation-contacts';
import { conversations } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { recordContactEvents } from '../core/analytics/contact-tracking';
import {
  type ContactEvent,
  contactEventFromSessionChange,
  parseContactState,
  toConversationFact,
} from '../core/analytics/conversation-contacts';
import { enrichTexts, type TextEnrichment } from '../core/analytics/enrichment';
import { priorityForSentiment } from '../core/analytics/escalation';
import type { ConversationFact, MessageFact } from '../core/analytics/facts';
import type { KeywordSpikeDetector } from '../core/analytics/keyword-spikes';
import { type MessageItem, parseMessageItem, toMessageFact } from '../core/analytics/message-facts';
import { TTL_PRINCIPAL } from '../core/chat/conversation-activity';
import { resolveTurn } from '../core/embedded-model/dialogue-policy';
import type { AnalyticsSink, ProcessedEvents } from '../ports/analytics-sink';
import type { ContactStateStore } from '../ports/contact-states';
import type { ConversationRepository } from '../ports/repositories';
import type { Sentiment } from '../ports/sentiment';
import { claimRecord, reportFailed, writeClaimedRows } from './shared/fact-stream';
import { withObservability } from './shared/middleware';

type Image = Record<string, AttributeValue>;

export interface AnalyticsStreamDeps {
  sink: AnalyticsSink;
  sentiment: Sentiment;
  /**
   * PII redaction, then key phrases of the redacted text (Comprehend in the cloud). Absent, the fact is
   * built with the pattern redaction and the word list in line.
   */
  enrichment?: TextEnrichment;
  processedEvents: ProcessedEvents;
  /** When the shopper message a reply answers was stored, if it can be found. */
  answeredMessageAt(message: MessageItem): Promise<string | null>;
  /** The near-real-time signal: a conversation turning negative moves up the hand-off queue. */
  handoffs?: Pick<ConversationRepository, 'raiseHandoffPriority'>;
  /** The other near-real-time signal: defect words about one product spiking raise an alert. */
  keywordSpikes?: Pick<KeywordSpikeDetector, 'record'>;
  count?(name: string): void;
  /** Per-session contact state, kept from the same records; absent, no contact is tracked. */
  contacts?: ContactStateStore;
}

interface Pending {
  record: DynamoDBRecord;
  eventId: string;
  fact: MessageFact;
}

interface PendingConversation {
  record: DynamoDBRecord;
  eventId: string;
  fact: ConversationFact;
}

const sessionKeyOf = (record: DynamoDBRecord) => record.dynamodb?.Keys?.pk?.S;
const isContactRecord = (record: DynamoDBRecord) =>
  record.dynamodb?.Keys?.sk?.S === 'CONTACT' && sessionKeyOf(record)?.startsWith('SESSION#') === true;

const messageContactEvent = (fact: MessageFact): ContactEvent => ({
  kind: 'message',
  sessionId: fact.conversation_id,
  at: fact.occurred_at,
  role: fact.role,
  channel: fact.channel,
  intent: fact.intent,
  sentiment: fact.sentiment,
});

/** When each shopper message inserted in this batch was stored, by session and client message id. */
function shopperMessageTimes(records: readonly DynamoDBRecord[]): Map<string, string> {
  const times = new Map<string, string>();
  for (const record of records) {
    const image = record.eventName === 'INSERT' ? record.dynamodb?.NewImage : undefined;
    // Read straight from the attribute values: unmarshalling every record twice would double that work.
    if (image?.type?.S !== 'message' || image.role?.S !== 'shopper') continue;
    const [session, id, at] = [image.sessionId?.S, image.clientMessageId?.S, image.createdAt?.S];
    if (session && id && at) times.set(`${session}#${id}`, at);
  }
  return times;
}

/** Hand-off changes on a session's META item (requested, taken by an agent). */
function sessionContactEvent(record: DynamoDBRecord): ContactEvent | undefined {
  if (record.eventName !== 'MODIFY' && record.eventName !== 'INSERT') return undefined;
  if (record.dynamodb?.Keys?.sk?.S !== 'META') return undefined;
  return contactEventFromSessionChange(
    record.dynamodb.OldImage ? unmarshall(record.dynamodb.OldImage as Image) : undefined,
    record.dynamodb.NewImage ? unmarshall(record.dynamodb.NewImage as Image) : undefined,
  );
}

/**
 * Conversations stream → message facts. Each record is handled on its own (Powertools BatchProcessor): a
 * malformed record or a failing sentiment, PII or key-phrase call fails that record only. Facts built in
 * one invocation go to the sink in one write; a record counts as processed only once that write succeeded,
 * and its processed-event marker then makes any redelivery a no-op.
 */
export function createAnalyticsStreamHandler(deps: AnalyticsStreamDeps) {
  const count = deps.count ?? (() => undefined);

  async function processRecord(
    record: DynamoDBRecord,
    pending: Pending[],
    askedAt: ReadonlyMap<string, string>,
  ): Promise<void> {
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
    if (!(await claimRecord(deps.processedEvents, eventId, () => count('AnalyticsDuplicateSkipped')))) return;
    try {
      const isShopper = message.role === 'shopper';
      // The assistant's own reading of a lone message (e.g. "A1006 arrived broken" is a damage report, not
      // tracking), so top issues count what the shopper was answered about.
      const analysis =
        isShopper && (!message.language || !message.intent)
          ? resolveTurn(message.text, [], message.language)
          : undefined;
      const language = message.language ?? analysis?.lang ?? null;
      const input = { text: message.text, lang: language };
      const [sentiments, enriched, answeredMessageAt] = await Promise.all([
        isShopper ? deps.sentiment.detect([input]) : [],
        deps.enrichment ? enrichTexts([input], deps.enrichment) : [],
        message.role === 'assistant' || message.role === 'agent' ? answeredAt(message, askedAt) : null,
      ]);
      const [result] = sentiments;
      await escalate(message.sessionId, result);
      pending.push({
        record,
        eventId,
        fact: toMessageFact({
          eventId,
          message,
          sentiment: result ?? null,
          analysis: { language, intent: analysis?.intent ?? null },
          answeredMessageAt,
          redactedText: enriched[0]?.redactedText,
          keyPhrases: enriched[0]?.keyPhrases,
        }),
      });
    } catch (error) {
      await deps.processedEvents.release([eventId]);
      throw error;
    }
  }

  /** A reply usually arrives in the same batch as the question it answers: no read is needed then. */
  async function answeredAt(message: MessageItem, askedAt: ReadonlyMap<string, string>) {
    const inBatch = message.replyTo ? askedAt.get(`${message.sessionId}#${message.replyTo}`) : undefined;
    return inBatch ?? deps.answeredMessageAt(message);
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

  /** A contact's close (open → closed) becomes one conversation fact; its other changes are bookkeeping. */
  async function collectConversationFact(record: DynamoDBRecord, closed: PendingConversation[]) {
    if (record.eventName !== 'MODIFY') return;
    const newImage = unmarshall((record.dynamodb?.NewImage ?? {}) as Image);
    const oldImage = unmarshall((record.dynamodb?.OldImage ?? {}) as Image);
    if (newImage.status !== 'closed' || oldImage.status !== 'open') return;
    const eventId = record.eventID;
    if (!eventId) throw new TypeError('stream record lacks eventID');
    const fact = toConversationFact(parseContactState(newImage));
    if (!(await claimRecord(deps.processedEvents, eventId, () => count('AnalyticsDuplicateSkipped')))) return;
    closed.push({ record, eventId, fact });
  }

  /**
   * Contact state follows each session in stream order: its message facts built in this batch and the
   * hand-off changes on its META item. BatchProcessor runs records concurrently, so this runs after it, over
   * the records in order. A session stops at its first failed record; its later message facts are held back
   * (claims released, records failed) so the retry replays them in order.
   */
  async function trackContacts(
    records: readonly DynamoDBRecord[],
    pending: Pending[],
    failures: DynamoDBBatchItemFailure[],
  ) {
    const store = deps.contacts;
    if (!store) return;
    const factOf = new Map(pending.map((entry) => [entry.record, entry]));
    const failed = new Set(failures.map((failure) => failure.itemIdentifier));
    const sessions = new Map<
      string,
      { events: ContactEvent[]; applied: Pending[]; held: Pending[]; blocked: boolean }
    >();
    for (const record of records) {
      const key = sessionKeyOf(record);
      if (!key?.startsWith('SESSION#') || isContactRecord(record)) continue;
      const session = sessions.get(key) ?? { events: [], applied: [], held: [], blocked: false };
      sessions.set(key, session);
      const entry = factOf.get(record);
      if (session.blocked || failed.has(record.dynamodb?.SequenceNumber ?? '')) {
        session.blocked = true;
        if (entry) session.held.push(entry);
        continue;
      }
      const contactEvent = entry ? messageContactEvent(entry.fact) : sessionContactEvent(record);
      if (contactEvent) session.events.push(contactEvent);
      if (entry) session.applied.push(entry);
    }
    const heldBack: Pending[] = [];
    await Promise.all(
      [...sessions.entries()].map(async ([key, session]) => {
        heldBack.push(...session.held);
        if (session.events.length === 0) return;
        try {
          await recordContactEvents(store, key.slice('SESSION#'.length), session.events);
        } catch (error) {
          count('ContactStateFailed');
          logger.warn('contact state not updated', {
            error: error instanceof Error ? error.name : 'unknown',
          });
          heldBack.push(...session.applied);
        }
      }),
    );
    if (heldBack.length === 0) return;
    await deps.processedEvents.release(heldBack.map((entry) => entry.eventId));
    for (const entry of heldBack) pending.splice(pending.indexOf(entry), 1);
    reportFailed(
      failures,
      heldBack.map((entry) => entry.record),
    );
  }

  return async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    const pending: Pending[] = [];
    const closed: PendingConversation[] = [];
    // One processor per invocation: the local poller may deliver several shards at once.
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    const askedAt = shopperMessageTimes(event.Records);
    const response = await processPartialResponse(
      event,
      (record: DynamoDBRecord) =>
        isContactRecord(record)
          ? collectConversationFact(record, closed)
          : processRecord(record, pending, askedAt),
      processor,
      context ? { context } : undefined,
    );
    const failures: DynamoDBBatchItemFailure[] = [...response.batchItemFailures];
    await trackContacts(event.Records, pending, failures);
    const writeDeps = { sink: deps.sink, processedEvents: deps.processedEvents, count };
    const conversationRows = closed.map((entry) => ({ eventId: entry.eventId, row: entry.fact }));
    const conversationsFailed = new Set(
      await writeClaimedRows(writeDeps, 'conversation_facts', conversationRows),
    );
    reportFailed(
      failures,
      closed.filter((entry) => conversationsFailed.has(entry.eventId)).map((entry) => entry.record),
    );
    const messageRows = pending.map((entry) => ({ eventId: entry.eventId, row: entry.fact }));
    const messagesFailed = new Set(await writeClaimedRows(writeDeps, 'message_facts', messageRows));
    // Only the facts stored and marked: a retried record would otherwise count its mentions twice.
    await detectSpikes(
      pending.filter((entry) => !messagesFailed.has(entry.eventId)).map((entry) => entry.fact),
    );
    reportFailed(
      failures,
      pending.filter((entry) => messagesFailed.has(entry.eventId)).map((entry) => entry.record),
    );
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
  count: (name) => metrics.addMetric(name, 'Count', 1),
});

/** Failed records are reported one by one; the mapping retries them and then sends them to the DLQ. */
export const handler = withObservability(async (event: DynamoDBStreamEvent, context: Context) => {
  metrics.addMetric('AnalyticsStreamRecords', 'Count', event.Records.length);
  return processEvent(event, context);
});
