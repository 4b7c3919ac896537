import { defectsIn } from '../analytics/defects';
import { conceptRoles } from '../knowledge/tokenise';
import { readYesNo } from '../nlu/answers';
import { isThanksOrGoodbye } from '../nlu/closings';
import type { IntentId } from '../nlu/intent-ids';
import { classifyIntent } from '../nlu/intents';
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
/**
 * A message shorter than a sentence keeps the conversation's language unless its own reading is this sure:
 * "no", "ok", "Foto" or "Hallo" are words in several languages, and the session is the better prior.
 */
const SWITCH_LANGUAGE = 0.9;

const DEFAULT_LANGUAGE: SupportedLanguage = 'en';
/** Below this, the intent is a guess: the shopper gets a person rather than a wrong answer. */
export const CONFIDENT_INTENT = 0.5;
/** A reply that short, after an order question, most likely answers it ("A1002", "the second one"). */
const SLOT_ANSWER_MAX_WORDS = 5;
/** A short message classified with more confidence than this asks something new rather than answering. */
const SLOT_ANSWER_MAX_CONFIDENCE = 0.7;
/** How far back a short answer may look for the question it answers. */
const CONTEXT_TURNS = 3;
/**
 * Intents that ask the store something: after an order question, a message read confidently as one of
 * these starts a new topic ("how long is the warranty?" after a return) instead of answering.
 */
const QUESTION_INTENTS: ReadonlySet<IntentId> = new Set([
  'product_question',
  'policy_question',
  'size_advice',
  'track_order',
  'account',
  'human_agent',
  'video_call',
]);
/**
 * Intents a defect word overrides: "the jacket arrived torn" is a damage report whatever a tracking,
 * refund or "the bag I received" word made the classifier think. Questions about a defect ("does it break
 * easily?") stay questions, and small talk stays small talk: folded keywords collide with greetings
 * (Vietnamese "bạn" folds like "bẩn", dirty).
 */
const DEFECT_OVERRIDES: ReadonlySet<IntentId> = new Set([
  // A defect word also settles a damage reading the classifier was unsure of.
  'damaged_item',
  'track_order',
  'refund_status',
  'delivery_problem',
  'product_question',
  'wrong_item',
  'other',
]);
const QUESTION_MARK = /[?？؟]/u;
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
  /** What the turn asks, courtesy aside; for a "yes" to an offered second request, that request's words. */
  request: string;
  /** A second request in the message, to be offered once the first is answered. */
  followUp?: { intent: IntentId; text: string };
}

export function resolveTurn(
  latestText: string,
  earlierTexts: readonly string[],
  languageHint?: string,
): ResolvedTurn {
  // The conversation's language is the prior for this message's, ahead of the client's locale.
  const session = sessionLanguage(earlierTexts, languageHint);
  const analysis = analyse(latestText, { languageHint: session ?? languageHint });
  const lang = chooseLanguage(analysis, earlierTexts, languageHint, words(latestText).length, session);
  const base = { analysis, lang, request: analysis.request };
  const orderId = analysis.entities.orderIds[0]?.orderId;
  const withOrder = orderId ? { orderId } : {};
  const offered = offeredRequest(latestText, earlierTexts, languageHint);
  if (offered) {
    const reading = analyse(offered.text, { languageHint: lang });
    const offeredOrder = reading.entities.orderIds[0]?.orderId;
    return {
      ...base,
      intent: offered.intent,
      confident: true,
      request: offered.text,
      ...(offeredOrder ? { orderId: offeredOrder } : {}),
    };
  }
  const followUp = analysis.followUp ? { followUp: analysis.followUp } : {};
  const short = residualWords(latestText, analysis) <= SLOT_ANSWER_MAX_WORDS;
  const topic = previousTopic(earlierTexts, languageHint);
  const answersOrderQuestion =
    short &&
    topic !== undefined &&
    ORDER_TOPICS.has(topic) &&
    isSlotAnswer(analysis) &&
    !startsNewTopic(analysis, topic);
  if (answersOrderQuestion) {
    return {
      ...base,
      intent: topic,
      confident: true,
      orderId: orderId ?? bareOrderId(latestText),
    };
  }
  // "180 cm, 75 kg" after "which size?" answers the size question, whatever the classifier makes of it.
  const mayAnswer =
    analysis.intent === 'size_advice' || analysis.intentConfidence < SLOT_ANSWER_MAX_CONFIDENCE;
  if (topic === 'size_advice' && mayAnswer && hasMeasurements(latestText)) {
    return { ...base, intent: 'size_advice', confident: true, ...withOrder };
  }
  // "A1006 arrived broken", "the jacket came torn": a defect word says what happened.
  if (reportsDefect(analysis)) {
    return { ...base, intent: 'damaged_item', confident: true, ...withOrder, ...followUp };
  }
  // A photo caption after a damage report ("Foto del daño", "I'm sending you a picture") carries on the
  // report, whatever the verb next to the picture made the classifier think; it asks for no call.
  if (
    topic &&
    GOODS_TOPICS.has(topic) &&
    short &&
    (analysis.intent === 'video_call' || mentionsPhoto(latestText)) &&
    !mentionsCall(latestText)
  ) {
    return { ...base, intent: topic, confident: true, ...withOrder };
  }
  if (orderId && short && analysis.intentConfidence < CONFIDENT_INTENT) {
    return { ...base, intent: 'track_order', confident: true, orderId };
  }
  return {
    ...base,
    intent: analysis.intent,
    confident: analysis.intentConfidence >= CONFIDENT_INTENT,
    ...withOrder,
    ...followUp,
  };
}

const GOODS_TOPICS: ReadonlySet<IntentId> = new Set(['damaged_item', 'wrong_item']);
/** Call and video words in the 17 languages: without one, a message about a picture is not a call request. */
const CALL_WORDS =
  /video|vídeo|vidéo|wideo|видео|فيديو|call|llamada|appel|anruf|chiamata|chamada|bellen|połącz|звон|اتصال|arama|panggilan|gọi|โทร|วิดีโอ|视频|通话|ビデオ|通話|電話|영상|통화|카메라|camera|cámara|caméra|kamera|câmera|камер|كاميرا/iu;

/** Photo and picture words in the 17 languages. */
const PHOTO_WORDS =
  /photo|picture|pic\b|pics\b|image|screenshot|foto|fotka|zdję|zdjec|bild|beeld|afbeelding|imagen|immagine|imagem|фото|снимок|картин|fotoğraf|resim|görsel|صور|照片|图片|圖片|相片|写真|画像|사진|이미지|ảnh|hình|รูป|ภาพ|gambar/iu;

function mentionsPhoto(text: string): boolean {
  return PHOTO_WORDS.test(text.normalize('NFKC'));
}

function mentionsCall(text: string): boolean {
  return CALL_WORDS.test(text.normalize('NFKC'));
}

function reportsDefect(analysis: Analysis): boolean {
  // Small talk gives way too unless it thanks or says goodbye ("terima", received, is half of "terima kasih").
  const reportAsSmalltalk = analysis.intent === 'smalltalk' && !isThanksOrGoodbye(analysis.request);
  if (!DEFECT_OVERRIDES.has(analysis.intent) && !reportAsSmalltalk) return false;
  if (defectsIn(analysis.request).length === 0) return false;
  // "Is the lamp fragile?" names a defect but asks about the product; a tracking question with an
  // order number and a defect ("A1006 arrived broken") is still a report. A long message may tell the
  // defect in a statement and end with "Can you help?": the statement is the report.
  if (analysis.intent === 'track_order') return true;
  return analysis.request
    .split(SENTENCE_BREAK)
    .some((sentence) => !QUESTION_MARK.test(sentence) && defectsIn(sentence).length > 0);
}

const SENTENCE_BREAK = /(?<=[.!?。！？؟])\s*/u;

/**
 * The second request of the previous message, when this one only says yes to the offer of it
 * ("Where is my order? Can I also return it?" … "yes").
 */
function offeredRequest(
  latestText: string,
  earlierTexts: readonly string[],
  languageHint?: string,
): { intent: IntentId; text: string } | undefined {
  const previous = earlierTexts[0];
  if (!previous || readYesNo(latestText) !== 'yes') return undefined;
  const offered = analyse(previous, { languageHint }).followUp;
  if (!offered || !STORE_QUESTIONS.has(offered.intent)) return offered;
  // "Can I return it?" offered and taken up with a yes asks for the return, not the rule about returns.
  const action = classifyIntent(offered.text).ranked.find(
    (candidate) =>
      ORDER_AFTER_SALES_INTENTS.has(candidate.label) && candidate.probability >= OFFERED_ACTION_SHARE,
  );
  return action ? { intent: action.label, text: offered.text } : offered;
}

const STORE_QUESTIONS: ReadonlySet<IntentId> = new Set(['policy_question', 'product_question']);
/** How likely the action reading of an offered question must be for a yes to take it up as the action. */
const OFFERED_ACTION_SHARE = 0.1;

/** The language of the newest earlier message read with confidence: the prior for a new message. */
export function sessionLanguage(
  earlierTexts: readonly string[],
  languageHint?: string,
): SupportedLanguage | undefined {
  for (const text of earlierTexts.slice(0, CONTEXT_TURNS)) {
    const earlier = detectLanguage(text, { hint: languageHint });
    if (earlier.confidence >= CONFIDENT_LANGUAGE) return earlier.lang;
  }
  return undefined;
}

export function chooseLanguage(
  analysis: Analysis,
  earlierTexts: readonly string[],
  languageHint?: string,
  wordCount = 0,
  session: SupportedLanguage | undefined = sessionLanguage(earlierTexts, languageHint),
): SupportedLanguage {
  const sentence = wordCount >= SENTENCE_WORDS;
  if (session && analysis.lang !== session && !sentence && analysis.langConfidence < SWITCH_LANGUAGE)
    return session;
  if (analysis.langConfidence >= CONFIDENT_LANGUAGE) return analysis.lang;
  if (session) return session;
  const hinted = supportedLanguageOf(languageHint);
  if (hinted) return hinted;
  const guessable = sentence ? GUESSABLE_SENTENCE : GUESSABLE_LANGUAGE;
  return analysis.langConfidence >= guessable ? analysis.lang : DEFAULT_LANGUAGE;
}

/** The intent of the last shopper message that asked something, skipping short answers to questions. */
function previousTopic(earlierTexts: readonly string[], languageHint?: string): IntentId | undefined {
  for (const text of earlierTexts.slice(0, CONTEXT_TURNS)) {
    const earlier = analyse(text, { languageHint });
    const isAnswer = residualWords(text, earlier) <= SLOT_ANSWER_MAX_WORDS && isSlotAnswer(earlier);
    // The topic is what the turn was answered as: a report with a defect word was a damage report.
    if (reportsDefect(earlier)) return 'damaged_item';
    if (!isAnswer || earlier.intentConfidence >= CONFIDENT_INTENT) return earlier.intent;
  }
  return undefined;
}

/**
 * "When do I get my money for A1006?" right after a return names an order like a slot answer, but the
 * classifier is sure it asks something else about that order; "how long is the warranty?" names no slot
 * at all and asks the store a new question.
 */
function startsNewTopic(analysis: Analysis, topic: IntentId): boolean {
  if (analysis.intent === topic || namesOnlyAnItem(analysis)) return false;
  if (ORDER_AFTER_SALES_INTENTS.has(analysis.intent))
    return analysis.intentConfidence > SLOT_ANSWER_MAX_CONFIDENCE;
  const namesSlot = analysis.entities.orderIds.length > 0 || analysis.entities.ordinal !== undefined;
  return !namesSlot && QUESTION_INTENTS.has(analysis.intent) && analysis.intentConfidence >= CONFIDENT_INTENT;
}

function isSlotAnswer(analysis: Analysis): boolean {
  if (analysis.entities.orderIds.length > 0 || analysis.entities.ordinal !== undefined) return true;
  if (namesOnlyAnItem(analysis)) return true;
  // "the shoes", "12345", "la roja": nothing the classifier is sure about and nothing that stands alone.
  return analysis.intentConfidence < SLOT_ANSWER_MAX_CONFIDENCE && !SELF_CONTAINED.has(analysis.intent);
}

/**
 * "The lamp", "la lampe", "台灯": a product named and nothing asked about it answers "which order?", however
 * sure the classifier is that a product word makes a product question.
 */
function namesOnlyAnItem(analysis: Analysis): boolean {
  if (QUESTION_MARK.test(analysis.request)) return false;
  const named = conceptRoles(analysis.request);
  return named.subjects.length > 0 && named.others.length === 0;
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
