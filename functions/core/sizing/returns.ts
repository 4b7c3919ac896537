import { keywordLists } from '../../../models/keywords';
import { KeywordMatcher } from '../text';

export interface ReturnRecord {
  sku: string;
  size?: string;
  /** A reason code ("too_small") or the shopper's own words, in any of the supported languages. */
  reason: string;
}

export type FitTendency = 'runs_small' | 'runs_large';

export interface ReturnSignal {
  /** Absent when the returns say nothing clear about fit. */
  tendency?: FitTendency;
  tooSmall: number;
  tooLarge: number;
  /** Returns whose reason is about size, with or without a direction. */
  sizeReturns: number;
  returns: number;
}

/**
 * Below five size returns, one unlucky week or one shopper returning three pairs decides the signal; five
 * is the fewest that a seller would also accept as a pattern in the weekly report.
 */
export const MIN_SIZE_RETURNS = 5;
/** Two in three: a mere majority flips with every return, and shifting everyone's size must be stable. */
export const CLEAR_MAJORITY = 2 / 3;

type ReasonKind = 'tooSmall' | 'tooLarge' | 'sizeAny';

let reasonMatcher: KeywordMatcher<ReasonKind> | undefined;

/**
 * The words in models/data/keywords/size-returns.json, in the text module's term syntax: a Latin or
 * Cyrillic term matches from the start of a word only, so folded Vietnamese "rộng" ("rong") is not read
 * inside "wrong".
 */
function reasonKinds(reason: string): Set<ReasonKind> {
  if (!reasonMatcher) {
    const { tooSmall, tooLarge, sizeAny } = keywordLists().sizeReturns;
    reasonMatcher = new KeywordMatcher([
      ['tooSmall', tooSmall],
      ['tooLarge', tooLarge],
      ['sizeAny', sizeAny],
    ] as const);
  }
  return new Set(reasonMatcher.match(reason).matches.map((match) => match.group));
}

export type SizeReturnDirection = 'too_small' | 'too_large' | 'size_other' | 'not_size';

export function classifyReturnReason(reason: string): SizeReturnDirection {
  const kinds = reasonKinds(reason);
  const small = kinds.has('tooSmall');
  const large = kinds.has('tooLarge');
  if (small && !large) return 'too_small';
  if (large && !small) return 'too_large';
  if (small || large || kinds.has('sizeAny')) return 'size_other';
  return 'not_size';
}

/**
 * What the returns of one product say about its fit. Pass the returns of every size of the product (the
 * caller decides which SKUs are one product). A tendency is reported only when at least MIN_SIZE_RETURNS
 * returns are about size and CLEAR_MAJORITY of those point the same way.
 */
export function returnSignalFor(returns: ReadonlyArray<ReturnRecord>): ReturnSignal {
  let tooSmall = 0;
  let tooLarge = 0;
  let sizeReturns = 0;
  for (const record of returns) {
    const direction = classifyReturnReason(record.reason);
    if (direction === 'not_size') continue;
    sizeReturns += 1;
    if (direction === 'too_small') tooSmall += 1;
    if (direction === 'too_large') tooLarge += 1;
  }
  const signal: ReturnSignal = { tooSmall, tooLarge, sizeReturns, returns: returns.length };
  if (sizeReturns < MIN_SIZE_RETURNS) return signal;
  if (tooSmall >= sizeReturns * CLEAR_MAJORITY) return { ...signal, tendency: 'runs_small' };
  if (tooLarge >= sizeReturns * CLEAR_MAJORITY) return { ...signal, tendency: 'runs_large' };
  return signal;
}
