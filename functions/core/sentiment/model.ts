/**
 * The embedded sentiment analyser: per-language lexicons (data files) read through rules that are the same
 * in every language, so a pattern fixed once is fixed in all 17:
 *
 * - negation with a scope: a negator flips what follows it within its clause and window ("not happy",
 *   "不满意", "ไม่พอใจ"); post-negators flip what precedes ("gefällt mir nicht", "満足していません",
 *   "memnun değilim"); a negated complaint word is praise ("nothing wrong", "没有任何问题");
 * - questions and conditionals: a defect word inside a question or an "if" clause is curiosity, not a
 *   complaint ("does it fade in the wash?"), unless the question asks why; threats always count;
 * - sarcasm: a short praise clause or a "again" cue next to a negative event is negative ("Fantastic, the
 *   parcel went to the wrong city again");
 * - politeness: courtesy formulae and thanks never soften a complaint into praise or mixed;
 * - mixed: real praise and a real complaint joined by a contrast word ("gorgeous, but it took a month").
 *
 * Beside polarity, `urgency` (0..1) weighs anger, repeat contacts, threats to leave, chargebacks and bad
 * reviews above mild disappointment: see urgency.ts. Pure, deterministic, and a few microseconds a message.
 */
import * as z from 'zod';
import { loadArtifact } from '../../../models/load';
import { detectLanguage } from '../nlu/language';
import { type CompiledLexicon, compileLexicon, LexiconFile, type Term } from './lexicon';
import type { SentimentInput, SentimentLabel, SentimentResult, SentimentScores } from './types';
import { urgencyOf } from './urgency';

const SENTENCE_END = /[.!?。！？؟\n]/u;
const CLAUSE_END = /[,;:，、；،]/u;
const QUESTION_MARK = /[?？؟]/u;

interface Match {
  start: number;
  end: number;
  term: Term;
  sentence: number;
  clause: number;
}

interface Sentence {
  start: number;
  end: number;
  question: boolean;
  why: boolean;
  conditional: boolean;
}

/** The evidence the rules found, kept for urgency and for tests that check a rule fired. */
export interface SentimentEvidence {
  lang: string;
  positive: number;
  negative: number;
  anger: number;
  threats: number;
  repeats: number;
  negations: number;
  sarcasm: boolean;
  /** Defect or praise words set aside because they sat in a question or an "if" clause. */
  hypothetical: number;
  exclamations: number;
  shouting: boolean;
}

let compiled: Map<string, CompiledLexicon> | undefined;

function lexicons(): Map<string, CompiledLexicon> {
  if (!compiled) {
    compiled = new Map();
    // The lexicons ship in the `sentiment` artifact (models/data/sentiment, npm run build:models), checked
    // again here so a hand-edited artifact cannot put an unchecked term in front of the rules.
    for (const raw of z.array(z.unknown()).parse(loadArtifact('sentiment').meta.lexicons)) {
      const file = LexiconFile.parse(raw);
      compiled.set(file.lang, compileLexicon(file));
    }
  }
  return compiled;
}

export function sentimentLanguages(): string[] {
  return [...lexicons().keys()];
}

export function warmSentimentModel(): void {
  lexicons();
}

function lexiconFor(input: SentimentInput): CompiledLexicon {
  const all = lexicons();
  const hinted = input.lang ? all.get(input.lang.slice(0, 2).toLowerCase()) : undefined;
  if (hinted) return hinted;
  const detected = all.get(detectLanguage(input.text).lang);
  return detected ?? (all.get('en') as CompiledLexicon);
}

/**
 * Leftmost-longest matches that do not overlap; where two stems run to the same word end ("beğen*" and
 * "beğenmedi*" in "beğenmedim"), the longer term wins, as it says more.
 */
function findMatches(lexicon: CompiledLexicon, text: string): Array<Omit<Match, 'sentence' | 'clause'>> {
  const found = lexicon.matcher
    .matchFolded(text)
    .sort((a, b) => a.start - b.start || b.end - a.end || b.term.length - a.term.length);
  const taken: Array<Omit<Match, 'sentence' | 'clause'>> = [];
  let reached = 0;
  for (const match of found) {
    if (match.start < reached) continue;
    taken.push({ start: match.start, end: match.end, term: match.group });
    reached = match.end;
  }
  return taken;
}

/** Sentence and clause index of every character; contrast words also end a clause. */
function segment(text: string, contrastStarts: ReadonlySet<number>, spaceEndsClause: boolean) {
  const sentenceOf = new Uint16Array(text.length + 1);
  const clauseOf = new Uint16Array(text.length + 1);
  const sentences: Array<{ start: number; end: number }> = [];
  let sentence = 0;
  let clause = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (contrastStarts.has(index)) clause++;
    sentenceOf[index] = sentence;
    clauseOf[index] = clause;
    const char = text[index] as string;
    if (SENTENCE_END.test(char)) {
      // A run of "?!" or "..." ends one sentence, not several.
      while (index + 1 < text.length && SENTENCE_END.test(text[index + 1] as string)) {
        index++;
        sentenceOf[index] = sentence;
        clauseOf[index] = clause;
      }
      sentences.push({ start, end: index + 1 });
      start = index + 1;
      sentence++;
      clause++;
    } else if (CLAUSE_END.test(char) || (spaceEndsClause && char === ' ')) clause++;
  }
  sentenceOf[text.length] = sentence;
  clauseOf[text.length] = clause;
  if (start < text.length) sentences.push({ start, end: text.length });
  return { sentenceOf, clauseOf, sentences };
}

function wordsIn(text: string, lexicon: CompiledLexicon): number {
  if (lexicon.unspaced) return (text.match(/[\p{L}\p{M}\p{N}]/gu) ?? []).length;
  return (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).length;
}

/** True when nothing but spaces and punctuation separates the two offsets. */
const adjacentOrPunct = (text: string, from: number, to: number) =>
  !/[\p{L}\p{M}\p{N}]/u.test(text.slice(from, to));

const POLARITY_ROLES = new Set(['positive', 'thanks', 'negative', 'defect', 'event']);

interface Reading {
  label: SentimentLabel;
  positive: number;
  negative: number;
  evidence: SentimentEvidence;
}

function read(input: SentimentInput): Reading {
  const lexicon = lexiconFor(input);
  const file = lexicon.file;
  const text = lexicon.prepare(input.text);
  const raw = findMatches(lexicon, text);
  const contrastStarts = new Set(raw.filter((m) => m.term.role === 'contrast').map((m) => m.start));
  if (file.contrastSuffixes.length > 0)
    for (const word of text.matchAll(/[\p{L}\p{M}]+/gu))
      if (file.contrastSuffixes.some((suffix) => word[0].length > suffix.length && word[0].endsWith(suffix)))
        contrastStarts.add(word.index + word[0].length);
  const { sentenceOf, clauseOf, sentences: spans } = segment(text, contrastStarts, file.spaceEndsClause);
  const matches: Match[] = raw
    .map((m) => ({ ...m, sentence: sentenceOf[m.start] ?? 0, clause: clauseOf[m.start] ?? 0 }))
    .filter((m) => !m.term.atStart || adjacentOrPunct(text, spans[m.sentence]?.start ?? 0, m.start));
  const clauseEnd = (clause: number, from: number) => {
    let index = from;
    while (index < text.length && clauseOf[index] === clause) {
      const char = text[index] as string;
      if (SENTENCE_END.test(char) || CLAUSE_END.test(char) || (file.spaceEndsClause && char === ' ')) break;
      index++;
    }
    return index;
  };

  const questionEnds = new Set(file.questionEnds.map((word) => lexicon.prepare(word)));
  /** A clause-final "không" / "nggak" asks; it negates nothing. */
  const endsClause = (match: { end: number; clause: number }) =>
    adjacentOrPunct(text, match.end, clauseEnd(match.clause, match.end));
  const asksAtEnd = (match: Match) =>
    questionEnds.has(text.slice(match.start, match.end).replace(/\s+/gu, ' ')) && endsClause(match);

  const sentences: Sentence[] = spans.map((span, index) => {
    const inside = matches.filter((m) => m.sentence === index);
    const body = text.slice(span.start, span.end);
    const clauseFinalAsk = inside.some((m) => asksAtEnd(m));
    const wordsOf = body.match(/[\p{L}\p{M}]+/gu) ?? [];
    const suffixConditional = file.conditionalSuffixes.some((suffix) =>
      wordsOf.some((word) => word.length > suffix.length && word.endsWith(suffix)),
    );
    const lastWord = wordsOf.at(-1) ?? '';
    const suffixQuestion = file.questionSuffixes.some(
      (suffix) => lastWord.length > suffix.length && lastWord.endsWith(suffix),
    );
    return {
      ...span,
      question:
        QUESTION_MARK.test(body) ||
        clauseFinalAsk ||
        suffixQuestion ||
        inside.some((m) => m.term.role === 'question'),
      why: inside.some((m) => m.term.role === 'why'),
      conditional: suffixConditional || inside.some((m) => m.term.role === 'conditional'),
    };
  });

  const negators = matches.filter((m) => m.term.role === 'negator' && !asksAtEnd(m));
  const postNegators = matches.filter(
    (m) =>
      m.term.role === 'postNegator' || (file.negatorsBothWays && m.term.role === 'negator' && !asksAtEnd(m)),
  );
  const intensifiers = matches.filter((m) => m.term.role === 'intensifier');

  const negated = (match: Match) =>
    !match.term.embedsNegation &&
    match.term.role !== 'event' &&
    (negators.some(
      (n) => n.clause === match.clause && n.end <= match.start && match.start - n.end <= file.negationWindow,
    ) ||
      postNegators.some(
        (n) =>
          n.clause === match.clause && n.start >= match.end && n.start - match.end <= file.postNegationWindow,
      ));
  const intensified = (match: Match) =>
    intensifiers.some(
      (i) => i.clause === match.clause && i.end <= match.start && match.start - i.end <= file.negationWindow,
    );

  const hasQuestion = sentences.some((s) => s.question);
  // A resolved problem is over: its defect words no longer count, the resolution is praise.
  const resolvedClauses = new Set(
    matches.filter((m) => m.term.role === 'resolution' && !negated(m)).map((m) => m.clause),
  );
  const evidence: SentimentEvidence = {
    lang: lexicon.lang,
    positive: 0,
    negative: 0,
    anger: 0,
    threats: 0,
    repeats: 0,
    negations: 0,
    sarcasm: false,
    hypothetical: 0,
    exclamations: Math.min(3, (input.text.match(/[!！]/gu) ?? []).length),
    shouting: isShouting(input.text),
  };
  let praise = 0;
  let thanks = 0;
  let complaint = 0;
  /** Clause of each piece of praise, for the sarcasm rule. */
  const praiseClauses: number[] = [];
  for (const match of matches) {
    const { role, weight: base } = match.term;
    const weight = intensified(match) ? base * 1.5 : base;
    const sentence = sentences[match.sentence];
    if (role === 'threat') {
      evidence.threats++;
      complaint += 2 * weight;
      continue;
    }
    if (role === 'anger') {
      evidence.anger++;
      complaint += 1.5 * weight;
      continue;
    }
    if (role === 'repeat') {
      evidence.repeats++;
      continue;
    }
    if (role === 'resolution') {
      if (negated(match)) complaint += weight;
      else {
        praise += weight;
        praiseClauses.push(match.clause);
      }
      continue;
    }
    if (!POLARITY_ROLES.has(role)) continue;
    if (resolvedClauses.has(match.clause) && role !== 'positive' && role !== 'thanks') continue;
    const isNegated = negated(match);
    if (isNegated) evidence.negations++;
    const praising = role === 'positive' || role === 'thanks';
    // A question or an "if" is about what might happen: praise and defect words there are not felt.
    const hypothetical =
      sentence !== undefined &&
      ((sentence.question && !sentence.why && (role === 'defect' || role === 'positive')) ||
        (sentence.conditional && (role === 'defect' || role === 'event' || role === 'positive')));
    if (hypothetical && !(praising && isNegated)) {
      evidence.hypothetical++;
      continue;
    }
    if (praising !== isNegated) {
      if (role === 'thanks') thanks += weight;
      else {
        // A negated complaint is praise, but weaker than praise said outright.
        praise += isNegated ? 0.8 * weight : weight;
        praiseClauses.push(match.clause);
      }
    } else complaint += weight;
  }

  // Sarcasm: praise standing alone in a short opening clause ("Great job,", "Genial,") or next to "again",
  // with a complaint elsewhere and no contrast word, is the complaint said bitterly.
  const hasContrast = contrastStarts.size > 0;
  if (praise > 0 && (complaint > 0 || evidence.repeats > 0)) {
    const firstClause = clauseOf[firstLetter(text)] ?? 0;
    const opener = text.slice(0, clauseEnd(firstClause, firstLetter(text)));
    const shortOpener =
      praiseClauses.includes(firstClause) &&
      wordsIn(opener, lexicon) <= (lexicon.unspaced ? 9 : 3) &&
      isInterjection(
        opener,
        matches.filter((m) => m.clause === firstClause),
      );
    const complaintOutsideOpener = matches.some(
      (m) => m.clause !== firstClause && ['negative', 'defect', 'event', 'anger'].includes(m.term.role),
    );
    const repeatOutsideOpener = matches.some((m) => m.clause !== firstClause && m.term.role === 'repeat');
    if (
      (shortOpener && (complaintOutsideOpener || repeatOutsideOpener)) ||
      (evidence.repeats > 0 && complaint > 0 && !hasContrast)
    ) {
      evidence.sarcasm = true;
      complaint += praise;
      praise = 0;
    }
  }
  // Thanks count as praise only in a message that neither complains nor asks for something.
  if (complaint === 0 && praise === 0 && !hasQuestion) praise += thanks;
  else if (complaint === 0 && praise > 0) praise += thanks;
  evidence.positive = praise;
  evidence.negative = complaint;

  let label: SentimentLabel;
  if (praise === 0 && complaint === 0) label = 'neutral';
  else if (praise === 0) label = 'negative';
  else if (complaint === 0) label = 'positive';
  else if (evidence.threats > 0 || evidence.anger > 0) label = 'negative';
  else if (hasContrast) label = 'mixed';
  else label = complaint >= praise ? 'negative' : 'positive';
  return { label, positive: praise, negative: complaint, evidence };
}

/** Words and particles that add nothing to a praise interjection ("Oh great", "Na toll", "太棒了"). */
const FILLERS = new Set(
  // Folded, as the text they are compared with.
  'oh ah wow well just what how so que quelle quel na no dan ну вот ya wah oi o that ghe'.split(' '),
);
const UNSPACED_FILLERS = /(?:了|啊|呀|吧|哦|啦|ですね|です|ね|よ|ค่ะ|คะ|ครับ|นะ|เลย)/gu;
const INTERJECTION_ROLES = new Set(['positive', 'thanks', 'intensifier', 'courtesy']);

/**
 * True when a clause is only praise ("Great job", "Genial", "真好"), the opener of a sarcastic complaint;
 * "The dress is gorgeous" names what it praises and is not.
 */
function isInterjection(clause: string, matches: readonly Match[]): boolean {
  const praise = matches.filter((m) => INTERJECTION_ROLES.has(m.term.role));
  const offset = clause.length;
  const covered = new Uint8Array(offset);
  for (const m of praise) for (let i = m.start; i < Math.min(m.end, offset); i++) covered[i] = 1;
  const words = [...clause.matchAll(/[\p{L}\p{M}\p{N}]+/gu)];
  if (words.length === 0) return false;
  if (
    words.length > 1 ||
    !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(clause)
  )
    return words.every((word) => covered[word.index] === 1 || FILLERS.has(word[0]));
  // One run of Han, Kana or Thai: most of its letters must be praise or filler particles.
  const run = words[0] as RegExpExecArray;
  const coveredAt = (i: number) => covered[run.index + i] === 1;
  const filler = new Uint8Array(run[0].length);
  for (const particle of run[0].matchAll(UNSPACED_FILLERS))
    for (let i = 0; i < particle[0].length; i++) filler[particle.index + i] = 1;
  let counted = 0;
  for (let i = 0; i < run[0].length; i++) if (coveredAt(i) || filler[i]) counted++;
  return counted / run[0].length >= 0.8;
}

function firstLetter(text: string): number {
  const index = text.search(/[\p{L}\p{N}]/u);
  return Math.max(0, index);
}

/** Mostly capitals in a message long enough to mean it ("WHERE IS MY REFUND"). */
function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 8) return false;
  const cased = letters.filter((letter) => letter.toLowerCase() !== letter.toUpperCase());
  if (cased.length < 8) return false;
  return cased.filter((letter) => letter === letter.toUpperCase()).length / cased.length > 0.7;
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/**
 * Scores that sum to 1 with the label on top: the label takes 0.55..0.95 as its evidence grows, the rest
 * goes to the other sides in proportion to theirs.
 */
function scoresFor(reading: Reading): SentimentScores {
  const { label, positive, negative } = reading;
  const evidence = { positive, negative, neutral: 0.3, mixed: Math.min(positive, negative) };
  const strength = label === 'neutral' ? 0.5 : label === 'mixed' ? evidence.mixed : evidence[label];
  const top = 0.55 + 0.4 * (1 - Math.exp(-strength));
  const others = (['positive', 'negative', 'neutral', 'mixed'] as const).filter((key) => key !== label);
  const total = others.reduce((sum, key) => sum + evidence[key] + 0.05, 0);
  const scores = { positive: 0, negative: 0, neutral: 0, mixed: 0 } as SentimentScores;
  let assigned = 0;
  for (const key of others) {
    scores[key] = round(((1 - top) * (evidence[key] + 0.05)) / total);
    assigned += scores[key];
  }
  scores[label] = round(1 - assigned);
  return scores;
}

/** Polarity, scores and urgency of one message; `explainSentiment` adds the evidence behind them. */
export function analyseSentiment(input: SentimentInput | string): SentimentResult {
  const { result } = explainSentiment(input);
  return result;
}

export function explainSentiment(input: SentimentInput | string): {
  result: SentimentResult;
  evidence: SentimentEvidence;
} {
  const message = typeof input === 'string' ? { text: input } : input;
  const reading = read(message);
  return {
    result: {
      label: reading.label,
      scores: scoresFor(reading),
      urgency: urgencyOf(reading.label, reading.evidence),
    },
    evidence: reading.evidence,
  };
}

/** Only the urgency cues of a message, for an adapter whose polarity comes from elsewhere (Comprehend). */
export function urgencyCues(input: SentimentInput): SentimentEvidence {
  return read(input).evidence;
}

/**
 * A result from a service that reads polarity only (Comprehend, Bedrock) with urgency added: the
 * service's label, weighed with this message's cues (threats, anger, repeats, exclamations) from the
 * language's lexicon. A result that already has urgency is returned as it is.
 */
export function withUrgency(input: SentimentInput, result: SentimentResult): SentimentResult {
  if (result.urgency !== undefined) return result;
  return { ...result, urgency: urgencyOf(result.label, urgencyCues(input)) };
}

export const isKnownSentimentLanguage = (lang: string | null | undefined): boolean =>
  !!lang && lexicons().has(lang.slice(0, 2).toLowerCase());
