import { collectAddresses, collectNames } from './pii-entities';
import { collectIds, luhnValid } from './pii-ids';

export { luhnValid };

/**
 * Pattern-based PII redaction that works in every language and script: it looks only at characters that
 * mean the same everywhere (digits, `@`, `+`, Latin letters of IBANs and email addresses). Full-width
 * forms (０-９, ＠, ＋, …) and Arabic-Indic digits are read as their ASCII equivalents.
 *
 * It errs towards keeping order numbers, tracking numbers, dates, prices, sizes and heights: card numbers
 * must pass Luhn and start like a card, IBANs must pass mod-97, and bare digit runs count as phones only
 * when they look like a national number (a trunk `0`, a Chinese mobile, or an area code in brackets).
 */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'passport' | 'national_id' | 'name' | 'address';

export interface RedactionResult {
  text: string;
  /** Distinct kinds redacted, in order of first appearance. */
  found: PiiKind[];
}

const PLACEHOLDER: Record<PiiKind, string> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  card: '[CARD]',
  iban: '[IBAN]',
  passport: '[PASSPORT]',
  national_id: '[ID]',
  name: '[NAME]',
  address: '[ADDRESS]',
};

/** The placeholders `redactPii` writes. */
export const PATTERN_PLACEHOLDER = /\[(?:EMAIL|PHONE|CARD|IBAN|PASSPORT|ID|NAME|ADDRESS)\]/g;

/** Any redaction placeholder: the pattern ones and entity types from a PII detector (`[NAME]`, `[ADDRESS]`). */
export const PII_PLACEHOLDER = /\[[A-Z][A-Z_]*\]/g;

/** Maps each UTF-16 unit to an ASCII look-alike where one exists; the length never changes. */
function normalise(text: string): string {
  let out = '';
  for (const unit of text) {
    const code = unit.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code >= 0x0660 && code <= 0x0669) out += String.fromCharCode(code - 0x0660 + 48);
    else if (code >= 0x06f0 && code <= 0x06f9) out += String.fromCharCode(code - 0x06f0 + 48);
    else if (code === 0x3000) out += ' ';
    else if (code === 0x2010 || code === 0x2011 || code === 0x2012 || code === 0x2013 || code === 0x2212)
      out += '-';
    else if (code === 0x00a0 || code === 0x202f || code === 0x2009) out += ' ';
    else if (code > 0xffff)
      out += '\u0001\u0001'; // astral characters keep their two units
    else out += unit;
  }
  return out;
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export interface Span {
  start: number;
  end: number;
  kind: PiiKind;
}

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9])/g;

/** A country code and check digits, then up to 30 characters grouped by single spaces or dashes. */
const IBAN_START = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}/gi;

/**
 * IBAN lengths of every country in the SWIFT IBAN registry: a code outside it ("SF12 3456…", a courier's
 * tracking number) is not an IBAN even when mod-97 happens to pass.
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AL: 28,
  AZ: 28,
  BA: 20,
  BI: 27,
  BY: 28,
  CR: 22,
  DJ: 27,
  DO: 28,
  FK: 18,
  FO: 18,
  GE: 22,
  GI: 23,
  GL: 18,
  GT: 28,
  IS: 26,
  LC: 32,
  LY: 25,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MU: 30,
  NI: 28,
  PK: 24,
  PS: 29,
  SC: 31,
  SD: 18,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
  AD: 24,
  AE: 23,
  AT: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MA: 28,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  OM: 23,
  PL: 28,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TN: 24,
  TR: 26,
  UA: 29,
};

/**
 * The IBAN at the start of a candidate, whatever follows it ("DE89 3704 0044 0532 0130 00 please"): the
 * registry length of its country. The length of the match in the candidate, or 0 for none.
 */
function ibanPrefix(candidate: string): number {
  const compact: number[] = [];
  for (let i = 0; i < candidate.length; i++) if (/[A-Za-z0-9]/.test(candidate.charAt(i))) compact.push(i);
  const chars = compact
    .map((i) => candidate.charAt(i))
    .join('')
    .toUpperCase();
  const length = IBAN_LENGTHS[chars.slice(0, 2)];
  if (!length || length > chars.length || !ibanValid(chars.slice(0, length))) return 0;
  // The country's length can end anywhere ("…3000bitte").
  return (compact[length - 1] ?? 0) + 1;
}

/** 13–19 digits, optionally grouped by single spaces, dots or dashes. */
const CARD = /(?<![A-Za-z0-9.,#/-])\d(?:[ .-]?\d){12,18}(?![A-Za-z0-9]|[.,/-]\d)/g;

/**
 * A card's issuer prefixes: Visa 4, Mastercard 51-55 and 2221-2720, Amex 34/37, Diners 30/36/38/39, JCB
 * 3528-3589, Discover/UnionPay/Maestro/Elo/Verve 5[06-9] and 6, Mir 2200-2204, RuPay 60/65/81/82/508,
 * Troy 9792.
 */
const CARD_PREFIX = /^(?:4|5[0-9]|2[2-7]|3[0456789]|6|8[12]|9792)/;

/** `+` or `00` then a country code and groups separated by spaces, dots, dashes or brackets. */
const INTERNATIONAL_PHONE =
  /(?<![A-Za-z0-9+])(?:\+|00)\s?\(?\d{1,4}\)?(?:[ .-]?\(?\d{1,5}\)?){1,6}(?![A-Za-z0-9]|[.,-]\d)/g;

/**
 * National formats: a trunk `0` (`06 12 34 56 78`, `030/1234567`), a bracketed area code, Chinese mobiles,
 * Spanish-style nine-digit numbers grouped 3-3-3 or 3-2-2-2, and NANP `555-123-4567`.
 */
const NATIONAL_PHONE =
  /(?<![A-Za-z0-9+#.,/-])(?:\(\d{2,5}\)[ .-]?\d{2,5}(?:[ .-]?\d{2,4}){1,3}|0\d{1,4}(?:[ .-]?\d{2,4}){2,4}|0\d{2,4}\/\d{3,8}|0\d{8,11}|8[ -]?\(?9\d{2}\)?[ -]?\d{3}(?:[ -]?\d{2}){2}|1[3-9]\d(?:[ -]?\d{4}){2}|[4-9]\d{2}(?:[ .-]\d{3}){2}|[4-9]\d{2}(?:[ .-]\d{2}){3}|3\d{2}[ .-]?\d{3}[ .-]?\d{3,4}|[6-9]\d{4}[ -]\d{5}|[1-9]\d[ .-]\d{4}[ .-]\d{4}|[2-9]\d{2}[ .-]\d{3}[ .-]\d{4}|[1-9]\d [1-9]\d{2} \d{2} \d{2}|0 \d{3} \d{3} \d{2} \d{2})(?![A-Za-z0-9]|[.,/:-]\d)/g;

/** Words that announce a phone number, in the 17 languages: after one, any 8-13 digit number is a phone. */
const PHONE_CUE =
  /(?<![\p{L}])(?:phone|mobile|cell|whats ?app|tel(?:ephone|efon|efone|efoon|éfono|éphone)?|handy\p{L}*|portable|móvil|movil|cellulare|celular|telemóvel|mobiel|komórk\p{L}*|телефон\p{L}*|тел\.?|cep|هاتف\p{L}*|جوال\p{L}*|رقمي|رقم الهاتف|电话|手机|電話|携帯|휴대폰|전화\p{L}*|핸드폰|nomor hp|hp|wa|nomor telepon|sđt|số điện thoại|điện thoại|เบอร์\S*|โทร\S*)[\s:：.,-]*(?:(?:number|nummer|numero|número|numéro|номер|numarası?|là|is|es|est|ist|è|é|to|\p{L}{1,5})[\s:：]*)?$/iu;

const CUED_NUMBER = /(?<![A-Za-z0-9])\+?\d(?:[ .()/-]{0,2}\d){7,12}(?![A-Za-z0-9]|[.,/:-]\d)/g;

/**
 * Words after which a number is the shop's, not the shopper's: order, tracking, invoice and product
 * references. Analytics joins on order and tracking numbers, so a phone-shaped one must survive.
 */
const REFERENCE_CUE =
  /(?<![\p{Script=Latin}\p{Script=Cyrillic}])(?:order|orders|invoice|tracking|track|parcel|shipment|model|art|article|part|ref|reference|sku|ean|upc|item|batch|lot|serial|pedido|factura|seguimiento|envío|modelo|referencia|commande|facture|suivi|colis|modèle|bestellung|bestellnummer|rechnung|sendung|sendungsnummer|artikel|ordine|fattura|spedizione|articolo|modello|encomenda|fatura|rastreio|bestelling|factuur|zending|zamówienie|zamówienia|faktura|przesyłk\p{L}*|заказ\p{L}*|счёт|счет|трек|посылк\p{L}*|артикул|модель|sipariş\p{L}*|fatura|kargo|takip|الطلب|طلب|الفاتورة|التتبع|الشحنة|订单|單號|运单|快递|型号|注文|追跡|伝票|型番|주문\p{L}*|운송장|송장|모델|pesanan|faktur|resi|đơn hàng|đơn|vận đơn|mã|คำสั่งซื้อ|พัสดุ|เลขพัสดุ|รุ่น)(?:[\s:：#№.-]*(?:number|no\.?|nr\.?|nº|n°|numéro|número|numero|nummer|номер|numarası|번호|番号|号|رقم|nomor|số|เลขที่))?[\s:：#№.-]*$/iu;

/** Whether the words just before `index` say the number there is a reference (order, tracking, product). */
function referenceAt(text: string, index: number): boolean {
  return REFERENCE_CUE.test(text.slice(Math.max(0, index - 30), index));
}

export function overlaps(spans: Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && end > span.start);
}

export function mask(text: string, spans: Span[]): string {
  let out = text;
  for (const span of spans)
    out = out.slice(0, span.start) + '\u0000'.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}

function collect(
  text: string,
  pattern: RegExp,
  kind: PiiKind,
  spans: Span[],
  accept: (match: string, index: number) => boolean,
): void {
  const masked = mask(text, spans);
  for (const match of masked.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(spans, start, end) || !accept(match[0], start)) continue;
    spans.push({ start, end, kind });
  }
}

function looksLikeDate(value: string): boolean {
  // 2026-11-20, 20.11.2026, 2026 11 20 … (8 digits in 4-2-2 or 2-2-4 groups)
  return /^(?:\d{4}[ .-]\d{1,2}[ .-]\d{1,2}|\d{1,2}[ .-]\d{1,2}[ .-]\d{4})$/.test(value);
}

export function redactPii(text: string): RedactionResult {
  const normalised = normalise(text);
  const spans: Span[] = [];
  collect(normalised, EMAIL, 'email', spans, () => true);
  for (const match of mask(normalised, spans).matchAll(IBAN_START)) {
    const length = ibanPrefix(match[0]);
    if (length > 0 && !overlaps(spans, match.index, match.index + length))
      spans.push({ start: match.index, end: match.index + length, kind: 'iban' });
  }
  collect(normalised, CARD, 'card', spans, (match) => {
    const digits = digitsOf(match);
    return digits.length >= 13 && digits.length <= 19 && CARD_PREFIX.test(digits) && luhnValid(digits);
  });
  collectIds(normalised, spans);
  collect(normalised, INTERNATIONAL_PHONE, 'phone', spans, (match, index) => {
    if (referenceAt(normalised, index)) return false;
    const digits = digitsOf(match);
    const significant = match.trimStart().startsWith('00') ? digits.length - 2 : digits.length;
    return significant >= 8 && significant <= 15;
  });
  collect(normalised, NATIONAL_PHONE, 'phone', spans, (match, index) => {
    if (referenceAt(normalised, index)) return false;
    const digits = digitsOf(match);
    return digits.length >= 9 && digits.length <= 12 && !looksLikeDate(match);
  });
  for (const match of mask(normalised, spans).matchAll(CUED_NUMBER)) {
    const end = match.index + match[0].length;
    const before = normalised.slice(Math.max(0, match.index - 24), match.index);
    if (
      !overlaps(spans, match.index, end) &&
      PHONE_CUE.test(before) &&
      !referenceAt(normalised, match.index) &&
      !looksLikeDate(match[0])
    )
      spans.push({ start: match.index, end, kind: 'phone' });
  }
  collectNames(normalised, spans);
  collectAddresses(normalised, spans);
  if (spans.length === 0) return { text, found: [] };

  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  const found: PiiKind[] = [];
  for (const span of spans) {
    if (span.start < cursor) continue;
    out += text.slice(cursor, span.start) + PLACEHOLDER[span.kind];
    cursor = span.end;
    if (!found.includes(span.kind)) found.push(span.kind);
  }
  return { text: out + text.slice(cursor), found };
}
