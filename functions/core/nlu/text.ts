/** Text primitives shared by the language detector, the intent classifier and entity extraction. */

export type Script = 'latin' | 'cyrillic' | 'arabic' | 'hangul' | 'kana' | 'han' | 'thai' | 'other';

const SCRIPT_PATTERNS: ReadonlyArray<[Script, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['thai', /\p{Script=Thai}/u],
];

const LETTER = /\p{L}/u;

export function scriptOf(char: string): Script | undefined {
  if (!LETTER.test(char)) return undefined;
  for (const [script, pattern] of SCRIPT_PATTERNS) if (pattern.test(char)) return script;
  return 'other';
}

/** Letters per script; digits, punctuation and emoji are not letters and are not counted. */
export function countScripts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const char of text) {
    const script = scriptOf(char);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

/** NFKC folds full-width digits and letters, which CJK keyboards produce, into their ASCII forms. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const UNDECOMPOSABLE: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
};

// Plain ASCII letters without combining marks need no folding; matching only the rest keeps this cheap.
const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]\p{M}*|[A-Za-z]\p{M}+/gu;

/**
 * Removes accents from Latin letters only: shoppers on phones often skip them ("donde esta mi pedido"),
 * while marks in Hangul, Kana and Thai are part of the letter and must stay.
 */
export function foldLatin(text: string): string {
  return text.replace(LATIN_WITH_MARKS, (letter) => {
    const base = letter.normalize('NFD').replace(/\p{M}/gu, '');
    return UNDECOMPOSABLE[base] ?? base;
  });
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;

/** Scripts written without spaces between words (Hangul has spaces but glues particles to words). */
export function isUnspacedWord(word: string): boolean {
  return UNSPACED.test(word);
}

/** Character n-grams of a word; padded with spaces so that prefixes and suffixes get their own grams. */
export function charNgrams(word: string, min: number, max: number, pad: boolean): string[] {
  const chars = Array.from(pad ? ` ${word} ` : word);
  const grams: string[] = [];
  for (let n = min; n <= max; n++) {
    for (let start = 0; start + n <= chars.length; start++)
      grams.push(chars.slice(start, start + n).join(''));
  }
  return grams;
}
