/**
 * Sentiment lexicons: per-language data files (data/lexicons/<lang>.json) checked with zod and compiled
 * once into one matcher per language. A term is written as it is typed, optionally `|<weight>`, and ends
 * with `*` to match as a word start (stems: "disappoint*", "rozczarowan*") or `_` to match a whole word
 * only; without a marker the language's `boundary` decides. A leading `^` counts the term only at the start
 * of a sentence (English "does …?", "is …?").
 */
import * as z from 'zod';
import { foldLatin } from '../nlu/text';

/** What a matched term means; the analyser's rules are written per role, never per word. */
export const TERM_ROLES = [
  /** Praise and satisfaction. Negated, it is a complaint ("not happy"). */
  'positive',
  /** Gratitude: positive only when the message neither asks nor complains ("thanks" closing a complaint). */
  'thanks',
  /** Set phrases that carry no sentiment ("thanks in advance", "kind regards"): matched to mask their words. */
  'courtesy',
  /** Displeasure and complaint words; they keep their meaning inside a question. */
  'negative',
  /** Defect words ("fade", "break", "shrink"): a complaint in a statement, curiosity in a question or "if". */
  'defect',
  /** Things that went wrong ("hasn't arrived", "wrong item", "charged twice"): kept in questions. */
  'event',
  /** Strong anger ("furious", "disgraceful"): negative, and urgent. */
  'anger',
  /** Leaving, chargebacks, bad reviews, authorities: negative and most urgent, whatever the sentence form. */
  'threat',
  'negator',
  /** Negators that follow what they negate ("gefällt mir nicht", "満足していません", "memnun değilim"). */
  'postNegator',
  'intensifier',
  /** Words and particles that make their sentence a question ("does", "czy", "هل", "吗", "ไหม"). */
  'question',
  /** Questions that complain ("why", "warum", "为什么"): defects inside them still count. */
  'why',
  'conditional',
  /** "but", "aber", "但是": a message holding both sides with one of these is mixed, not sarcastic. */
  'contrast',
  /** "again", "as usual", "still": sarcasm cue and urgency. */
  'repeat',
  /** "solved", "gelöst", "解决": praise, and the problem named in its clause is over ("problem solved"). */
  'resolution',
] as const;
export type TermRole = (typeof TERM_ROLES)[number];

const Terms = z.array(z.string().min(1)).default([]);

export const LexiconFile = z
  .object({
    lang: z.string().regex(/^[a-z]{2}$/),
    /**
     * `word`: terms match whole words (European languages); `left`: terms match word starts, suffixes
     * vary (Turkish, Korean, Polish, Russian, Indonesian); `none`: anywhere (Chinese, Japanese, Thai, Arabic
     * clitics).
     */
    boundary: z.enum(['word', 'left', 'none']),
    /** Strip Latin accents on both sides, as shoppers on phones often skip them. Off where marks are meaning (vi). */
    foldAccents: z.boolean(),
    /** Characters between a negator and the start of what it negates, and after a post-negator's target. */
    negationWindow: z.number().int().min(0).max(60),
    postNegationWindow: z.number().int().min(0).max(60),
    /** Word endings that make a clause conditional (Turkish -se/-sa, Korean -면). */
    conditionalSuffixes: z.array(z.string().min(1)).default([]),
    /** Clause-final words that make it a question (Vietnamese "không", Indonesian "nggak"). */
    questionEnds: Terms,
    /** Sentence-final word endings that make it a question (Korean -나요/-까요). */
    questionSuffixes: z.array(z.string().min(1)).default([]),
    /** Word endings that join two contrasting clauses (Korean -지만/-는데). */
    contrastSuffixes: z.array(z.string().min(1)).default([]),
    /** Negators that also negate what precedes them (German/Dutch "nicht"/"niet", Korean "안"). */
    negatorsBothWays: z.boolean().default(false),
    /** Thai separates clauses with spaces, not commas. */
    spaceEndsClause: z.boolean().default(false),
    terms: z.object(
      Object.fromEntries(TERM_ROLES.map((role) => [role, Terms])) as Record<TermRole, typeof Terms>,
    ),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconFile>;

export interface Term {
  role: TermRole;
  weight: number;
  /** Counts only at the start of a sentence. */
  atStart: boolean;
  /** A fixed phrase that holds its own negation ("di nessun aiuto", "memnun değil"): not negated again. */
  embedsNegation: boolean;
}

export interface CompiledLexicon {
  lang: string;
  file: LexiconFile;
  /** Matches every term, longest first; the matched text keys `terms`. */
  pattern: RegExp;
  terms: Map<string, Term>;
  prepare(text: string): string;
  unspaced: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = '[\\p{L}\\p{M}\\p{N}]';

// Arabic: vowel marks and tatweel dropped, alef and final-letter variants unified, as writers vary them.
const ARABIC_MARKS = /[\u064B-\u0652\u0640]/g;
const ARABIC_LETTERS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ى: 'ي', ة: 'ه', ؤ: 'و', ئ: 'ي' };

export function prepareText(text: string, foldAccents: boolean): string {
  const lowered = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآىةؤئ]/g, (letter) => ARABIC_LETTERS[letter] ?? letter);
  return foldAccents ? foldLatin(lowered) : lowered;
}

/** Compiles a checked lexicon; a term listed under two roles is a data error, reported by name. */
export function compileLexicon(file: LexiconFile): CompiledLexicon {
  const terms = new Map<string, Term>();
  const alternatives: Array<{ text: string; source: string }> = [];
  for (const role of TERM_ROLES) {
    for (const raw of file.terms[role]) {
      const [spelling = '', weightText] = raw.split('|');
      const weight = weightText === undefined ? 1 : Number(weightText);
      if (!Number.isFinite(weight) || weight <= 0) throw new Error(`${file.lang}: bad weight in "${raw}"`);
      let body = spelling.trim();
      const atStart = body.startsWith('^');
      if (atStart) body = body.slice(1);
      let end: 'open' | 'word' = file.boundary === 'word' ? 'word' : 'open';
      if (body.endsWith('*')) {
        end = 'open';
        body = body.slice(0, -1);
      } else if (body.endsWith('_')) {
        end = 'word';
        body = body.slice(0, -1);
      }
      const text = prepareText(body, file.foldAccents);
      if (!text) throw new Error(`${file.lang}: empty term "${raw}"`);
      const previous = terms.get(text);
      if (previous && previous.role !== role)
        throw new Error(`${file.lang}: "${text}" is listed as ${previous.role} and ${role}`);
      terms.set(text, { role, weight, atStart, embedsNegation: false });
      const source = escapeRegExp(text).replace(/ /g, '\\s+');
      alternatives.push({ text, source: end === 'word' ? `${source}(?!${LETTER})` : source });
    }
  }
  const negatorWords = [...terms]
    .filter(([, term]) => term.role === 'negator' || term.role === 'postNegator')
    .map(([text]) => text);
  for (const [text, term] of terms) {
    if (term.role === 'negator' || term.role === 'postNegator') continue;
    term.embedsNegation = negatorWords.some((negator) =>
      // In unspaced scripts a negator may be a word's own first letter (不满 "dissatisfied"), still negatable.
      file.boundary === 'none'
        ? text.includes(negator) && text.length >= negator.length + 2
        : new RegExp(`(?<!${LETTER})${escapeRegExp(negator)}(?!${LETTER})`, 'u').test(text),
    );
  }
  alternatives.sort((a, b) => b.text.length - a.text.length);
  const start = file.boundary === 'none' ? '' : `(?<!${LETTER})`;
  const pattern = new RegExp(`${start}(?:${alternatives.map((a) => a.source).join('|')})`, 'gu');
  return {
    lang: file.lang,
    file,
    pattern,
    terms,
    prepare: (text) => prepareText(text, file.foldAccents),
    unspaced: file.boundary === 'none',
  };
}
