import { foldLatin, normalise } from '../nlu/text';

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

const TOO_SMALL = [
  'too_small',
  'too small',
  'runs small',
  'small',
  'tight',
  'too short',
  'pequeñ',
  'apretad',
  'petit',
  'serré',
  'zu klein',
  'zu eng',
  'piccol',
  'stretto',
  'apertad',
  'te klein',
  'te krap',
  'za mał',
  'za ciasn',
  'мал',
  'тесн',
  'küçük',
  'dar geldi',
  'صغير',
  'ضيق',
  '偏小',
  '太小',
  '小了',
  '太紧',
  '小さ',
  'きつ',
  '작아',
  '작음',
  '작다',
  'kecil',
  'sempit',
  'chật',
  'nhỏ',
  'เล็ก',
  'คับ',
];

const TOO_LARGE = [
  'too_large',
  'too_big',
  'too large',
  'too big',
  'runs large',
  'large',
  'big',
  'loose',
  'too long',
  'grande',
  'suelt',
  'ancho',
  'trop grand',
  'zu groß',
  'zu weit',
  'te groot',
  'za duż',
  'велик',
  'büyük',
  'bol geldi',
  'كبير',
  'واسع',
  '偏大',
  '太大',
  '大了',
  '大き',
  '커요',
  '큼',
  '크다',
  'besar',
  'longgar',
  'rộng',
  'to quá',
  'ใหญ่',
  'หลวม',
];

const SIZE_ANY = [
  'size',
  'fit',
  'talla',
  'taille',
  'größe',
  'taglia',
  'tamanho',
  'maat',
  'rozmiar',
  'размер',
];

const fold = (text: string) => foldLatin(normalise(text)).replace(/[_-]/g, ' ');

// Folded Vietnamese "rộng" is "rong", inside "wrong": spaced scripts match only from the start of a word.
function matcher(terms: readonly string[]): RegExp {
  const alternatives = terms.map((term) => {
    const escaped = fold(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return /^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(escaped)
      ? `(?<![\\p{L}\\p{N}])${escaped}`
      : escaped;
  });
  return new RegExp(alternatives.join('|'), 'u');
}

const TOO_SMALL_PATTERN = matcher(TOO_SMALL);
const TOO_LARGE_PATTERN = matcher(TOO_LARGE);
const SIZE_ANY_PATTERN = matcher(SIZE_ANY);

export type SizeReturnDirection = 'too_small' | 'too_large' | 'size_other' | 'not_size';

export function classifyReturnReason(reason: string): SizeReturnDirection {
  const text = fold(reason);
  const small = TOO_SMALL_PATTERN.test(text);
  const large = TOO_LARGE_PATTERN.test(text);
  if (small && !large) return 'too_small';
  if (large && !small) return 'too_large';
  if (small || large || SIZE_ANY_PATTERN.test(text)) return 'size_other';
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
