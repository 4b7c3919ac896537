/**
 * The one fold every keyword list and every text it is matched against go through, so that a term
 * written as people spell it matches however a shopper typed it: on a phone, without accents, in
 * full-width letters, with or without Arabic vowel marks.
 *
 * - NFKC, then lower case: full-width "ＡＢＣ" and ligatures become plain letters.
 * - Combining accents go (é→e, ộ→o, й→и, ё→е); marks that are part of a letter in Hangul, Kana and
 *   Thai are outside that block and stay.
 * - Letters with no decomposition are spelled out: ß→ss, ł→l, đ→d, ı→i, ø→o, æ→ae, œ→oe.
 * - Arabic: vowel marks and the tatweel go; hamza-carrying alefs become ا, ى becomes ي, ة becomes ه.
 * - Hyphens and underscores become spaces ("e-mail", "too_small").
 */

const COMBINING_ACCENTS = /[\u0300-\u036f]/g;
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g;
const SEPARATORS = /[-‐‑_]/g;
const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
};
const SPELLED_OUT_CHARS = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'g');
// Printable ASCII has nothing to decompose: it skips the NFD round trip, which is most of the cost.
const NEEDS_DECOMPOSITION = /[^ -~]/;

export function foldText(text: string): string {
  let folded = text.normalize('NFKC').toLowerCase();
  if (NEEDS_DECOMPOSITION.test(folded)) {
    folded = folded
      .normalize('NFD')
      .replace(COMBINING_ACCENTS, '')
      .replace(ARABIC_MARKS, '')
      .normalize('NFC')
      .replace(SPELLED_OUT_CHARS, (char) => SPELLED_OUT[char] ?? char);
  }
  return folded.replace(SEPARATORS, ' ');
}
