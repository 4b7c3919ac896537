/**
 * Pattern-based PII redaction that works in every language and script: it looks only at characters that
 * mean the same everywhere (digits, `@`, `+`, Latin letters of IBANs and email addresses). Full-width
 * forms (０-９, ＠, ＋, …) and Arabic-Indic digits are read as their ASCII equivalents.
 *
 * It errs towards keeping order numbers, tracking numbers, dates, prices, sizes and heights: card numbers
 * must pass Luhn and start like a card, IBANs must pass mod-97, and bare digit runs count as phones only
 * when they look like a national number (a trunk `0`, a Chinese mobile, or an area code in brackets).
 */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban';

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
};

/** The placeholders `redactPii` writes. */
export const PATTERN_PLACEHOLDER = /\[(?:EMAIL|PHONE|CARD|IBAN)\]/g;

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

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

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

interface Span {
  start: number;
  end: number;
  kind: PiiKind;
}

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9])/g;

const IBAN = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])/g;

/** 13–19 digits, optionally grouped by single spaces, dots or dashes. */
const CARD = /(?<![A-Za-z0-9.,#/-])\d(?:[ .-]?\d){12,18}(?![A-Za-z0-9]|[.,/-]\d)/g;

/** A card's issuer prefixes: Visa, Mastercard, Amex, Diners, Discover, JCB, UnionPay, Maestro, Mir. */
const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[47]|3[068]|6|5[06-9])/;

/** `+` or `00` then a country code and groups separated by spaces, dots, dashes or brackets. */
const INTERNATIONAL_PHONE =
  /(?<![A-Za-z0-9+])(?:\+|00)\s?\(?\d{1,4}\)?(?:[ .-]?\(?\d{1,5}\)?){1,6}(?![A-Za-z0-9]|[.,-]\d)/g;

/**
 * National formats: a trunk `0` (`06 12 34 56 78`, `030/1234567`), a bracketed area code, Chinese mobiles,
 * Spanish-style nine-digit numbers grouped 3-3-3 or 3-2-2-2, and NANP `555-123-4567`.
 */
const NATIONAL_PHONE =
  /(?<![A-Za-z0-9+#.,/-])(?:\(\d{2,5}\)[ .-]?\d{2,4}(?:[ .-]?\d{2,4}){1,3}|0\d{1,4}(?:[ .-]?\d{2,4}){2,4}|0\d{2,4}\/\d{3,8}|0\d{8,11}|1[3-9]\d(?:[ -]?\d{4}){2}|[6-9]\d{2}(?:[ .-]\d{3}){2}|[6-9]\d{2}(?:[ .-]\d{2}){3}|[2-9]\d{2}[.-]\d{3}[.-]\d{4})(?![A-Za-z0-9]|[.,/:-]\d)/g;

function overlaps(spans: Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && end > span.start);
}

function mask(text: string, spans: Span[]): string {
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
  accept: (match: string) => boolean,
): void {
  const masked = mask(text, spans);
  for (const match of masked.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(spans, start, end) || !accept(match[0])) continue;
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
  collect(normalised, IBAN, 'iban', spans, ibanValid);
  collect(normalised, CARD, 'card', spans, (match) => {
    const digits = digitsOf(match);
    return digits.length >= 13 && digits.length <= 19 && CARD_PREFIX.test(digits) && luhnValid(digits);
  });
  collect(normalised, INTERNATIONAL_PHONE, 'phone', spans, (match) => {
    const digits = digitsOf(match);
    const significant = match.trimStart().startsWith('00') ? digits.length - 2 : digits.length;
    return significant >= 8 && significant <= 15;
  });
  collect(normalised, NATIONAL_PHONE, 'phone', spans, (match) => {
    const digits = digitsOf(match);
    return digits.length >= 9 && digits.length <= 12 && !looksLikeDate(match);
  });
  if (spans.length === 0) return { text, found: [] };

  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  const found: PiiKind[] = [];
  for (const span of spans) {
    out += text.slice(cursor, span.start) + PLACEHOLDER[span.kind];
    cursor = span.end;
    if (!found.includes(span.kind)) found.push(span.kind);
  }
  return { text: out + text.slice(cursor), found };
}
