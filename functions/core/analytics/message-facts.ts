/**
 * Message facts from Conversations stream records: one `MessageFact` per stored message item, keyed by the
 * stream record's eventID so a redelivered record can be recognised. Pure: the caller supplies the
 * sentiment, the language and intent analysis, and the time of the shopper message a reply answers.
 *
 * The raw text never reaches the fact: the caller passes the text its PII redaction produced (pattern
 * redaction, then Comprehend in the cloud), or `redactPii` runs here; key phrases and defects are read
 * from the redacted text.
 */

import type { ConversationMessage } from '../events/conversation-events';
import type { SentimentResult } from '../sentiment/types';
import { defectsIn } from './defects';
import { FACT_SCHEMA_VERSION, type MessageFact, partitionDay } from './facts';
import { keyPhrases, withDefects } from './key-phrases';
import { redactPii } from './pii';

/** A stored message as the conversation events carry it. */
export type MessageItem = ConversationMessage;

const COMPLAINT_INTENTS: Readonly<Record<string, string>> = {
  damaged_item: 'quality',
  wrong_item: 'quality',
  delivery_problem: 'delivery',
  payment_issue: 'price',
  complaint: 'service',
};

/** For complaints: what the complaint is about. Defect words make any complaint a quality one. */
export function complaintCategory(intent: string | null, defects: readonly string[]): string | null {
  if (!intent) return null;
  const category = COMPLAINT_INTENTS[intent];
  if (!category) return null;
  return defects.length > 0 ? 'quality' : category;
}

export interface MessageFactInput {
  /** The stream record's eventID: the fact's identity for de-duplication. */
  eventId: string;
  message: MessageItem;
  /** Sentiment of the message text (shopper messages); null when not analysed. */
  sentiment?: SentimentResult | null;
  /** Language and intent read from the text, used when the item does not carry them. */
  analysis?: { language?: string | null; intent?: string | null };
  /** For replies: when the shopper message they answer was stored. */
  answeredMessageAt?: string | null;
  /** Storefront surface when the item does not say; default `chat`. */
  defaultChannel?: string;
  /** The text after PII redaction, when the caller ran it; default `redactPii(message.text)`. */
  redactedText?: string;
  /** Key phrases read from `redactedText` by the caller; default the word list. Defect ids go first. */
  keyPhrases?: readonly string[];
  /** What the message is about, read by the caller (message-subject.ts); the item's own `sku` wins. */
  subject?: { orderId: string | null; sku: string | null } | null;
}

export function toMessageFact(input: MessageFactInput): MessageFact {
  const { message, sentiment } = input;
  const redacted = input.redactedText ?? redactPii(message.text).text;
  const defects = defectsIn(redacted);
  const intent = message.intent ?? input.analysis?.intent ?? null;
  let responseTimeMs: number | null = null;
  if ((message.role === 'assistant' || message.role === 'agent') && input.answeredMessageAt) {
    const elapsed = Date.parse(message.createdAt) - Date.parse(input.answeredMessageAt);
    if (Number.isFinite(elapsed) && elapsed >= 0) responseTimeMs = elapsed;
  }
  return {
    event_id: input.eventId,
    schema_version: FACT_SCHEMA_VERSION,
    occurred_at: new Date(Date.parse(message.createdAt)).toISOString(),
    dt: partitionDay(message.createdAt),
    conversation_id: message.sessionId,
    channel: message.channel ?? input.defaultChannel ?? 'chat',
    language: message.language ?? input.analysis?.language ?? null,
    intent,
    complaint_category: message.role === 'shopper' ? complaintCategory(intent, defects) : null,
    sentiment: sentiment?.label ?? null,
    sentiment_positive: sentiment?.scores.positive ?? null,
    sentiment_negative: sentiment?.scores.negative ?? null,
    sentiment_neutral: sentiment?.scores.neutral ?? null,
    sentiment_mixed: sentiment?.scores.mixed ?? null,
    sentiment_urgency: sentiment ? (sentiment.urgency ?? null) : null,
    key_phrases: input.keyPhrases ? withDefects(defects, input.keyPhrases) : keyPhrases(redacted, defects),
    defects,
    redacted_text: redacted,
    role: message.role,
    response_time_ms: responseTimeMs,
    sku: message.sku ?? input.subject?.sku ?? null,
    order_id: input.subject?.orderId ?? null,
  };
}
