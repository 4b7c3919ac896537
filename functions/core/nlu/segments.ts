import { isThanksOrGoodbye } from './closings';
import type { IntentId } from './intent-ids';
import { classifyIntent, type IntentClassification } from './intents';
import { isUnspacedWord, words } from './text';

/**
 * Shoppers wrap requests in courtesy ("Hello, where is my order? Thanks") and sometimes ask two things at
 * once. Read whole, the greeting's words can outweigh a short request, and only one intent comes out. This
 * splits a message into sentences, peels greetings, thanks and pleasantries off their edges, and reads each
 * remaining sentence on its own, so the request is answered and a second one can be offered.
 */

/** A clause the classifier calls small talk with at least this confidence is courtesy, not content. */
const COURTESY_CONFIDENCE = 0.5;
/** Longer than this, a clause says more than a greeting even when it mentions thanks. */
const COURTESY_MAX_WORDS = 6;
/** Greetings written without a comma ("Hi there where is my order") are at most this many words. */
const GREETING_PREFIX_WORDS = 3;
/** What is left of a sentence of thanks must be this sure to be a request of its own. */
const THANKS_REST_CONFIDENCE = 0.9;
/** Another sentence must be at least this sure of its own intent to count as a second request. */
const SECOND_REQUEST_CONFIDENCE = 0.8;

// A full stop only ends a sentence before a space or the end, and not after a short abbreviation, so
// "A1007.", "3.5", "26 cm." and "ซม." stay inside their sentence. "¿" and "¡" open the next one.
const SENTENCE_END = /(?<=[!?;。！？؟])|(?=[¡¿])|(?<=[^\s.]{4,}\.)(?=\s|$)|\n+/u;
const CLAUSE_END = /(?<=[,，、،])/u;
const EDGE_PUNCTUATION = /^[\s,，、،.!?;:¡¿。！？؟~-]+|[\s,，、،.!?;:¡¿。！？؟~-]+$/gu;

export interface RequestPart {
  text: string;
  reading: IntentClassification;
}

export interface MessageParts {
  /** The message without its courtesy: what the shopper asks. Equal to the message when nothing was peeled. */
  request: string;
  /** Whether greetings, thanks or pleasantries were peeled off around a request. */
  courtesyRemoved: boolean;
  /** The intent of the whole request, courtesy aside. */
  main: IntentClassification;
  /** The sentences that ask something, in order; empty when the message is only courtesy. */
  requests: RequestPart[];
  /** A later sentence asking something else than the first: answered next, after being offered. */
  followUp?: RequestPart;
}

const trimEdges = (text: string) => text.replace(EDGE_PUNCTUATION, '');

/** Words, counting a Han, Kana, Hangul or Thai run as one word per 3 characters. */
function wordCount(text: string): number {
  return words(text).reduce(
    (count, word) => count + (isUnspacedWord(word) ? Math.ceil(word.length / 3) : 1),
    0,
  );
}

export function isCourtesy(clause: string): boolean {
  const text = trimEdges(clause);
  if (!text) return true;
  if (wordCount(text) > COURTESY_MAX_WORDS) return false;
  const reading = classifyIntent(text);
  if (reading.intent === 'smalltalk' && reading.confidence >= COURTESY_CONFIDENCE) return true;
  return isThanksOrGoodbye(text) && reading.intent === 'smalltalk';
}

/**
 * Drops courtesy clauses from the start and end of one sentence; what is left is its content. When the
 * sentence as a whole reads as small talk, what is left must read as a request, so "Thank you so much for
 * the help" or "Hello, is anyone there?" are not cut into a fragment that the classifier misreads.
 */
function peelSentence(sentence: string): string {
  const clauses = sentence.split(CLAUSE_END);
  while (clauses.length > 1 && isCourtesy(clauses[0] ?? '')) clauses.shift();
  while (clauses.length > 1 && isCourtesy(clauses.at(-1) ?? '')) clauses.pop();
  const rest = peelGreetingWords(trimEdges(clauses.join('')));
  if (rest === sentence) return sentence;
  const whole = classifyIntent(sentence);
  if (whole.intent !== 'smalltalk') return rest;
  const reading = classifyIntent(rest);
  const asks = reading.intent !== 'smalltalk' && reading.intent !== 'other';
  // "Thank you so much for the help" leaves "for the help": a thank-you needs a clear request behind it.
  const needed = isThanksOrGoodbye(sentence) ? THANKS_REST_CONFIDENCE : COURTESY_CONFIDENCE;
  return asks && reading.confidence >= needed ? rest : sentence;
}

/** "Hi there where is my order", "สวัสดีครับ ออเดอร์ของผมอยู่ที่ไหน": a greeting set off only by a space. */
function peelGreetingWords(sentence: string): string {
  // Only when the greeting hides the request: a sentence already read with confidence keeps its words.
  const whole = classifyIntent(sentence);
  if (whole.intent !== 'smalltalk' && whole.confidence >= COURTESY_CONFIDENCE) return sentence;
  const tokens = sentence.split(/(\s+)/u);
  const wordIndexes = tokens.flatMap((token, index) => (/\S/u.test(token) ? [index] : []));
  for (let count = Math.min(GREETING_PREFIX_WORDS, wordIndexes.length - 1); count >= 1; count--) {
    const cut = (wordIndexes[count - 1] ?? 0) + 1;
    const prefix = tokens.slice(0, cut).join('');
    const rest = trimEdges(tokens.slice(cut).join(''));
    // A request says at least two words: "Hello there" is a greeting, not "there".
    if (wordCount(rest) < 2 || !isCourtesy(prefix)) continue;
    const reading = classifyIntent(rest);
    const asks = reading.intent !== 'smalltalk' && reading.intent !== 'other';
    if (asks && reading.confidence >= COURTESY_CONFIDENCE) return rest;
  }
  return sentence;
}

export function messageParts(text: string): MessageParts {
  const sentences = text
    .normalize('NFKC')
    .split(SENTENCE_END)
    .map(trimEdges)
    .filter((sentence) => sentence.length > 0);
  let courtesyRemoved = false;
  const requests: RequestPart[] = [];
  for (const sentence of sentences) {
    const peeled = peelSentence(sentence);
    const content = isCourtesy(peeled) ? '' : peeled;
    if (content !== sentence) courtesyRemoved = true;
    if (content) requests.push({ text: content, reading: classifyIntent(content) });
  }
  const first = requests[0];
  const request = first ? requests.map((part) => part.text).join(' ') : trimEdges(text.normalize('NFKC'));
  const followUp =
    first && isRequest(first) ? requests.slice(1).find((part) => asksSomethingElse(part, first)) : undefined;
  // Two requests: the first is answered on its own. Otherwise the whole request is read at once, so a
  // sentence of context ("I wrote three emails.") informs the request instead of competing with it.
  const main = followUp && first ? first.reading : classifyIntent(courtesyRemoved && first ? request : text);
  return {
    request,
    courtesyRemoved: courtesyRemoved && first !== undefined,
    main,
    requests,
    ...(followUp ? { followUp } : {}),
  };
}

/**
 * Intents close enough that two sentences reading as both are one request told in two steps ("The courier
 * was rude. I want to complain", "Can I swap the lamp? I'd rather exchange than refund").
 */
const FAMILIES: ReadonlyArray<ReadonlySet<IntentId>> = [
  new Set(['track_order', 'delivery_problem', 'complaint']),
  new Set(['return_request', 'exchange_request', 'refund_status']),
  new Set(['cancel_order', 'change_order']),
  new Set(['damaged_item', 'wrong_item']),
  new Set(['product_question', 'policy_question', 'size_advice']),
  new Set(['payment_issue', 'account', 'human_agent', 'video_call']),
];
const familyOf = (intent: IntentId) => FAMILIES.findIndex((family) => family.has(intent));

function isRequest(part: RequestPart): boolean {
  const { intent, confidence } = part.reading;
  return intent !== 'smalltalk' && intent !== 'other' && confidence >= SECOND_REQUEST_CONFIDENCE;
}

function asksSomethingElse(part: RequestPart, first: RequestPart): boolean {
  return isRequest(part) && familyOf(part.reading.intent) !== familyOf(first.reading.intent);
}
