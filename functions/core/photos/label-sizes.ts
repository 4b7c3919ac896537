import type { LabelSize, SizeSystem } from './reading';

/**
 * Sizes printed on a care or shoe label, read from OCR text. Labels print several systems side by side
 * ("EU 44 US 10 UK 9.5 CM 28"), so every one is kept and the comparison picks the system of the order.
 * Regular expressions rather than a parser library: the grammar is a handful of prefixes and numbers,
 * and OCR noise (stray punctuation, "EU44", "44 EUR") is easier to tolerate here than in a grammar.
 */
const SYSTEM_WORDS: Array<[SizeSystem, string]> = [
  ['EU', 'EUR|EU|FR|DE|IT'],
  ['US', 'USA|US'],
  ['UK', 'UK|GB'],
  ['JP', 'JPN|JP'],
  ['CM', 'CM|MM'],
];
const NUMBER = String.raw`(\d{1,3}(?:[.,]\d)?|\d{1,2}\s?(?:1\/2|½))`;
const SEP = String.raw`[\s:.\-=]{0,3}`;

// "Size", "Talla", "尺码", "サイズ", "사이즈"... in the 17 reply languages: what a bare number or letter follows.
const SIZE_WORDS =
  // Cyrillic "РАЗМЕР" as English OCR data reads it: no Russian data package exists on npm.
  'p[a4][3з5s]m[eе]p|size|taille|talla|tama[nñ]o|gr[oö](?:ß|ss)e|taglia|tamanho|maat|rozmiar|beden|размер|مقاس|المقاس|尺码|尺寸|号型|サイズ|사이즈|치수|ขนาด|ไซส์|ukuran|k[ií]ch\\s?c[ỡo]|c[ỡo]';
const LETTER = String.raw`(XXXS|XXS|XS|S|M|L|XL|XXL|XXXL|[2-5]XL)`;

/** OCR reads "XS" as "X5" and "XL" as "X1" or "Xl": only after an X, where no digit belongs. */
function fixLetterMisreads(token: string): string {
  return token.replace(/^(X+)5$/, '$1S').replace(/^(X+)[1I|]$/, '$1L');
}

const LETTER_TOKEN = '(XXXS|XXS|XS|S|M|L|XL|XXL|XXXL|[2-5]XL|X+5|X+[1I|])';

const letterOrder = ['XXXS', 'XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];

function normaliseNumber(raw: string): string {
  const half = /(\d+)\s?(?:1\/2|½)/.exec(raw);
  const value = half ? Number(half[1]) + 0.5 : Number(raw.replace(',', '.'));
  return Number.isInteger(value) ? String(value) : String(value);
}

function normaliseLetter(raw: string): string {
  const upper = fixLetterMisreads(raw.toUpperCase());
  const many = /^([2-5])XL$/.exec(upper);
  return many ? `${'X'.repeat(Number(many[1]))}L` : upper;
}

/** Plausible ranges per system: OCR turns barcodes and prices into numbers too. */
function plausible(system: SizeSystem, value: number): boolean {
  switch (system) {
    case 'EU':
      return value >= 16 && value <= 52;
    case 'US':
    case 'UK':
      return value >= 1 && value <= 16;
    case 'CM':
    case 'JP':
      return value >= 10 && value <= 33;
    default:
      return true;
  }
}

/** Direction marks OCR puts around Latin runs inside right-to-left text (Arabic labels). */
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;

export function readLabelSizes(rawText: string): LabelSize[] {
  const text = rawText.replace(BIDI_MARKS, '');
  const found: LabelSize[] = [];
  const add = (size: LabelSize) => {
    if (!found.some((known) => known.system === size.system && known.value === size.value)) found.push(size);
  };
  const upper = text.normalize('NFKC').toUpperCase();
  for (const [system, words] of SYSTEM_WORDS) {
    // Prefix ("EU 44") or suffix ("44 EU", "28cm") form; letters must not run on ("EUROPE", "USED").
    const prefix = new RegExp(String.raw`(?<![A-Z])(${words})${SEP}${NUMBER}(?![\d])`, 'gu');
    for (const match of upper.matchAll(prefix)) push(system, match[1] ?? '', match[2] ?? '');
    // "28cm", "275 mm", "44 EU": never "50 EUR", which is money.
    if (system !== 'CM' && system !== 'EU') continue;
    const suffixWords = system === 'EU' ? 'EU' : words;
    const suffix = new RegExp(String.raw`(?<![\d.,])${NUMBER}\s?(${suffixWords})(?![A-Z])`, 'gu');
    for (const match of upper.matchAll(suffix)) push(system, match[2] ?? '', match[1] ?? '');
  }
  function push(system: SizeSystem, word: string, number: string) {
    let value = Number(normaliseNumber(number));
    let actual = system;
    // Korean and Chinese shoe labels print millimetres: 275 mm is 27.5 cm.
    if (word === 'MM' || (system === 'CM' && value >= 100)) {
      if (value < 100) return;
      value /= 10;
      actual = 'CM';
    }
    if (!plausible(actual, value)) return;
    add({ system: actual, value: String(value) });
  }
  const sizeWord = new RegExp(
    `(?:${SIZE_WORDS})${SEP}(?:${LETTER_TOKEN}(?![A-Z0-9])|${NUMBER}(?![\\d]))`,
    'giu',
  );
  for (const match of text.normalize('NFKC').matchAll(sizeWord)) {
    if (match[1]) add({ system: 'letter', value: normaliseLetter(match[1]) });
    else if (match[2]) {
      const value = Number(normaliseNumber(match[2]));
      if (value >= 200 && value <= 330) add({ system: 'CM', value: String(value / 10) });
      else if (plausible('EU', value) && value >= 30) add({ system: 'EU', value: String(value) });
    }
  }
  if (!found.some((size) => size.system === 'letter')) {
    // A letter size alone on a line is how many garment labels print it.
    for (const line of text.normalize('NFKC').split(/\r?\n/)) {
      // Alone on its line, after a one-word heading, or after a heading in another script (which OCR
      // often splits into several pieces: "ขน า ด XS").
      const alone = new RegExp(`^\\s*(?:\\S+\\s+|(?:[^\\sA-Za-z0-9]+\\s+)+)?${LETTER_TOKEN}\\s*$`, 'u').exec(
        line.toUpperCase(),
      );
      if (alone?.[1]) add({ system: 'letter', value: normaliseLetter(alone[1]) });
      // A right-to-left heading ("المقاس M") comes out of OCR in visual order: the letter first.
      const beforeHeading = new RegExp(`^\\s*${LETTER_TOKEN}\\s+(?:[^\\sA-Za-z0-9]+\\s*)+$`, 'u').exec(
        line.toUpperCase(),
      );
      if (beforeHeading?.[1]) add({ system: 'letter', value: normaliseLetter(beforeHeading[1]) });
    }
  }
  return found;
}

/** An order line's size ("EU 42", "M", "42", "US 10.5") in the same terms as a label's. */
export function parseOrderedSize(size: string | undefined): LabelSize | undefined {
  if (!size) return undefined;
  const text = size.trim();
  const read = readLabelSizes(text);
  if (read[0]) return read[0];
  if (new RegExp(`^${LETTER}$`, 'iu').test(text)) return { system: 'letter', value: normaliseLetter(text) };
  const bare = /^(\d{1,2}(?:[.,]\d)?)$/.exec(text);
  if (bare?.[1]) {
    const value = Number(bare[1].replace(',', '.'));
    // A bare shoe size in a European store is EU; a bare number under 17 is US/UK and cannot be told apart.
    if (value >= 30) return { system: 'EU', value: String(value) };
  }
  return undefined;
}

export type SizeComparison =
  | { outcome: 'same'; read: LabelSize; ordered: LabelSize }
  | { outcome: 'different'; read: LabelSize; ordered: LabelSize }
  | { outcome: 'not_comparable' };

/** Compares in the order's own system only: conversions between shoe systems vary by brand. */
export function compareWithOrdered(
  sizes: readonly LabelSize[],
  orderedSize: string | undefined,
): SizeComparison {
  const ordered = parseOrderedSize(orderedSize);
  if (!ordered) return { outcome: 'not_comparable' };
  const inSystem = sizes.filter((size) => size.system === ordered.system);
  const read = inSystem[0];
  // A label prints one size per system; two are a misread or text that is not the label's.
  if (!read || inSystem.length > 1) return { outcome: 'not_comparable' };
  return { outcome: read.value === ordered.value ? 'same' : 'different', read, ordered };
}

export function formatSize(size: LabelSize): string {
  return size.system === 'letter' ? size.value : `${size.system} ${size.value}`;
}

export const isLetterSize = (value: string) => letterOrder.includes(normaliseLetter(value));
