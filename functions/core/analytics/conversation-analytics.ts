/**
 * The analytics use case fed by conversation events: message facts (sentiment, PII redaction, key
 * phrases), conversation facts of closed contacts, per-session contact state, and the two near-real-time
 * signals (a conversation turning negative moves up the hand-off queue; defect words about one product
 * spiking raise an alert). Transport-free: the caller decodes a batch of changes into envelopes, hands each
 * to `handle` (concurrently, each failing alone), then calls `finish` once; what it returns is retried.
 */

import type { AnalyticsSink, ProcessedEvents } from '../../ports/analytics-sink';
import type { ContactStateStore } from '../../ports/contact-states';
import type { UseCaseLogger } from '../../ports/logger';
import type { ConversationRepository, HandoffPriority } from '../../ports/repositories';
import type { Sentiment } from '../../ports/sentiment';
import type { Envelope } from '../events';
import type { ConversationEvent, ConversationMessage } from '../events/conversation-events';
import { batchClaims, claimEvent, completeWritten, writeRows } from './claimed-facts';
import { recordContactEventsOfSessions } from './contact-tracking';
import { type ContactEvent, toConversationFact } from './conversation-contacts';
import { enrichTexts, redactTexts, type TextEnrichment } from './enrichment';
import { higherPriority, priorityForSentiment } from './escalation';
import type { ConversationFact, MessageFact, PhotoFact } from './facts';
import type { KeywordSpikeDetector } from './keyword-spikes';
import { toMessageFact } from './message-facts';
import type { MessageSubject } from './message-subject';
import { toPhotoFacts } from './photo-facts';

/** How a lone message reads when its item carries no reading (language and intent). */
export type MessageReader = (text: string, languageHint?: string) => { language: string; intent: string };

export interface ConversationAnalyticsDeps {
  sink: AnalyticsSink;
  sentiment: Sentiment;
  /**
   * PII redaction, then key phrases of the redacted text (Comprehend in the cloud). Absent, the fact is
   * built with the pattern redaction and the word list in line.
   */
  enrichment?: TextEnrichment;
  processedEvents: ProcessedEvents;
  /** When the shopper message a reply answers was stored, if it can be found. */
  answeredMessageAt(message: ConversationMessage): Promise<string | null>;
  /** The near-real-time signal: a conversation turning negative moves up the hand-off queue. */
  handoffs?: Pick<ConversationRepository, 'raiseHandoffPriority'>;
  /** The other near-real-time signal: defect words about one product spiking raise an alert. */
  keywordSpikes?: Pick<KeywordSpikeDetector, 'record'> & Partial<Pick<KeywordSpikeDetector, 'recordAll'>>;
  /** Per-session contact state, kept from the same events; absent, no contact is tracked. */
  contacts?: ContactStateStore;
  /** Reads a shopper message that carries no reading of its own; absent, its fact has none. */
  reader?: MessageReader;
  /** The order and product a shopper message is about (message-subject.ts); absent, facts carry none. */
  subjectOf?: (message: ConversationMessage) => Promise<MessageSubject>;
  logger: UseCaseLogger;
  count?(name: string): void;
}

export interface AnalyticsBatch {
  /** Processes one event; throws to have its change retried. */
  handle(envelope: Envelope<ConversationEvent>): Promise<void>;
  /**
   * Runs once every `handle` has settled, with the refs of the changes that failed: tracks contacts in
   * order, writes the facts, checks spikes. Returns every ref to retry (the failed ones included).
   */
  finish(failed: readonly string[]): Promise<string[]>;
}

interface Pending<F> {
  ref: string;
  eventId: string;
  fact: F;
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'unknown');

const messageContactEvent = (fact: MessageFact): ContactEvent => ({
  kind: 'message',
  sessionId: fact.conversation_id,
  at: fact.occurred_at,
  role: fact.role,
  channel: fact.channel,
  intent: fact.intent,
  sentiment: fact.sentiment,
});

/** What the contact of a session hears from an event that is not a message fact. */
function contactEventOf(event: ConversationEvent | undefined): ContactEvent | undefined {
  if (event?.kind === 'handoff_requested') return event;
  if (event?.kind === 'agent_joined')
    return { kind: 'agent_assigned', sessionId: event.sessionId, at: event.at };
  return undefined;
}

/** When each shopper message stored in this batch was stored, by session and client message id. */
function shopperMessageTimes(envelopes: readonly Envelope<ConversationEvent>[]): Map<string, string> {
  const times = new Map<string, string>();
  for (const { event } of envelopes) {
    if (event?.kind !== 'message_stored' || event.message.role !== 'shopper') continue;
    const { sessionId, clientMessageId, createdAt } = event.message;
    if (clientMessageId) times.set(`${sessionId}#${clientMessageId}`, createdAt);
  }
  return times;
}

/** Shopper message times one consumer remembers across batches (a key and a timestamp each). */
const MAX_REMEMBERED_QUESTIONS = 10_000;

export function createConversationAnalytics(deps: ConversationAnalyticsDeps) {
  const count = deps.count ?? (() => undefined);
  const writeDeps = { sink: deps.sink, processedEvents: deps.processedEvents, logger: deps.logger, count };
  /**
   * When recent shopper messages were stored, from earlier batches: a reply usually comes in the batch
   * after its question's, and the question's time is all its fact needs, so no read. Bounded, oldest out.
   */
  const askedBefore = new Map<string, string>();
  function rememberAsked(times: ReadonlyMap<string, string>) {
    for (const [key, at] of times) {
      askedBefore.delete(key);
      if (askedBefore.size >= MAX_REMEMBERED_QUESTIONS) {
        const oldest = askedBefore.keys().next().value;
        if (oldest !== undefined) askedBefore.delete(oldest);
      }
      askedBefore.set(key, at);
    }
  }

  /**
   * Best effort: a failed raise must not cost the fact, and the agent still sees the conversation. One
   * raise per session and batch, to the highest priority its messages call for: a raise never lowers, so
   * the outcome is the same as one raise per message.
   */
  async function escalate(sessionId: string, priority: HandoffPriority) {
    if (!deps.handoffs) return;
    try {
      if ((await deps.handoffs.raiseHandoffPriority(sessionId, priority)) === 'raised')
        count('HandoffRaisedBySentiment');
    } catch (error) {
      deps.logger.warn('hand-off priority not raised', { error: errorName(error) });
    }
  }

  /** Best effort: an alert is a convenience on top of the facts, so its failure never fails a change. */
  async function detectSpikes(facts: readonly MessageFact[]) {
    const spikes = deps.keywordSpikes;
    if (!spikes) return;
    const mentions = facts
      .filter((fact) => fact.role === 'shopper' && fact.defects.length > 0)
      .map((fact) => ({
        sku: fact.sku,
        defects: fact.defects,
        intent: fact.intent,
        at: new Date(fact.occurred_at),
      }));
    if (spikes.recordAll) {
      // One counter write per key and hour for the whole batch, not one per message.
      const { outcomes, failures } = await spikes.recordAll(mentions);
      for (const outcome of outcomes) if (outcome === 'alerted') count('KeywordSpikeAlerted');
      for (const error of failures) {
        count('KeywordSpikeCheckFailed');
        deps.logger.warn('keyword spike check failed', { error: errorName(error) });
      }
      return;
    }
    for (const mention of mentions) {
      try {
        const outcomes = await spikes.record(mention);
        for (const outcome of outcomes) if (outcome === 'alerted') count('KeywordSpikeAlerted');
      } catch (error) {
        count('KeywordSpikeCheckFailed');
        deps.logger.warn('keyword spike check failed', { error: errorName(error) });
      }
    }
  }

  /** Best effort: a fact without its SKU is better than a fact retried for ever over a store read. */
  async function subjectOf(message: ConversationMessage): Promise<MessageSubject | null> {
    if (!deps.subjectOf) return null;
    try {
      return await deps.subjectOf(message);
    } catch (error) {
      count('MessageSubjectFailed');
      deps.logger.warn('message subject not read', { error: errorName(error) });
      return null;
    }
  }

  function noteRemoval(event: Extract<ConversationEvent, { kind: 'message_removed' }>) {
    // TTL expiry is retention at work, not an event; a user delete is a GDPR erasure, noted (no fact).
    if (event.cause === 'expired') count('AnalyticsMessageExpired');
    else {
      count('AnalyticsMessageErased');
      deps.logger.info('message erased', { sessionId: event.sessionId });
    }
  }

  return {
    begin(envelopes: readonly Envelope<ConversationEvent>[]): AnalyticsBatch {
      const messages: Pending<MessageFact>[] = [];
      const closed: Pending<ConversationFact>[] = [];
      const photos: Pending<PhotoFact>[] = [];
      const askedAt = shopperMessageTimes(envelopes);
      rememberAsked(askedAt);
      const escalations = new Map<string, HandoffPriority>();
      const photoRows = new Map(
        envelopes.flatMap(({ ref, eventId, event }) =>
          event?.kind === 'message_stored' &&
          event.message.role === 'assistant' &&
          event.message.photoReadings?.length
            ? [
                [
                  ref,
                  toPhotoFacts({
                    eventId,
                    sessionId: event.message.sessionId,
                    language: event.message.language ?? null,
                    readings: event.message.photoReadings,
                  }),
                ] as const,
              ]
            : [],
        ),
      );
      // Every event this batch may turn into a row, claimed together on the first ask: one call, not N.
      const claims = batchClaims(deps.processedEvents, [
        ...envelopes.flatMap(({ eventId, event }) =>
          event?.kind === 'message_stored' || event?.kind === 'contact_closed' ? [eventId] : [],
        ),
        ...[...photoRows.values()].flatMap(({ rows }) => rows.map((row) => row.eventId)),
      ]);

      /** A reply usually arrives in the same batch as its question, or the next: no read is needed then. */
      async function answeredAt(message: ConversationMessage) {
        const key = message.replyTo ? `${message.sessionId}#${message.replyTo}` : undefined;
        const known = key ? (askedAt.get(key) ?? askedBefore.get(key)) : undefined;
        return known ?? deps.answeredMessageAt(message);
      }

      async function messageStored(envelope: Envelope<ConversationEvent>, message: ConversationMessage) {
        const { eventId } = envelope;
        if (!(await claimEvent(claims, eventId, () => count('AnalyticsDuplicateSkipped')))) return;
        try {
          const isShopper = message.role === 'shopper';
          // The assistant's own reading of a lone message (e.g. "A1006 arrived broken" is a damage report,
          // not tracking), so top issues count what the shopper was answered about.
          const reading =
            isShopper && (!message.language || !message.intent) && deps.reader
              ? deps.reader(message.text, message.language)
              : undefined;
          const language = message.language ?? reading?.language ?? null;
          const input = { text: message.text, lang: language };
          const [sentiments, enriched, answeredMessageAt, subject] = await Promise.all([
            isShopper ? deps.sentiment.detect([input]) : [],
            deps.enrichment
              ? isShopper
                ? enrichTexts([input], deps.enrichment)
                : redactTexts([input], deps.enrichment)
              : [],
            message.role === 'assistant' || message.role === 'agent' ? answeredAt(message) : null,
            isShopper ? subjectOf(message) : null,
          ]);
          const [result] = sentiments;
          const priority = priorityForSentiment(result);
          if (priority)
            escalations.set(message.sessionId, higherPriority(priority, escalations.get(message.sessionId)));
          messages.push({
            ref: envelope.ref,
            eventId,
            fact: toMessageFact({
              eventId,
              message,
              sentiment: result ?? null,
              analysis: { language, intent: reading?.intent ?? null },
              answeredMessageAt,
              redactedText: enriched[0]?.redactedText,
              keyPhrases: enriched[0]?.keyPhrases,
              subject,
            }),
          });
        } catch (error) {
          await deps.processedEvents.release([eventId]);
          throw error;
        }
      }

      /** The assistant's reply to a photo: a row per photo read, each claimed on its own. */
      async function photosRead(envelope: Envelope<ConversationEvent>, message: ConversationMessage) {
        const read = photoRows.get(envelope.ref);
        if (message.role !== 'assistant' || !read) return;
        const { rows, malformed } = read;
        if (malformed > 0) count('PhotoFactMalformed');
        for (const { eventId, row } of rows)
          if (await claimEvent(claims, eventId, () => count('AnalyticsDuplicateSkipped')))
            photos.push({ ref: envelope.ref, eventId, fact: row });
      }

      async function contactClosed(envelope: Envelope<ConversationEvent>, fact: ConversationFact) {
        if (!(await claimEvent(claims, envelope.eventId, () => count('AnalyticsDuplicateSkipped')))) return;
        closed.push({ ref: envelope.ref, eventId: envelope.eventId, fact });
      }

      /**
       * Contact state follows each session in stream order: its message facts built in this batch and its
       * hand-off events. Changes are handled concurrently, so this runs after them, over the envelopes in
       * order. A session stops at its first failed change; its later message facts are held back (claims
       * released, changes failed) so the retry replays them in order.
       */
      async function trackContacts(failed: Set<string>) {
        const store = deps.contacts;
        if (!store) return;
        const factOf = new Map(messages.map((entry) => [entry.ref, entry]));
        const sessions = new Map<
          string,
          {
            events: ContactEvent[];
            applied: Pending<MessageFact>[];
            held: Pending<MessageFact>[];
            blocked: boolean;
          }
        >();
        for (const envelope of envelopes) {
          if (!envelope.sessionId) continue;
          const session = sessions.get(envelope.sessionId) ?? {
            events: [],
            applied: [],
            held: [],
            blocked: false,
          };
          sessions.set(envelope.sessionId, session);
          const entry = factOf.get(envelope.ref);
          if (session.blocked || failed.has(envelope.ref)) {
            session.blocked = true;
            if (entry) session.held.push(entry);
            continue;
          }
          const contactEvent = entry ? messageContactEvent(entry.fact) : contactEventOf(envelope.event);
          if (contactEvent) session.events.push(contactEvent);
          if (entry) session.applied.push(entry);
        }
        const heldBack: Pending<MessageFact>[] = [];
        for (const session of sessions.values()) heldBack.push(...session.held);
        const outcomes = await recordContactEventsOfSessions(
          store,
          new Map([...sessions].map(([sessionId, session]) => [sessionId, session.events])),
        );
        for (const [sessionId, outcome] of outcomes) {
          if (!(outcome instanceof Error)) continue;
          count('ContactStateFailed');
          deps.logger.warn('contact state not updated', { error: errorName(outcome) });
          heldBack.push(...(sessions.get(sessionId)?.applied ?? []));
        }
        if (heldBack.length === 0) return;
        await deps.processedEvents.release(heldBack.map((entry) => entry.eventId));
        for (const entry of heldBack) {
          messages.splice(messages.indexOf(entry), 1);
          failed.add(entry.ref);
        }
      }

      return {
        async handle(envelope) {
          const { event } = envelope;
          switch (event?.kind) {
            case 'message_stored':
              await photosRead(envelope, event.message);
              return messageStored(envelope, event.message);
            case 'contact_closed':
              return contactClosed(envelope, toConversationFact(event.contact));
            case 'message_removed':
              return noteRemoval(event);
            default:
              return;
          }
        },

        async finish(failedRefs) {
          const failed = new Set(failedRefs);
          await Promise.all([
            trackContacts(failed),
            ...[...escalations].map(([sessionId, priority]) => escalate(sessionId, priority)),
          ]);
          const [conversationsWrite, photosWrite, messagesWrite] = await Promise.all([
            writeRows(
              writeDeps,
              'conversation_facts',
              closed.map((entry) => ({ eventId: entry.eventId, row: entry.fact })),
            ),
            writeRows(
              writeDeps,
              'photo_facts',
              photos.map((entry) => ({ eventId: entry.eventId, row: entry.fact })),
            ),
            writeRows(
              writeDeps,
              'message_facts',
              messages.map((entry) => ({ eventId: entry.eventId, row: entry.fact })),
            ),
          ]);
          // One call completes every fact's claims: a redelivery of these is skipped from here.
          await completeWritten(writeDeps, [
            { fact: 'conversation_facts', written: conversationsWrite.written },
            { fact: 'photo_facts', written: photosWrite.written },
            { fact: 'message_facts', written: messagesWrite.written },
          ]);
          const conversationsFailed = new Set(conversationsWrite.failed);
          for (const entry of closed) {
            if (conversationsFailed.has(entry.eventId)) failed.add(entry.ref);
            else {
              // Counted once a fact is stored: what `afterdesk cost` divides by (functions/adapters/aws/stack-usage.ts).
              count('ConversationClosed');
              if (entry.fact.resolved_by === 'ai') count('ConversationResolvedByAi');
            }
          }
          const photosFailed = new Set(photosWrite.failed);
          for (const entry of photos) if (photosFailed.has(entry.eventId)) failed.add(entry.ref);
          const messagesFailed = new Set(messagesWrite.failed);
          // Only the facts stored and marked: a retried change would otherwise count its mentions twice.
          await detectSpikes(
            messages.filter((entry) => !messagesFailed.has(entry.eventId)).map((entry) => entry.fact),
          );
          for (const entry of messages) if (messagesFailed.has(entry.eventId)) failed.add(entry.ref);
          return [...failed];
        },
      };
    },
  };
}
