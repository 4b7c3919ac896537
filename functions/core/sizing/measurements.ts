import { extractEntities, type Span } from '../nlu/entities';

/** What a size chart can be read against; all metric, whatever unit the shopper wrote. */
export interface BodyMeasurements {
  heightCm?: number;
  weightKg?: number;
  chestCm?: number;
  /** Length of the foot, heel to longest toe. */
  footCm?: number;
}

export type Dimension = keyof BodyMeasurements;

export interface MeasurementRejection {
  dimension: Dimension;
  value: number;
  reason: 'below_plausible' | 'above_plausible';
  min: number;
  max: number;
}

export interface ReadMeasurements {
  body: BodyMeasurements;
  rejected: MeasurementRejection[];
}

/**
 * Adult ranges. A value outside them is far more often a typo, a unit mix-up ("75" meant as inches) or a
 * child's size than a real adult, and advising on it would send the wrong size.
 */
export const PLAUSIBLE: Readonly<Record<Dimension, readonly [number, number]>> = {
  heightCm: [100, 230],
  weightKg: [30, 250],
  chestCm: [60, 170],
  footCm: [15, 35],
};

const KG_PER_STONE = 6.35029318;
const KG_PER_POUND = 0.45359237;

// NFKC leaves Arabic-Indic and Persian digits alone, and Arabic shoppers often type them.
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\u066B]/g;

function westernDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (char) => {
    if (char === '\u066B') return '.';
    const code = char.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

// extractEntities has no stone; British shoppers write "11st 6lb", "11 st 6" or "12 stone".
const STONE =
  /(?<![\p{N}.,])(\d{1,2})\s*(st|stone|stones)(?![A-Za-z])(?:\s*(\d{1,2}(?:[.,]\d)?)(?![\d.,]|\s*['’′])\s*(?:lbs?|pounds?)?(?![A-Za-z0-9]))?/giu;

const CHEST_WORD =
  'chest|bust|pecho|busto|contorno de pecho|poitrine|tour de poitrine|brustumfang|brust|petto|torace|circonferenza petto|peito|borstomvang|borst|obwód klatki|klatka|klatki|обхват груди|грудь|груди|göğüs|صدر|محيط الصدر|胸围|胸圍|バスト|胸囲|가슴둘레|가슴|lingkar dada|dada|vòng ngực|ngực|รอบอก|อก';
const CHEST = new RegExp(
  `(?<![A-Za-z])(?:${CHEST_WORD})\\s*[:=]?\\s*(\\d{2,3}(?:[.,]\\d)?)\\s*(cm|cms|см|厘米|公分|センチ|센티|ซม\\.?|سم|in|inch(?:es)?|"|″)?(?![A-Za-z])`,
  'giu',
);

/** A foot is the only body length under 40 cm anyone gives a shop; shoe charts in Asia use millimetres. */
const FOOT =
  /(?<![\p{N}.,])(\d{2}(?:[.,]\d)?|\d{3})\s*(cm|mm|см|мм|厘米|公分|毫米|センチ|㎝|㎜|센티|밀리|ซม\.?|มม\.?|سم)(?![A-Za-z])/giu;

const UNSPACED_BEFORE_DIGIT =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])(?=\d)/gu;

function decimal(value: string | undefined): number {
  return Number((value ?? '').replace(',', '.'));
}

function spanOf(match: RegExpMatchArray): Span {
  const start = match.index ?? 0;
  return { start, end: start + match[0].length };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Reads height, weight, chest and foot length in any unit the shopper used. Heights and weights come from
 * the shared entity extractor (cm, m, ft-in, kg, lb, jin, 17 languages); stone, chest and foot length are
 * read here because the extractor does not know them.
 */
export function readBodyMeasurements(text: string): ReadMeasurements {
  // The extractor wants a non-alphanumeric after a unit, and "180公分75公斤" has none between the two.
  const source = westernDigits(text.normalize('NFKC')).replace(UNSPACED_BEFORE_DIGIT, '$1 ');
  const entities = extractEntities(source);
  const taken: Span[] = [];

  const stones: Array<Span & { kg: number }> = [];
  for (const match of source.matchAll(STONE)) {
    const value = decimal(match[1]);
    const bareSt = /^\d+st/i.test(match[0]);
    // "21st" with nothing after it is a date or a rank, not a weight; 11 is "11th", so "11st" is stone.
    if (bareSt && match[3] === undefined && value % 10 === 1 && value !== 11) continue;
    const pounds = decimal(match[3] ?? '0');
    stones.push({ ...spanOf(match), kg: round1(value * KG_PER_STONE + pounds * KG_PER_POUND) });
  }
  taken.push(...stones);

  const chests: Array<Span & { cm: number }> = [];
  for (const match of source.matchAll(CHEST)) {
    const unit = (match[2] ?? '').toLowerCase();
    const value = decimal(match[1]);
    // No adult chest is under 60 cm, and US shoppers give the chest in inches without saying so.
    const inches =
      unit === 'in' || unit.startsWith('inch') || unit === '"' || unit === '″' || (!unit && value < 60);
    chests.push({ ...spanOf(match), cm: round1(value * (inches ? 2.54 : 1)) });
  }
  taken.push(...chests);

  const feet: Array<Span & { cm: number }> = [];
  for (const match of source.matchAll(FOOT)) {
    const span = spanOf(match);
    if (taken.some((other) => overlaps(span, other))) continue;
    const unit = (match[2] ?? '').toLowerCase();
    const millimetres = /^(mm|мм|毫米|㎜|밀리|มม)/.test(unit);
    const cm = decimal(match[1]) / (millimetres ? 10 : 1);
    if (cm >= 15 && cm <= 35) feet.push({ ...span, cm: round1(cm) });
  }

  const free = (span: Span) => !taken.some((other) => overlaps(span, other));
  const height = entities.heights.find(free)?.cm;
  const weight = stones[0]?.kg ?? entities.weights.find(free)?.kg;
  return checkBody({ heightCm: height, weightKg: weight, chestCm: chests[0]?.cm, footCm: feet[0]?.cm });
}

/**
 * Keeps the plausible measurements and names the others, so the reply can ask again instead of advising
 * on a typo. Use it on numbers from any source, including a model's tool input.
 */
export function checkBody(input: BodyMeasurements): ReadMeasurements {
  const body: BodyMeasurements = {};
  const rejected: MeasurementRejection[] = [];
  for (const dimension of Object.keys(PLAUSIBLE) as Dimension[]) {
    const value = input[dimension];
    if (value === undefined || !Number.isFinite(value)) continue;
    const [min, max] = PLAUSIBLE[dimension];
    if (value < min) rejected.push({ dimension, value, reason: 'below_plausible', min, max });
    else if (value > max) rejected.push({ dimension, value, reason: 'above_plausible', min, max });
    else body[dimension] = value;
  }
  return { body, rejected };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
