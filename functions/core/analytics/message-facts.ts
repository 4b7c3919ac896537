/**
 * Message facts from Conversations stream records: one `MessageFact` per stored message item, keyed by the
 * stream record's eventID so a redelivered record can be recognised. Pure: the caller supplies the
 * sentiment, the language and intent analysis, and the time of the shopper message a reply answers.
 *
 * The raw text never reaches the fact: it goes through `redactPii` first, and key phrases and defects are
 * read from the redacted text.
 */

import type { StoredMessage } from '../../ports/repositories';
import type { SentimentResult } from '../sentiment/types';
import { defectsIn } from './defects';
import { FACT_SCHEMA_VERSION, type FactRole, type MessageFact, partitionDay } from './facts';
import { redactPii } from './pii';

/** The attributes of a Conversations message item (`pk SESSION#<id>`, `sk MSG#<seq>`, type 'message'). */
/** A Conversations message item as the stream carries it: the stored message, plus optional origin data. */
export type MessageItem = StoredMessage & { channel?: string; sku?: string };

const ROLES: ReadonlySet<string> = new Set(['shopper', 'assistant', 'agent', 'system']);

export class MalformedMessageError extends TypeError {}

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MalformedMessageError(`message item: ${name} is not a string`);
  return value;
};

/** Is this stream image a message item at all (as opposed to META, CMID#, markers, …)? */
export function isMessageImage(image: Record<string, unknown> | undefined): boolean {
  return image?.type === 'message';
}

/** Checks a message item's attributes; throws MalformedMessageError naming the first bad one. */
export function parseMessageItem(image: Record<string, unknown>): MessageItem {
  const { sessionId, seq, role, text, createdAt } = image;
  if (typeof sessionId !== 'string' || sessionId === '')
    throw new MalformedMessageError('message item: sessionId missing');
  if (typeof seq !== 'number' || !Number.isInteger(seq))
    throw new MalformedMessageError('message item: seq missing');
  if (typeof role !== 'string' || !ROLES.has(role)) throw new MalformedMessageError('message item: bad role');
  if (typeof text !== 'string') throw new MalformedMessageError('message item: text missing');
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)))
    throw new MalformedMessageError('message item: createdAt is not a timestamp');
  return {
    sessionId,
    seq,
    role: role as FactRole,
    text,
    createdAt,
    clientMessageId: optionalString(image.clientMessageId, 'clientMessageId'),
    replyTo: optionalString(image.replyTo, 'replyTo'),
    language: optionalString(image.language, 'language'),
    intent: optionalString(image.intent, 'intent'),
    channel: optionalString(image.channel, 'channel'),
    sku: optionalString(image.sku, 'sku'),
  };
}

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

// Function words of the desk's Latin-script languages; key phrases are what is left, longest first.
const STOPWORDS = new Set(
  `the and for with this that have from your you are was were not but can how what when where which will
  would could should there their they them then than just about into been also very still order want need
  please thanks thank hello dear help know like make does dont cant
  para con una por que como cuando donde esta este pero mas muy quiero tengo pedido gracias hola
  pour avec dans une les des est pas mais comment quand vous nous ma mon commande merci bonjour
  und der die das mit ist nicht aber wie wann meine mein ich bestellung danke hallo eine einen
  per con una che come quando dove sono non mio mia ordine grazie ciao
  com uma por que como quando onde meu minha pedido obrigado obrigada
  een het van met niet maar hoe wanneer waar mijn bestelling bedankt
  jest nie jak kiedy gdzie moje moja zamowienie dziekuje
  bir ve ile ama nasil nerede siparis tesekkurler
  yang dan dengan tidak untuk saya ini itu sudah belum pesanan terima kasih
  cua toi khong duoc nhung don hang cam`
    .split(/\s+/)
    .filter(Boolean),
);

const PLACEHOLDER = /\[(?:EMAIL|PHONE|CARD|IBAN)\]/g;

/**
 * A modest key-phrase list: the defect ids the message mentions, then up to five content words of Latin,
 * Cyrillic or Arabic script (four letters or more, not a function word), in order of appearance. Scripts
 * without spaces contribute their defect ids only.
 */
export function keyPhrases(redactedText: string, defects: readonly string[]): string[] {
  const phrases: string[] = [...defects];
  const folded = redactedText
    .replace(PLACEHOLDER, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  const tokens = folded.match(/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}]{4,}/gu) ?? [];
  let added = 0;
  for (const token of tokens) {
    if (added >= 5) break;
    if (STOPWORDS.has(token) || phrases.includes(token)) continue;
    phrases.push(token);
    added++;
  }
  return phrases;
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
}

export function toMessageFact(input: MessageFactInput): MessageFact {
  const { message, sentiment } = input;
  const redacted = redactPii(message.text).text;
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
    key_phrases: keyPhrases(redacted, defects),
    defects,
    redacted_text: redacted,
    role: message.role,
    response_time_ms: responseTimeMs,
    sku: message.sku ?? null,
  };
}
