/**
 * Sentiment lexicons: per-language data files (models/data/sentiment/<lang>.json, shipped in the
 * `sentiment` artifact by `npm run build:models`) checked with zod and compiled
 * once into one matcher per language. A term is written as it is typed, optionally `|<weight>`, and ends
 * with `*` to match as a word start (stems: "disappoint*", "rozczarowan*") or `_` to match a whole word
 * only; without a marker the language's `boundary` decides. Matching is the text module's: one fold, and one
 * Aho–Corasick automaton per language. A leading `^` counts the term only at the start
 * of a sentence (English "does …?", "is …?").
 */
import * as z from 'zod';
import { foldText, KeywordMatcher, parseKeyword } from '../text';

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
  /** Every term of every role in one Aho–Corasick automaton (the text module's); a match's group is its Term. */
  matcher: KeywordMatcher<Term>;
  /** Terms by folded literal, for tests and for the duplicate check. */
  terms: Map<string, Term>;
  prepare(text: string): string;
  unspaced: boolean;
}

/**
 * Text and terms go through the text module's one fold (accents, full-width forms, Arabic marks, hyphens),
 * so the matcher's folded offsets are the analyser's offsets.
 */
export function prepareText(text: string): string {
  return foldText(text.replace(/[’‘`´]/g, "'"));
}

/** A term of these files in the text module's syntax: `term` a whole word, `term*` a word start. */
function matcherSyntax(body: string, boundary: LexiconFile['boundary']): string {
  if (body.endsWith('_')) return body.slice(0, -1);
  if (body.endsWith('*') || boundary !== 'left') return body;
  return `${body}*`;
}

/** Compiles a checked lexicon; a term listed under two roles is a data error, reported by name. */
export function compileLexicon(file: LexiconFile): CompiledLexicon {
  const terms = new Map<string, Term>();
  const lists: Array<[Term, string[]]> = [];
  for (const role of TERM_ROLES) {
    for (const raw of file.terms[role]) {
      const [spelling = '', weightText] = raw.split('|');
      const weight = weightText === undefined ? 1 : Number(weightText);
      if (!Number.isFinite(weight) || weight <= 0) throw new Error(`${file.lang}: bad weight in "${raw}"`);
      let body = spelling.trim();
      const atStart = body.startsWith('^');
      if (atStart) body = body.slice(1);
      const syntax = matcherSyntax(body, file.boundary).replace(/[’‘`´]/g, "'");
      const keyword = parseKeyword(syntax);
      if (!keyword) throw new Error(`${file.lang}: empty term "${raw}"`);
      const previous = terms.get(keyword.literal);
      if (previous && previous.role !== role)
        throw new Error(`${file.lang}: "${keyword.literal}" is listed as ${previous.role} and ${role}`);
      if (previous) continue;
      const term: Term = { role, weight, atStart, embedsNegation: false };
      terms.set(keyword.literal, term);
      lists.push([term, [syntax]]);
    }
  }
  const negatorWords = [...terms]
    .filter(([, term]) => term.role === 'negator' || term.role === 'postNegator')
    .map(([literal]) => literal);
  for (const [literal, term] of terms) {
    if (term.role === 'negator' || term.role === 'postNegator') continue;
    term.embedsNegation = negatorWords.some((negator) =>
      // In unspaced scripts a negator may be a word's own first letter (不满 "dissatisfied"), still negatable.
      file.boundary === 'none'
        ? literal.includes(negator) && literal.length >= negator.length + 2
        : ` ${literal} `.includes(` ${negator} `),
    );
  }
  return {
    lang: file.lang,
    file,
    matcher: new KeywordMatcher(lists),
    terms,
    prepare: prepareText,
    unspaced: file.boundary === 'none',
  };
}
