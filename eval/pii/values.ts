/**
 * Generators of synthetic personal data in the formats of the 17 languages' countries: every value is made
 * up (valid checksums, invented names and streets), never copied from anywhere. `eval/pii/planted.ts` puts
 * them into sentences.
 */
import type { SupportedLanguage } from '../../functions/core/nlu/languages';

export type Rng = () => number;

export function rng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(next: Rng, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
export const digits = (next: Rng, n: number) =>
  Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
export const letters = (next: Rng, n: number, alphabet = 'ABCDEFGHJKLMNPRSTUVWXYZ') =>
  Array.from({ length: n }, () => pick(next, alphabet.split(''))).join('');

/**
 * The Luhn check digit that completes `body`. Written here rather than taken from the redactor's own
 * checksum (functions/core/analytics): the planted set must not share a bug with the code it measures.
 */
export function luhnDigit(body: string): string {
  for (let check = 0; check < 10; check++) {
    const candidate = body + check;
    let sum = 0;
    let double = false;
    for (let i = candidate.length - 1; i >= 0; i--) {
      let d = Number(candidate[i]);
      if (double) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      double = !double;
    }
    if (sum % 10 === 0) return String(check);
  }
  return '0';
}

function luhnComplete(prefix: string, length: number, next: Rng): string {
  const body = prefix + digits(next, length - prefix.length - 1);
  return body + luhnDigit(body);
}

const CARD_NETWORKS: ReadonlyArray<{ prefixes: string[]; length: number; groups: number[] }> = [
  { prefixes: ['4'], length: 16, groups: [4, 4, 4, 4] }, // Visa
  { prefixes: ['51', '53', '55', '2221', '2720'], length: 16, groups: [4, 4, 4, 4] }, // Mastercard
  { prefixes: ['34', '37'], length: 15, groups: [4, 6, 5] }, // Amex
  { prefixes: ['3528', '3530', '3566', '3589'], length: 16, groups: [4, 4, 4, 4] }, // JCB
  { prefixes: ['6011', '65'], length: 16, groups: [4, 4, 4, 4] }, // Discover
  { prefixes: ['62'], length: 16, groups: [4, 4, 4, 4] }, // UnionPay
  { prefixes: ['36', '38'], length: 14, groups: [4, 6, 4] }, // Diners
  { prefixes: ['2200', '2204'], length: 16, groups: [4, 4, 4, 4] }, // Mir
  { prefixes: ['6759', '5018'], length: 16, groups: [4, 4, 4, 4] }, // Maestro
  { prefixes: ['60', '8172'], length: 16, groups: [4, 4, 4, 4] }, // RuPay
  { prefixes: ['9792'], length: 16, groups: [4, 4, 4, 4] }, // Troy
];

export function card(next: Rng): string {
  const network = pick(next, CARD_NETWORKS);
  const number = luhnComplete(pick(next, network.prefixes), network.length, next);
  const separator = pick(next, [' ', '-', '', ' ']);
  if (!separator) return number;
  const parts: string[] = [];
  let at = 0;
  for (const size of network.groups) {
    parts.push(number.slice(at, at + size));
    at += size;
  }
  return parts.join(separator);
}

const IBAN_FORMATS: Readonly<Record<string, string>> = {
  DE: '18n',
  FR: '10n11c2n',
  ES: '20n',
  IT: '1a10n12c',
  PT: '21n',
  NL: '4a10n',
  PL: '24n',
  TR: '5n1n16c',
  SA: '2n18c',
  GB: '4a14n',
  BE: '12n',
  AT: '16n',
  CH: '5n12c',
  AE: '3n16n',
  RU: '9n5n15c',
  EG: '25n',
};

export function iban(next: Rng, country: string): string {
  const format = IBAN_FORMATS[country] ?? IBAN_FORMATS.DE ?? '18n';
  let bban = '';
  for (const [, count, type] of format.matchAll(/(\d+)([nac])/g)) {
    const n = Number(count);
    bban +=
      type === 'n'
        ? digits(next, n)
        : type === 'a'
          ? letters(next, n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
          : Array.from({ length: n }, () =>
              pick(next, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')),
            ).join('');
  }
  const numeric = `${bban + country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const d of numeric) remainder = (remainder * 10 + Number(d)) % 97;
  const check = String(98 - remainder).padStart(2, '0');
  const compact = country + check + bban;
  const style = pick(next, ['groups', 'compact', 'groups', 'odd']);
  if (style === 'compact') return compact;
  if (style === 'odd') return compact.replace(/(.{6})(.{5})/, '$1 $2 ');
  return compact.replace(/(.{4})/g, '$1 ').trim();
}

/** Phone numbers as people write them, national and international. */
const PHONE_FORMATS: Readonly<Record<SupportedLanguage, ReadonlyArray<(n: Rng) => string>>> = {
  en: [
    (n) =>
      `(${digits(n, 0)}${pick(n, ['212', '415', '646'])}) ${2 + Math.floor(n() * 7)}${digits(n, 2)}-${digits(n, 4)}`,
    (n) => `07${digits(n, 3)} ${digits(n, 6)}`,
    (n) => `+44 7${digits(n, 3)} ${digits(n, 6)}`,
    (n) => `${pick(n, ['98', '97', '88', '70'])}${digits(n, 3)} ${digits(n, 5)}`,
    (n) => `+1 ${pick(n, ['212', '415'])} ${2 + Math.floor(n() * 7)}${digits(n, 2)} ${digits(n, 4)}`,
  ],
  es: [
    (n) => `6${digits(n, 2)} ${digits(n, 3)} ${digits(n, 3)}`,
    (n) => `+34 6${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)}`,
    (n) => `55 ${digits(n, 4)} ${digits(n, 4)}`,
    (n) => `+52 1 55 ${digits(n, 4)} ${digits(n, 4)}`,
  ],
  fr: [
    (n) => `06 ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)}`,
    (n) => `+33 7 ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)}`,
    (n) => `06.${digits(n, 2)}.${digits(n, 2)}.${digits(n, 2)}.${digits(n, 2)}`,
  ],
  de: [
    (n) => `0151 ${digits(n, 8)}`,
    (n) => `030/${digits(n, 7)}`,
    (n) => `+49 171 ${digits(n, 7)}`,
    (n) => `0176-${digits(n, 8)}`,
  ],
  it: [
    (n) => `3${digits(n, 2)} ${digits(n, 3)} ${digits(n, 4)}`,
    (n) => `3${digits(n, 9)}`,
    (n) => `+39 3${digits(n, 2)} ${digits(n, 7)}`,
    (n) => `06 ${digits(n, 8)}`,
  ],
  pt: [
    (n) => `9${pick(n, ['1', '2', '3', '6'])}${digits(n, 1)} ${digits(n, 3)} ${digits(n, 3)}`,
    (n) => `+351 9${digits(n, 2)} ${digits(n, 3)} ${digits(n, 3)}`,
    (n) => `(11) 9${digits(n, 4)}-${digits(n, 4)}`,
    (n) => `+55 11 9${digits(n, 4)}-${digits(n, 4)}`,
  ],
  nl: [
    (n) => `06-${digits(n, 8)}`,
    (n) => `06 ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)}`,
    (n) => `+31 6 ${digits(n, 8)}`,
  ],
  pl: [
    (n) => `${pick(n, ['5', '6', '7', '8'])}${digits(n, 2)} ${digits(n, 3)} ${digits(n, 3)}`,
    (n) => `+48 ${pick(n, ['5', '6', '7'])}${digits(n, 2)} ${digits(n, 3)} ${digits(n, 3)}`,
    (n) => `${pick(n, ['5', '6', '7'])}${digits(n, 2)}-${digits(n, 3)}-${digits(n, 3)}`,
  ],
  ru: [
    (n) => `8 (9${digits(n, 2)}) ${digits(n, 3)}-${digits(n, 2)}-${digits(n, 2)}`,
    (n) => `+7 9${digits(n, 2)} ${digits(n, 3)}-${digits(n, 2)}-${digits(n, 2)}`,
    (n) => `89${digits(n, 9)}`,
  ],
  tr: [
    (n) => `05${digits(n, 2)} ${digits(n, 3)} ${digits(n, 2)} ${digits(n, 2)}`,
    (n) => `+90 5${digits(n, 2)} ${digits(n, 3)} ${digits(n, 4)}`,
    (n) => `05${digits(n, 9)}`,
  ],
  ar: [
    (n) => `05${digits(n, 1)} ${digits(n, 3)} ${digits(n, 4)}`,
    (n) => `+966 5${digits(n, 1)} ${digits(n, 3)} ${digits(n, 4)}`,
    (n) => `010${digits(n, 8)}`,
    (n) => `+971 50 ${digits(n, 3)} ${digits(n, 4)}`,
  ],
  zh: [
    (n) => `1${pick(n, ['3', '5', '8'])}${digits(n, 9)}`,
    (n) => `1${pick(n, ['3', '8'])}${digits(n, 1)} ${digits(n, 4)} ${digits(n, 4)}`,
    (n) => `+86 1${pick(n, ['3', '5'])}${digits(n, 1)} ${digits(n, 4)} ${digits(n, 4)}`,
  ],
  ja: [
    (n) => `090-${digits(n, 4)}-${digits(n, 4)}`,
    (n) => `080${digits(n, 8)}`,
    (n) => `03-${digits(n, 4)}-${digits(n, 4)}`,
    (n) => `+81 90 ${digits(n, 4)} ${digits(n, 4)}`,
  ],
  ko: [
    (n) => `010-${digits(n, 4)}-${digits(n, 4)}`,
    (n) => `010${digits(n, 8)}`,
    (n) => `+82 10 ${digits(n, 4)} ${digits(n, 4)}`,
    (n) => `02-${digits(n, 3)}-${digits(n, 4)}`,
  ],
  id: [
    (n) => `08${digits(n, 2)}-${digits(n, 4)}-${digits(n, 4)}`,
    (n) => `08${digits(n, 9)}`,
    (n) => `+62 8${digits(n, 2)} ${digits(n, 4)} ${digits(n, 4)}`,
  ],
  vi: [
    (n) => `09${digits(n, 1)} ${digits(n, 3)} ${digits(n, 4)}`,
    (n) => `0${pick(n, ['3', '7', '9'])}${digits(n, 8)}`,
    (n) => `+84 9${digits(n, 1)} ${digits(n, 3)} ${digits(n, 4)}`,
  ],
  th: [
    (n) => `08${digits(n, 1)}-${digits(n, 3)}-${digits(n, 4)}`,
    (n) => `0${pick(n, ['6', '8', '9'])}${digits(n, 8)}`,
    (n) => `+66 8${digits(n, 1)} ${digits(n, 3)} ${digits(n, 4)}`,
  ],
};

export const phone = (next: Rng, lang: SupportedLanguage) => pick(next, PHONE_FORMATS[lang])(next);

const COUNTRY: Readonly<Record<SupportedLanguage, string>> = {
  en: 'GB',
  es: 'ES',
  fr: 'FR',
  de: 'DE',
  it: 'IT',
  pt: 'PT',
  nl: 'NL',
  pl: 'PL',
  ru: 'RU',
  tr: 'TR',
  ar: 'SA',
  zh: 'DE',
  ja: 'GB',
  ko: 'AT',
  id: 'NL',
  vi: 'FR',
  th: 'CH',
};
export const countryOf = (lang: SupportedLanguage) => COUNTRY[lang];

function dni(next: Rng): string {
  const number = digits(next, 8);
  return number + 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(number) % 23];
}

function chineseId(next: Rng): string {
  const body = `1101${digits(next, 2)}19${pick(next, ['78', '85', '92'])}0${1 + Math.floor(next() * 9)}1${Math.floor(next() * 9)}${digits(next, 3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (weights[i] ?? 0);
  return body + '10X98765432'.charAt(sum % 11);
}

/** National id shapes per language's main country. */
const NATIONAL_IDS: Readonly<Record<SupportedLanguage, ReadonlyArray<(n: Rng) => string>>> = {
  en: [
    (n) =>
      `${1 + Math.floor(n() * 8)}${digits(n, 2)}-${10 + Math.floor(n() * 89)}-${1000 + Math.floor(n() * 8999)}`,
    (n) =>
      `${pick(n, ['AB', 'JG', 'PR'])} ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)} ${pick(n, ['A', 'B', 'C'])}`,
    (n) => `${2 + Math.floor(n() * 7)}${digits(n, 3)} ${digits(n, 4)} ${digits(n, 4)}`,
  ],
  es: [
    dni,
    (n) =>
      `X${digits(n, 7)}`.replace(/^X(\d{7})$/, (_, d) => `X${d}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(d) % 23]}`),
  ],
  fr: [
    (n) =>
      `${pick(n, ['1', '2'])} ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 2)} ${digits(n, 3)} ${digits(n, 3)} ${digits(n, 2)}`,
  ],
  de: [(n) => `L${letters(n, 1, 'CFGHJKLMNPRTVWXYZ')}${digits(n, 7)}`],
  it: [
    (n) =>
      `${letters(n, 6)}${digits(n, 2)}${pick(n, ['A', 'B', 'C', 'D', 'E', 'H'])}${digits(n, 2)}${letters(n, 1)}${digits(n, 3)}${letters(n, 1)}`,
  ],
  pt: [
    (n) => `${digits(n, 3)}.${digits(n, 3)}.${digits(n, 3)}-${digits(n, 2)}`,
    (n) => `${digits(n, 8)} ${digits(n, 1)} ${letters(n, 2)}${digits(n, 1)}`,
  ],
  nl: [(n) => digits(n, 9)],
  pl: [(n) => `${pick(n, ['85', '90', '02'])}${digits(n, 9)}`],
  ru: [(n) => `${digits(n, 2)} ${digits(n, 2)} ${digits(n, 6)}`],
  tr: [(n) => `${1 + Math.floor(n() * 9)}${digits(n, 10)}`],
  ar: [(n) => `1${digits(n, 9)}`],
  zh: [chineseId],
  ja: [(n) => digits(n, 12)],
  ko: [
    (n) =>
      `${pick(n, ['85', '90', '01'])}${pick(n, ['01', '07', '11'])}${pick(n, ['03', '15', '28'])}-${pick(n, ['1', '2', '3', '4'])}${digits(n, 6)}`,
  ],
  id: [(n) => `3${digits(n, 15)}`],
  vi: [(n) => `0${digits(n, 11)}`],
  th: [(n) => `1${digits(n, 12)}`],
};

export const nationalId = (next: Rng, lang: SupportedLanguage) => pick(next, NATIONAL_IDS[lang])(next);

const PASSPORTS: Readonly<Record<SupportedLanguage, (n: Rng) => string>> = {
  en: (n) => digits(n, 9),
  es: (n) => `${letters(n, 3)}${digits(n, 6)}`,
  fr: (n) => `${digits(n, 2)}${letters(n, 2)}${digits(n, 5)}`,
  de: (n) => `C${letters(n, 1, 'CFGHJK')}${digits(n, 2)}${letters(n, 1, 'LMNPRTVWXYZ')}${digits(n, 4)}`,
  it: (n) => `${letters(n, 2)}${digits(n, 7)}`,
  pt: (n) => `${letters(n, 1)}${digits(n, 6)}`,
  nl: (n) => `${letters(n, 2)}${letters(n, 1)}${digits(n, 6)}`,
  pl: (n) => `${letters(n, 2)}${digits(n, 7)}`,
  ru: (n) => `${digits(n, 2)} ${digits(n, 7)}`,
  tr: (n) => `U${digits(n, 8)}`,
  ar: (n) => `${letters(n, 1)}${digits(n, 7)}`,
  zh: (n) => `E${digits(n, 8)}`,
  ja: (n) => `${letters(n, 2)}${digits(n, 7)}`,
  ko: (n) => `M${digits(n, 8)}`,
  id: (n) => `${letters(n, 1)}${digits(n, 7)}`,
  vi: (n) => `${letters(n, 1)}${digits(n, 7)}`,
  th: (n) => `${letters(n, 2)}${digits(n, 7)}`,
};

export const passport = (next: Rng, lang: SupportedLanguage) => PASSPORTS[lang](next);
