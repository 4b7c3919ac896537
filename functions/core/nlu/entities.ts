import { findOrdinal } from './ordinals';

export interface Span {
  start: number;
  end: number;
}

export interface HeightEntity extends Span {
  cm: number;
}

export interface WeightEntity extends Span {
  kg: number;
}

export type SizeSystem = 'EU' | 'US' | 'UK' | 'letter' | 'number';

export interface SizeEntity extends Span {
  system: SizeSystem;
  value: string;
}

export interface OrderIdEntity extends Span {
  /** Upper-cased, without a leading '#', as the order tools expect. */
  orderId: string;
}

export interface Entities {
  orderIds: OrderIdEntity[];
  emails: Array<Span & { email: string }>;
  heights: HeightEntity[];
  weights: WeightEntity[];
  sizes: SizeEntity[];
  /** Which of several listed things the shopper picks: 1 for the first, -1 for the last. */
  ordinal?: number;
}

const CM_PER_INCH = 2.54;
const KG_PER_POUND = 0.45359237;

const URL = /https?:\/\/\S+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;

// Units in the 17 languages; Latin-only look-arounds because Hangul or Han often follows a unit directly.
const CM_UNIT =
  'cm|cms|cent[ií]metros?|centimet(?:er|re)s?|centim[eè]tres?|zentimeter|centimetri|см|厘米|公分|センチ|㎝|센티미터|센티|센치|ซม\\.?|เซนติเมตร|سم';
const M_UNIT = 'm|metros?|meters?|metres?|m[eè]tres?|metri|metro|м|米|メートル|미터|เมตร|متر';
const FOOT_UNIT =
  "'|’|′|ft\\.?|feet|foot|pies?|pieds?|fu[ßs]s?|piedi|p[ée]s|voet|st[óo]p|футов|фута|фут|フィート|피트|英尺|呎|ฟุต|قدم";
const INCH_UNIT =
  "\"|”|″|''|’’|in\\.?|inch(?:es)?|pulgadas?|pouces?|zoll|pollici|polegadas?|duim|cali|дюйм\\p{L}*|インチ|인치|英寸|吋|นิ้ว|إنش|بوصة";
const KG_UNIT =
  'kg|kgs|kilos?|kilogram(?:s|mes|os|mi|ów|m)?|кг|公斤|千克|キロ|㎏|킬로그램|킬로|กก\\.?|กิโลกรัม|กิโล|كغ|كجم|كيلو';
const LB_UNIT = 'lbs?|pounds?|libras?|livres?|pfund|funt(?:ów|y)?|фунт\\p{L}*|ポンド|파운드|磅|ปอนด์|رطل';
const NO_LATIN_AFTER = '(?![\\p{Script=Latin}\\p{M}0-9])';
const NO_NUMBER_BEFORE = '(?<![\\p{N}.,])';

const FEET_INCHES = new RegExp(
  `${NO_NUMBER_BEFORE}(?<![A-Za-z])([4-7])\\s*(?:${FOOT_UNIT})\\s*(?:(\\d{1,2}(?:[.,]5)?)\\s*(?:${INCH_UNIT})?)?${NO_LATIN_AFTER}`,
  'giu',
);
const METRES_AND_CM = new RegExp(
  `${NO_NUMBER_BEFORE}([12])\\s*(?:${M_UNIT})\\s*(\\d{1,2})${NO_LATIN_AFTER}`,
  'giu',
);
const DECIMAL_METRES = new RegExp(
  `${NO_NUMBER_BEFORE}([12][.,]\\d{1,2})\\s*(?:${M_UNIT})${NO_LATIN_AFTER}`,
  'giu',
);
const CENTIMETRES = new RegExp(
  `${NO_NUMBER_BEFORE}(\\d{2,3}(?:[.,]\\d)?)\\s*(?:${CM_UNIT})${NO_LATIN_AFTER}`,
  'giu',
);
const HEIGHT_CONTEXT =
  /(?<![A-Za-z])(?:height|tall|altura|mido|mesure|je fais|ich bin|sono alto|sono alta|alto|alta|tenho|lengte|ik ben|wzrost|mam|рост|boyum|طولي|身高|身長|키|tinggi|tinggi badan|cao|สูง)(?:は|が|是|有|는|가)?\s*[:=]?\s*(\d{3}|[12][.,]\d{1,2})(?!\d|[.,]\d)/giu;

const KILOGRAMS = new RegExp(
  `${NO_NUMBER_BEFORE}(\\d{1,3}(?:[.,]\\d)?)\\s*(?:${KG_UNIT})${NO_LATIN_AFTER}`,
  'giu',
);
const POUNDS = new RegExp(
  `${NO_NUMBER_BEFORE}(\\d{2,3}(?:[.,]\\d)?)\\s*(?:${LB_UNIT})${NO_LATIN_AFTER}`,
  'giu',
);
/** Chinese shoppers give weight in jin (half a kilogram). */
const JIN = /(?<![\p{N}.,])(\d{2,3})\s*斤/gu;
const WEIGHT_CONTEXT =
  /(?<![A-Za-z])(?:weight|weigh|peso|pes[oe]|p[eè]se|wiege|gewicht|weeg|ważę|waga|вес|kilom|وزني|体重|몸무게|berat|berat badan|nặng|หนัก)(?:は|が|是|有|는|가)?\s*[:=]?\s*(\d{2,3}(?:[.,]\d)?)(?!\d|[.,]\d)/giu;

const SIZE_SYSTEM = /(?<![A-Za-z0-9])(EU|EUR|eu|US|UK|uk)\s*(\d{1,2}(?:[.,]5)?)(?![\d.,])/gu;
const LETTER_SIZES = 'xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl';
const SIZE_WORD =
  'size|talla|taille|pointure|gr[öo]ße|gr[öo]sse|taglia|tamanho|maat|rozmiar|размер|beden|numara|مقاس|尺码|尺寸|サイズ|사이즈|ukuran|ไซส์|เบอร์';
const SIZE_AFTER_WORD = new RegExp(
  `(?:${SIZE_WORD})\\s*[:]?\\s*(\\d{1,2}(?:[.,]5)?|${LETTER_SIZES})${NO_LATIN_AFTER}`,
  'giu',
);
const SIZE_BEFORE_WORD = /(?<![\p{N}.,])(\d{2}(?:\.5)?)\s*(?:码|碼)/gu;
// Any Latin letter, accented or not, around it makes a capital part of a word: the "L" of Vietnamese "Làm".
const LETTER_SIZE_ALONE =
  /(?<![\p{Script=Latin}\p{M}0-9])(XXS|XS|S|M|L|XL|XXL|XXXL|[2-5]XL)(?![\p{Script=Latin}\p{M}0-9])/gu;

const ORDER_TOKEN = /(?<![A-Za-z0-9_-])(#?)([A-Za-z0-9][A-Za-z0-9-]{1,38}[A-Za-z0-9])(?![A-Za-z0-9_-])/gu;
/** Words that make a bare number an order number: "order 1234", "pedido nº 5521", "订单号 88231". */
const ORDER_CONTEXT =
  /(?<![A-Za-z])(?:order|orders|pedido|commande|bestellung|bestellnummer|auftrag|ordine|encomenda|bestelling|zam[óo]wieni[ea]|заказ\p{L}*|sipari[şs]\p{L}*|طلب|الطلب|订单|訂單|注文|주문|pesanan|đơn hàng|đơn|คำสั่งซื้อ|number|no\.?|nr\.?|n[º°]|n[úu]mero|num[ée]ro|nummer|номер|番号|号码|번호|رقم|nomor|số|หมายเลข)\s*(?:number|no\.?|nr\.?|n[º°]|n[úu]mero|num[ée]ro|nummer|numero|номер|番号|号|号码|번호|numarası|رقم|nomor|số|หมายเลข)?\s*[:#]?\s*$/iu;

type Claim = (span: Span) => boolean;

export function extractEntities(text: string): Entities {
  const source = text.normalize('NFKC');
  const claimed: Span[] = [];
  const claim: Claim = (span) => {
    if (claimed.some((other) => span.start < other.end && other.start < span.end)) return false;
    claimed.push(span);
    return true;
  };
  // Most messages hold no digit and no '@'; skipping the patterns that need one keeps training fast.
  const hasDigit = /\d/.test(source);
  const hasAt = source.includes('@');
  if (source.includes('://')) for (const match of source.matchAll(URL)) claim(spanOf(match));
  const emails = hasAt ? collect(source, EMAIL, claim, (match) => ({ email: match[0].toLowerCase() })) : [];
  const heights = hasDigit ? extractHeights(source, claim) : [];
  const weights = hasDigit ? extractWeights(source, claim) : [];
  const sizes = extractSizes(source, claim);
  const orderIds = hasDigit ? extractOrderIds(source, claim) : [];
  const ordinal = findOrdinal(source);
  return { orderIds, emails, heights, weights, sizes, ...(ordinal === undefined ? {} : { ordinal }) };
}

/** Every entity span of the text, ordered; the classifier replaces them with placeholders. */
export function entitySpans(entities: Entities): Array<Span & { kind: string }> {
  return [
    ...entities.orderIds.map((span) => ({ ...span, kind: 'orderid' })),
    ...entities.emails.map((span) => ({ ...span, kind: 'email' })),
    ...entities.heights.map((span) => ({ ...span, kind: 'height' })),
    ...entities.weights.map((span) => ({ ...span, kind: 'weight' })),
    ...entities.sizes.map((span) => ({ ...span, kind: 'size' })),
  ].sort((a, b) => a.start - b.start);
}

function spanOf(match: RegExpMatchArray): Span {
  const start = match.index ?? 0;
  return { start, end: start + match[0].length };
}

function collect<T>(
  source: string,
  pattern: RegExp,
  claim: Claim,
  read: (match: RegExpMatchArray) => T | undefined,
): Array<T & Span> {
  const found: Array<T & Span> = [];
  for (const match of source.matchAll(pattern)) {
    const value = read(match);
    if (value === undefined) continue;
    const span = spanOf(match);
    if (claim(span)) found.push({ ...value, ...span });
  }
  return found;
}

function decimal(value: string | undefined): number {
  return Number((value ?? '').replace(',', '.'));
}

function plausibleHeight(cm: number): { cm: number } | undefined {
  return cm >= 50 && cm <= 250 ? { cm: Math.round(cm) } : undefined;
}

function plausibleWeight(kg: number): { kg: number } | undefined {
  return kg >= 2 && kg <= 300 ? { kg: Math.round(kg * 10) / 10 } : undefined;
}

function extractHeights(source: string, claim: Claim): HeightEntity[] {
  return [
    ...collect(source, FEET_INCHES, claim, (m) =>
      plausibleHeight(decimal(m[1]) * 12 * CM_PER_INCH + decimal(m[2] ?? '0') * CM_PER_INCH),
    ),
    ...collect(source, METRES_AND_CM, claim, (m) => {
      // "1米8" means 1.80 m, "1m75" means 1.75 m.
      const rest = m[2] ?? '0';
      return plausibleHeight(decimal(m[1]) * 100 + (rest.length === 1 ? decimal(rest) * 10 : decimal(rest)));
    }),
    ...collect(source, DECIMAL_METRES, claim, (m) => plausibleHeight(decimal(m[1]) * 100)),
    ...collect(source, CENTIMETRES, claim, (m) => plausibleHeight(decimal(m[1]))),
    ...collect(source, HEIGHT_CONTEXT, claim, (m) => {
      const value = decimal(m[1]);
      return plausibleHeight(value < 3 ? value * 100 : value);
    }),
  ];
}

function extractWeights(source: string, claim: Claim): WeightEntity[] {
  return [
    ...collect(source, KILOGRAMS, claim, (m) => plausibleWeight(decimal(m[1]))),
    ...collect(source, POUNDS, claim, (m) => plausibleWeight(decimal(m[1]) * KG_PER_POUND)),
    ...collect(source, JIN, claim, (m) => plausibleWeight(decimal(m[1]) / 2)),
    ...collect(source, WEIGHT_CONTEXT, claim, (m) => plausibleWeight(decimal(m[1]))),
  ];
}

function extractSizes(source: string, claim: Claim): SizeEntity[] {
  const systemOf = (label: string): SizeSystem => {
    const upper = label.toUpperCase();
    return upper === 'US' ? 'US' : upper === 'UK' ? 'UK' : 'EU';
  };
  const sizeValue = (raw: string): { system: SizeSystem; value: string } =>
    /^\d/.test(raw) && !/xl$/i.test(raw)
      ? { system: 'number', value: raw.replace(',', '.') }
      : { system: 'letter', value: raw.toUpperCase() };
  return [
    ...collect(source, SIZE_SYSTEM, claim, (m) => ({
      system: systemOf(m[1] ?? ''),
      value: (m[2] ?? '').replace(',', '.'),
    })),
    ...collect(source, SIZE_AFTER_WORD, claim, (m) => sizeValue(m[1] ?? '')),
    ...collect(source, SIZE_BEFORE_WORD, claim, (m) => ({ system: 'number' as const, value: m[1] ?? '' })),
    ...collect(source, LETTER_SIZE_ALONE, claim, (m) => ({ system: 'letter' as const, value: m[1] ?? '' })),
  ].sort((a, b) => a.start - b.start);
}

function extractOrderIds(source: string, claim: Claim): OrderIdEntity[] {
  const found = collect(source, ORDER_TOKEN, claim, (m) => {
    const hash = m[1] === '#';
    const token = m[2] ?? '';
    return looksLikeOrderId(token, hash, source.slice(Math.max(0, (m.index ?? 0) - 40), m.index))
      ? { orderId: token.toUpperCase() }
      : undefined;
  });
  const seen = new Set<string>();
  return found.filter((entity) => !seen.has(entity.orderId) && seen.add(entity.orderId));
}

function looksLikeOrderId(token: string, hash: boolean, before: string): boolean {
  const digits = token.replace(/\D/g, '').length;
  if (digits === 0) return false;
  const hasLetter = /[A-Za-z]/.test(token);
  if (hasLetter && /^[A-Za-z]/.test(token)) return digits >= 3;
  // Digits first ("1Z999..." tracking-style ids) need more digits so "100km" or "2nd" stay out.
  if (hasLetter) return digits >= 5 && token.length >= 6;
  // A bare number ("4412", "2024") is an order id only when it is introduced as one.
  return digits >= 3 && (hash || ORDER_CONTEXT.test(before));
}

/** Words that mark a size as the one being left, "from L" or "instead of L", in the 17 languages. */
const FROM_SIZE_BEFORE =
  /(?:^|[^\p{L}])(?:from|instead of|rather than|de|du|desde|en vez de|en lugar de|au lieu de|von|statt|anstatt|da|dalla|invece di|em vez de|van|in plaats van|z|ze|zamiast|с|со|вместо|dari|bukan|từ|thay vì|من|بدل|بدلا من)\s*$/iu;
const FROM_SIZE_BEFORE_UNSPACED = /(?:从|從|由|จาก|แทน)\s*$/u;
/** Languages that put the marker after the size: Japanese "Lから", Korean "L에서", Turkish "L'den". */
const FROM_SIZE_AFTER = /^\s*(?:から|より|에서|부터|대신|['’]?(?:d|t)[ae]n(?![\p{L}]))/iu;

/**
 * The size a shopper wants when a message names several ("da L a M", "LからMに", "M instead of L"):
 * the last one not marked as the size being left. Undefined when the message names none.
 */
export function wantedSize(text: string, sizes: readonly SizeEntity[]): SizeEntity | undefined {
  const source = text.normalize('NFKC');
  const left = (size: SizeEntity) => {
    const before = source.slice(Math.max(0, size.start - 20), size.start);
    return (
      FROM_SIZE_BEFORE.test(before) ||
      FROM_SIZE_BEFORE_UNSPACED.test(before) ||
      FROM_SIZE_AFTER.test(source.slice(size.end, size.end + 8))
    );
  };
  return sizes.filter((size) => !left(size)).at(-1) ?? sizes.at(-1);
}
