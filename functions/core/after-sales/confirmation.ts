import * as z from 'zod';
import { SUPPORTED_LANGUAGES, type SupportedLanguage, supportedLanguageOf } from '../nlu/languages';
import { foldText, hasUnspacedScript, isWordChar } from '../text';
import wordsData from './data/confirmation-words.json';
import type { Proposal } from './proposal-record';

/**
 * Confirmation before an irreversible action: a tool that would cancel an order or change one stores a
 * `Proposal` and answers "needs confirmation"; only an explicit yes, read here by code from the words in
 * data/confirmation-words.json (never by a model), carries it out. "No", silence or anything else
 * changes nothing, and a proposal is only good until `validUntil`.
 */

/** How long a shopper has to say yes; long enough to read a summary, short enough that prices hold. */
export const PROPOSAL_VALID_MINUTES = 15;

export {
  CONFIRMABLE_TOOLS,
  type ConfirmableTool,
  PROPOSAL_KEPT_SECONDS,
  type Proposal,
  ProposalSchema,
  type ProposalSummary,
} from './proposal-record';

export function validUntil(now: Date): string {
  return new Date(now.getTime() + PROPOSAL_VALID_MINUTES * 60_000).toISOString();
}

export const isExpired = (proposal: Pick<Proposal, 'validUntil'>, now: Date): boolean =>
  Date.parse(proposal.validUntil) <= now.getTime();

const WordsSchema = z.record(
  z.enum(SUPPORTED_LANGUAGES),
  z.object({ yes: z.array(z.string().min(1)).min(1), no: z.array(z.string().min(1)).min(1) }),
);
const WORDS = WordsSchema.parse(wordsData);

export type ShopperAnswer = 'yes' | 'no';

/** Longer than this is a new request, not an answer ("yes, but change the address instead"). */
const MAX_ANSWER_WORDS = 5;
const MAX_UNSPACED_ANSWER_CHARS = 12;
const EDGE_PUNCTUATION = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

interface Phrase {
  answer: ShopperAnswer;
  lang: SupportedLanguage;
  folded: string;
}

const PHRASES: Phrase[] = (
  Object.entries(WORDS) as Array<[SupportedLanguage, { yes: string[]; no: string[] }]>
)
  .flatMap(([lang, words]) => [
    ...words.yes.map((word) => ({ answer: 'yes' as const, lang, folded: foldText(word) })),
    ...words.no.map((word) => ({ answer: 'no' as const, lang, folded: foldText(word) })),
  ])
  // Longest first, so "no thanks" is tried before "no" and "不是" before "是".
  .sort((a, b) => b.folded.length - a.folded.length);

function startsWithPhrase(text: string, phrase: string): boolean {
  if (!text.startsWith(phrase)) return false;
  // "yesterday" does not start with "yes"; a Chinese or Thai word runs straight on.
  return hasUnspacedScript(phrase) || !isWordChar(text[phrase.length]);
}

function containsPhrase(text: string, phrase: string): boolean {
  if (hasUnspacedScript(phrase)) return text.includes(phrase);
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + phrase.length])) return true;
  }
  return false;
}

/**
 * A short message that answers a yes/no question, and the languages its words belong to ("ja" is both
 * German and Dutch). A yes that also says no anywhere ("yes… no, wait") is no answer at all.
 */
export function readShopperAnswer(
  text: string,
): { answer: ShopperAnswer; languages: SupportedLanguage[] } | undefined {
  const folded = foldText(text).replace(EDGE_PUNCTUATION, '').replace(/\s+/g, ' ');
  if (!folded) return undefined;
  const short = hasUnspacedScript(folded)
    ? folded.replace(/\s/g, '').length <= MAX_UNSPACED_ANSWER_CHARS
    : folded.split(' ').length <= MAX_ANSWER_WORDS;
  if (!short) return undefined;
  const first = PHRASES.find((phrase) => startsWithPhrase(folded, phrase.folded));
  if (!first) return undefined;
  if (first.answer === 'yes') {
    const denies = PHRASES.some(
      (phrase) =>
        phrase.answer === 'no' &&
        !first.folded.includes(phrase.folded) &&
        containsPhrase(folded, phrase.folded),
    );
    if (denies) return undefined;
  }
  const languages = [
    ...new Set(
      PHRASES.filter(
        (phrase) => phrase.answer === first.answer && startsWithPhrase(folded, phrase.folded),
      ).map((phrase) => phrase.lang),
    ),
  ];
  return { answer: first.answer, languages };
}

/**
 * The language to answer in: the conversation's when the proposal was made (a German shopper's "ok" is
 * still German), else the first language whose words matched.
 */
export function answerLanguage(
  languages: readonly SupportedLanguage[],
  proposalLanguage: string | undefined,
): SupportedLanguage | undefined {
  return supportedLanguageOf(proposalLanguage) ?? languages[0];
}

/** The yes word a proposal asks for, in the shopper's language. */
export const yesWord = (lang: SupportedLanguage): string => WORDS[lang].yes[0] ?? 'yes';
export const noWord = (lang: SupportedLanguage): string => WORDS[lang].no[0] ?? 'no';
