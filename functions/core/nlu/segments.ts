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
/** A thank-you runs longer ("thank you so much for checking this for me") and is still only courtesy. */
const THANKS_MAX_WORDS = 10;
/** Courtesy spans at most this many clauses ("спасибо, что посмотрите" is two). */
const COURTESY_MAX_CLAUSES = 3;
/** Greetings written without a comma ("Hi there where is my order") are at most this many words. */
const GREETING_PREFIX_WORDS = 3;
/** What is left of a sentence of thanks must be this sure to be a request of its own. */
const THANKS_REST_CONFIDENCE = 0.9;
/** Courtesy set off as clauses of its own leaves whole clauses: any reading of them as a request will do. */
const CLAUSE_REST_CONFIDENCE = 0.3;
/** Another sentence must be at least this sure of its own intent to count as a second request. */
const SECOND_REQUEST_CONFIDENCE = 0.65;
/** The first must be surer: a sentence of context read loosely would otherwise hide the request after it. */
const FIRST_REQUEST_CONFIDENCE = 0.8;

// A full stop only ends a sentence before a space or the end, and not after a short abbreviation, so
// "A1007.", "3.5", "26 cm." and "ซม." stay inside their sentence. "¿" and "¡" open the next one.
// Thai marks no question or full stop: a space between Thai words ends a sentence or a clause.
const SENTENCE_END =
  /(?<=[!?;。！？؟])|(?=[¡¿])|(?<=[^\s.]{4,}\.)(?=\s|$)|\n+|(?<=\p{Script=Thai})\s+(?=\p{Script=Thai})/u;
// Not inside a number: "1,76 m" is one measure.
const CLAUSE_END = /(?<=[,，、،])(?!\d)/u;
const QUESTION_MARK = /[?？؟]/u;
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

/**
 * Words, counting an unspaced run by the usual length of a word in its script: Chinese words are one or
 * two characters, Japanese ones with their kana endings about three, Thai ones about four; a Hangul run
 * is a word with its particles.
 */
function wordCount(text: string): number {
  return words(text).reduce((count, word) => count + (isUnspacedWord(word) ? unspacedWords(word) : 1), 0);
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
const THAI = /\p{Script=Thai}/u;

function unspacedWords(run: string): number {
  const perWord = KANA.test(run) ? 3 : HAN.test(run) ? 2 : THAI.test(run) ? 4 : 3;
  return Math.ceil(run.length / perWord);
}

export function isCourtesy(clause: string): boolean {
  const text = trimEdges(clause);
  if (!text) return true;
  // Numbers are content: a height, a size, an order number.
  if (/\d/u.test(text)) return false;
  const thanks = isThanksOrGoodbye(text);
  if (wordCount(text) > (thanks ? THANKS_MAX_WORDS : COURTESY_MAX_WORDS)) return false;
  const reading = classifyIntent(text);
  if (reading.intent === 'smalltalk' && reading.confidence >= COURTESY_CONFIDENCE) return true;
  return thanks && reading.intent === 'smalltalk';
}

/**
 * Drops courtesy clauses from the start and end of one sentence; what is left is its content. When the
 * sentence as a whole reads as small talk, what is left must read as a request, so "Thank you so much for
 * the help" or "Hello, is anyone there?" are not cut into a fragment that the classifier misreads.
 */
function peelSentence(sentence: string): string {
  const clauses = splitClauses(sentence);
  const leading = peelEdge(clauses, 'start');
  peelEdge(clauses, 'end');
  const byClause = trimEdges(clauses.join(''));
  const rest = peelGreetingWords(byClause);
  if (rest === sentence) return sentence;
  const whole = classifyIntent(sentence);
  if (whole.intent !== 'smalltalk') return rest;
  const reading = classifyIntent(rest);
  const asks = reading.intent !== 'smalltalk' && reading.intent !== 'other';
  // What follows a thank-you usually comments on the help ("Thanks a lot for the help, that was quick",
  // "Thank you so much for the help" cut inside): only a clear request behind it counts. A thank-you or
  // a plea set off after the content ("The jacket is torn, thanks for checking") leaves a whole clause
  // that needs only to read as some request.
  const thanksFirst = isThanksOrGoodbye(leading) || isThanksOrGoodbye(byClause);
  const needed = thanksFirst
    ? THANKS_REST_CONFIDENCE
    : leading || rest !== byClause
      ? COURTESY_CONFIDENCE
      : CLAUSE_REST_CONFIDENCE;
  return asks && reading.confidence >= needed ? rest : sentence;
}

/**
 * Removes courtesy from one edge of a sentence's clauses, in place. Courtesy can span several clauses
 * ("спасибо, что посмотрите", "麻烦看一下，谢谢"), so the shortest run of edge clauses that reads as courtesy
 * goes, then the next, leaving at least one clause. Returns what was removed.
 */
function peelEdge(clauses: string[], edge: 'start' | 'end'): string {
  let removed = '';
  for (;;) {
    let peeled = 0;
    // Shortest first: a long run ending in thanks reads as small talk even when it holds the request.
    for (let count = 1; count < clauses.length && count <= COURTESY_MAX_CLAUSES; count++) {
      const run = edge === 'start' ? clauses.slice(0, count) : clauses.slice(-count);
      if (isCourtesy(run.join(''))) {
        peeled = count;
        break;
      }
    }
    if (peeled === 0) return removed;
    const run =
      edge === 'start' ? clauses.splice(0, peeled) : clauses.splice(clauses.length - peeled, peeled);
    removed = edge === 'start' ? `${removed}${run.join('')}` : `${run.join('')}${removed}`;
  }
}

function splitClauses(sentence: string): string[] {
  return sentence.split(CLAUSE_END);
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
    // A thank-you without a comma leads into its own words ("Thank you so much for the help"), not a request.
    if (wordCount(rest) < 2 || isThanksOrGoodbye(prefix) || !isCourtesy(prefix)) continue;
    const reading = classifyIntent(rest);
    const asks = reading.intent !== 'smalltalk' && reading.intent !== 'other';
    if (asks && reading.confidence >= COURTESY_CONFIDENCE) return rest;
  }
  return sentence;
}

export function messageParts(text: string): MessageParts {
  const raw = text.normalize('NFKC').split(SENTENCE_END);
  let courtesyRemoved = false;
  const requests: RequestPart[] = [];
  const questions = new Set<RequestPart>();
  for (const piece of raw) {
    const sentence = trimEdges(piece);
    if (!sentence) continue;
    const peeled = peelSentence(sentence);
    const content = isCourtesy(peeled) ? '' : peeled;
    if (content !== sentence) courtesyRemoved = true;
    if (!content) continue;
    const part = { text: content, reading: classifyIntent(content) };
    requests.push(part);
    if (QUESTION_MARK.test(piece)) questions.add(part);
  }
  const first = requests[0];
  const request = first ? requests.map((part) => part.text).join(' ') : trimEdges(text.normalize('NFKC'));
  const whole = classifyIntent(courtesyRemoved && first ? request : text);
  const second =
    first && isRequest(first) ? requests.slice(1).find((part) => asksSomethingElse(part, first)) : undefined;
  // Read whole, a message that opens with a statement may say the later sentence was its point: "I wrote
  // three emails and nobody answered. I want to file a complaint" is one complaint with its context.
  const followUp =
    second &&
    first &&
    !questions.has(first) &&
    whole.intent === second.reading.intent &&
    whole.confidence > first.reading.confidence
      ? undefined
      : second;
  // Two requests: the first is answered on its own. Otherwise the whole request is read at once, so a
  // sentence of context ("I wrote three emails.") informs the request instead of competing with it.
  const main = followUp && first ? first.reading : whole;
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

function isRequest(part: RequestPart, confidence = FIRST_REQUEST_CONFIDENCE): boolean {
  const { intent } = part.reading;
  return intent !== 'smalltalk' && intent !== 'other' && part.reading.confidence >= confidence;
}

function asksSomethingElse(part: RequestPart, first: RequestPart): boolean {
  return (
    isRequest(part, SECOND_REQUEST_CONFIDENCE) &&
    familyOf(part.reading.intent) !== familyOf(first.reading.intent)
  );
}
