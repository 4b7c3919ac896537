import { defectsIn } from '../analytics/defects';
import type { IntentId } from '../nlu/intent-ids';
import { detectLanguage } from '../nlu/language';
import { type SupportedLanguage, supportedLanguageOf } from '../nlu/languages';
import { isUnspacedWord, words } from '../nlu/text';
import { readBodyMeasurements } from '../sizing/measurements';
import { type Analysis, analyse } from './analyse';

/** Below this, a detected language yields to the conversation's language, then to the client's hint. */
export const CONFIDENT_LANGUAGE = 0.6;
/** Below this, with no hint and no earlier message to go by, English is a safer answer than the guess. */
const GUESSABLE_LANGUAGE = 0.5;
/**
 * A sentence of this many words is rarely ambiguous even when the detector spreads its confidence over
 * neighbouring languages (es/pt, de/nl), so its best guess beats English; "ok" or "lol" never get here.
 */
const SENTENCE_WORDS = 5;
const GUESSABLE_SENTENCE = 0.15;
const DEFAULT_LANGUAGE: SupportedLanguage = 'en';
/** Below this, the intent is a guess: the shopper gets a person rather than a wrong answer. */
export const CONFIDENT_INTENT = 0.5;
/** A reply that short, after an order question, most likely answers it ("A1002", "the second one"). */
const SLOT_ANSWER_MAX_WORDS = 5;
/** A short message classified with more confidence than this asks something new rather than answering. */
const SLOT_ANSWER_MAX_CONFIDENCE = 0.7;
/** How far back a short answer may look for the question it answers. */
const CONTEXT_TURNS = 3;
/** Intents a short message can carry on its own, so they never count as an answer to a pending question. */
const SELF_CONTAINED: ReadonlySet<IntentId> = new Set(['smalltalk', 'human_agent', 'video_call']);
/** After-sales intents that are about one order and cannot go on without its number. */
export const ORDER_AFTER_SALES_INTENTS: ReadonlySet<IntentId> = new Set([
  'return_request',
  'exchange_request',
  'refund_status',
  'cancel_order',
  'change_order',
  'damaged_item',
  'wrong_item',
  'delivery_problem',
]);
/** Topics that ask for an order number, so a short reply after them carries on the same topic. */
const ORDER_TOPICS: ReadonlySet<IntentId> = new Set(['track_order', ...ORDER_AFTER_SALES_INTENTS]);
const ORDER_ID_SHAPE = /^#?([A-Za-z0-9][A-Za-z0-9-]{1,38}[A-Za-z0-9])$/;

export interface ResolvedTurn {
  analysis: Analysis;
  lang: SupportedLanguage;
  intent: IntentId;
  /** Whether the intent was read with confidence; unsure turns go to a person. */
  confident: boolean;
  orderId?: string;
}

export function resolveTurn(
  latestText: string,
  earlierTexts: readonly string[],
  languageHint?: string,
): ResolvedTurn {
  const analysis = analyse(latestText, { languageHint });
  const lang = chooseLanguage(analysis, earlierTexts, languageHint, words(latestText).length);
  const orderId = analysis.entities.orderIds[0]?.orderId;
  const short = residualWords(latestText, analysis) <= SLOT_ANSWER_MAX_WORDS;
  const topic = previousTopic(earlierTexts, languageHint);
  const answersOrderQuestion =
    short &&
    topic !== undefined &&
    ORDER_TOPICS.has(topic) &&
    isSlotAnswer(analysis) &&
    !asksAnotherOrderQuestion(analysis, topic);
  if (answersOrderQuestion) {
    return {
      analysis,
      lang,
      intent: topic,
      confident: true,
      orderId: orderId ?? bareOrderId(latestText),
    };
  }
  // "180 cm, 75 kg" after "which size?" answers the size question, whatever the classifier makes of it.
  const mayAnswer =
    analysis.intent === 'size_advice' || analysis.intentConfidence < SLOT_ANSWER_MAX_CONFIDENCE;
  if (topic === 'size_advice' && mayAnswer && hasMeasurements(latestText)) {
    return { analysis, lang, intent: 'size_advice', confident: true, ...(orderId ? { orderId } : {}) };
  }
  // "A1006 arrived broken" names an order like a tracking question, but a defect word says what happened.
  if (analysis.intent === 'track_order' && defectsIn(latestText).length > 0) {
    return { analysis, lang, intent: 'damaged_item', confident: true, ...(orderId ? { orderId } : {}) };
  }
  if (orderId && short && analysis.intentConfidence < CONFIDENT_INTENT) {
    return { analysis, lang, intent: 'track_order', confident: true, orderId };
  }
  return {
    analysis,
    lang,
    intent: analysis.intent,
    confident: analysis.intentConfidence >= CONFIDENT_INTENT,
    ...(orderId ? { orderId } : {}),
  };
}

export function chooseLanguage(
  analysis: Analysis,
  earlierTexts: readonly string[],
  languageHint?: string,
  wordCount = 0,
): SupportedLanguage {
  if (analysis.langConfidence >= CONFIDENT_LANGUAGE) return analysis.lang;
  for (const text of earlierTexts.slice(0, CONTEXT_TURNS)) {
    const earlier = detectLanguage(text, { hint: languageHint });
    if (earlier.confidence >= CONFIDENT_LANGUAGE) return earlier.lang;
  }
  const hinted = supportedLanguageOf(languageHint);
  if (hinted) return hinted;
  const guessable = wordCount >= SENTENCE_WORDS ? GUESSABLE_SENTENCE : GUESSABLE_LANGUAGE;
  return analysis.langConfidence >= guessable ? analysis.lang : DEFAULT_LANGUAGE;
}

/** The intent of the last shopper message that asked something, skipping short answers to questions. */
function previousTopic(earlierTexts: readonly string[], languageHint?: string): IntentId | undefined {
  for (const text of earlierTexts.slice(0, CONTEXT_TURNS)) {
    const earlier = analyse(text, { languageHint });
    const isAnswer = residualWords(text, earlier) <= SLOT_ANSWER_MAX_WORDS && isSlotAnswer(earlier);
    if (!isAnswer || earlier.intentConfidence >= CONFIDENT_INTENT) return earlier.intent;
  }
  return undefined;
}

/**
 * "When do I get my money for A1006?" right after a return names an order like a slot answer, but the
 * classifier is sure it asks something else about that order.
 */
function asksAnotherOrderQuestion(analysis: Analysis, topic: IntentId): boolean {
  return (
    analysis.intent !== topic &&
    ORDER_AFTER_SALES_INTENTS.has(analysis.intent) &&
    analysis.intentConfidence > SLOT_ANSWER_MAX_CONFIDENCE
  );
}

function isSlotAnswer(analysis: Analysis): boolean {
  if (analysis.entities.orderIds.length > 0 || analysis.entities.ordinal !== undefined) return true;
  // "the shoes", "12345", "la roja": nothing the classifier is sure about and nothing that stands alone.
  return analysis.intentConfidence < SLOT_ANSWER_MAX_CONFIDENCE && !SELF_CONTAINED.has(analysis.intent);
}

/** Words left once entities are removed; a Han, Kana, Hangul or Thai run counts one word per 3 characters. */
function residualWords(text: string, analysis: Analysis): number {
  const source = text.normalize('NFKC');
  const spans = [...analysis.entities.orderIds, ...analysis.entities.emails, ...analysis.entities.sizes].sort(
    (a, b) => a.start - b.start,
  );
  let rest = '';
  let cursor = 0;
  for (const span of spans) {
    rest += `${source.slice(cursor, span.start)} `;
    cursor = Math.max(cursor, span.end);
  }
  rest += source.slice(cursor);
  return words(rest).reduce(
    (count, word) => count + (isUnspacedWord(word) ? Math.ceil(word.length / 3) : 1),
    0,
  );
}

/** After "what is your order number?", a lone number is the order number even without the word "order". */
function bareOrderId(text: string): string | undefined {
  const candidates = text
    .normalize('NFKC')
    .split(/[\s,.;:!?¿¡。、，！？]+/u)
    .map((token) => ORDER_ID_SHAPE.exec(token)?.[1])
    .filter((token): token is string => token !== undefined && (token.match(/\d/g)?.length ?? 0) >= 3);
  return candidates.length === 1 ? candidates[0]?.toUpperCase() : undefined;
}

function hasMeasurements(text: string): boolean {
  const read = readBodyMeasurements(text);
  return Object.keys(read.body).length > 0 || read.rejected.length > 0;
}
