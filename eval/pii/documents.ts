/**
 * Generators of made-up passport and national-id numbers as the documents print them, written from the
 * issuing authorities' published formats (not from the other splits): every checksum is computed, every
 * value invented. Used by the `fresh` split (eval/pii/fresh.ts).
 */
import type { SupportedLanguage } from '../../functions/core/nlu/languages';
import { digits, letters, luhnDigit, pick, type Rng } from './values';

const nonZero = (next: Rng) => String(1 + Math.floor(next() * 9));
const two = (n: number) => String(n).padStart(2, '0');
const birth = (next: Rng) => ({
  year: 1950 + Math.floor(next() * 55),
  month: 1 + Math.floor(next() * 12),
  day: 1 + Math.floor(next() * 28),
});

const weighted = (body: string, weights: number[]) =>
  [...body].reduce((sum, d, i) => sum + Number(d) * (weights[i] ?? 0), 0);

export function dni(next: Rng): string {
  const n = digits(next, 8);
  return n + 'TRWAGMYFPDXBNJZSQVHLCKE'.charAt(Number(n) % 23);
}
export function nie(next: Rng): string {
  const prefix = pick(next, ['X', 'Y', 'Z']);
  const n = digits(next, 7);
  const value = Number(String('XYZ'.indexOf(prefix)) + n);
  return prefix + n + 'TRWAGMYFPDXBNJZSQVHLCKE'.charAt(value % 23);
}
export function curp(next: Rng): string {
  const b = birth(next);
  return `${letters(next, 4)}${two(b.year % 100)}${two(b.month)}${two(b.day)}${pick(next, ['H', 'M'])}${pick(next, ['DF', 'JC', 'NL', 'PL'])}${letters(next, 3, 'BCDFGHJKLMNPRSTVZ')}${pick(next, ['0', 'A'])}${digits(next, 1)}`;
}
export function nir(next: Rng): string {
  const b = birth(next);
  const body = `${pick(next, ['1', '2'])}${two(b.year % 100)}${two(b.month)}${two(1 + Math.floor(next() * 95))}${digits(next, 3)}${digits(next, 3)}`;
  const key = 97 - Number(BigInt(body) % 97n);
  return body + two(key);
}
export function steuerId(next: Rng): string {
  // ISO 7064 MOD 11,10 over ten digits, one digit repeated (the BZSt rule) is not enforced here.
  const body = nonZero(next) + digits(next, 9);
  let product = 10;
  for (const d of body) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return body + check;
}
export function germanDocument(next: Rng, first: string): string {
  return first + letters(next, 8, 'CFGHJKLMNPRTVWXYZ0123456789');
}
export function codiceFiscale(next: Rng): string {
  const b = birth(next);
  const body = `${letters(next, 6, 'BCDFGHLMNPRSTVZAEIOU')}${two(b.year % 100)}${'ABCDEHLMPRST'.charAt(b.month - 1)}${two(b.day + (next() < 0.5 ? 40 : 0))}${pick(next, ['H', 'F', 'L', 'A'])}${digits(next, 3)}`;
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  let sum = 0;
  [...body].forEach((char, i) => {
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? (odd[value] ?? 0) : value;
  });
  return body + String.fromCharCode(65 + (sum % 26));
}
export function cpf(next: Rng): string {
  const body = digits(next, 9);
  const d1 = ((weighted(body, [10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  const d2 = ((weighted(body + d1, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  return `${body}${d1}${d2}`;
}
export function nifPt(next: Rng): string {
  const body = pick(next, ['1', '2']) + digits(next, 7);
  const rest = weighted(body, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  return body + (rest < 2 ? 0 : 11 - rest);
}
export function bsn(next: Rng): string {
  for (;;) {
    const body = digits(next, 8);
    const rest = weighted(body, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    if (rest !== 10) return body + rest;
  }
}
export function pesel(next: Rng): string {
  const b = birth(next);
  const month = b.month + (b.year >= 2000 ? 20 : 0);
  const body = `${two(b.year % 100)}${two(month)}${two(b.day)}${digits(next, 4)}`;
  const check = (10 - (weighted(body, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  return body + check;
}
export function snils(next: Rng): string {
  const body = `${pick(next, ['1', '2', '3'])}${digits(next, 8)}`;
  let sum = weighted(body, [9, 8, 7, 6, 5, 4, 3, 2, 1]) % 101;
  if (sum === 100) sum = 0;
  return `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6)} ${two(sum)}`;
}
export function innPerson(next: Rng): string {
  const body = `77${digits(next, 8)}`;
  const c1 = (weighted(body, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  const c2 = (weighted(body + c1, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  return `${body}${c1}${c2}`;
}
export function tcKimlik(next: Rng): string {
  const body = nonZero(next) + digits(next, 8);
  const d = [...body].map(Number);
  const odd = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + (d[6] ?? 0) + (d[8] ?? 0);
  const even = (d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0) + (d[7] ?? 0);
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = (d.reduce((a, b) => a + b, 0) + d10) % 10;
  return `${body}${d10}${d11}`;
}
export function emiratesId(next: Rng): string {
  const body = `784${1960 + Math.floor(next() * 45)}${digits(next, 7)}`;
  const full = body + luhnDigit(body);
  return `${full.slice(0, 3)}-${full.slice(3, 7)}-${full.slice(7, 14)}-${full.slice(14)}`;
}
export function saudiId(next: Rng): string {
  const body = pick(next, ['1', '2']) + digits(next, 8);
  return body + luhnDigit(body);
}
export function egyptianId(next: Rng): string {
  const b = birth(next);
  const century = b.year >= 2000 ? '3' : '2';
  return `${century}${two(b.year % 100)}${two(b.month)}${two(b.day)}${pick(next, ['01', '02', '12', '21', '88'])}${digits(next, 4)}${digits(next, 1)}`;
}
export function chineseId(next: Rng): string {
  const b = birth(next);
  const body = `${pick(next, ['110105', '310104', '440305', '510107'])}${b.year}${two(b.month)}${two(b.day)}${digits(next, 3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'.charAt(weighted(body, weights) % 11);
}
export function myNumber(next: Rng): string {
  const body = digits(next, 11);
  // The check digit weights run from the right: 2..7 then 2..6.
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(body.charAt(11 - n)) * (n <= 6 ? n + 1 : n - 5);
  const rest = sum % 11;
  return body + (rest <= 1 ? 0 : 11 - rest);
}
export function koreanRrn(next: Rng): string {
  const b = birth(next);
  const gender = b.year >= 2000 ? pick(next, ['3', '4']) : pick(next, ['1', '2']);
  return `${two(b.year % 100)}${two(b.month)}${two(b.day)}-${gender}${digits(next, 6)}`;
}
export function nik(next: Rng): string {
  const b = birth(next);
  const day = b.day + (next() < 0.5 ? 40 : 0);
  return `${pick(next, ['31', '32', '33', '35', '51'])}${two(1 + Math.floor(next() * 20))}${two(1 + Math.floor(next() * 30))}${two(day)}${two(b.month)}${two(b.year % 100)}${digits(next, 3)}${nonZero(next)}`;
}
export function cccd(next: Rng): string {
  const b = birth(next);
  return `0${pick(next, ['01', '79', '48', '31'])}${b.year >= 2000 ? pick(next, ['2', '3']) : pick(next, ['0', '1'])}${two(b.year % 100)}${digits(next, 6)}`;
}
export function thaiId(next: Rng): string {
  const body = nonZero(next) + digits(next, 11);
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (13 - i), 0);
  return body + ((11 - (sum % 11)) % 10);
}
export function ssn(next: Rng): string {
  return `${String(100 + Math.floor(next() * 560))}-${two(10 + Math.floor(next() * 89))}-${String(1000 + Math.floor(next() * 8999))}`;
}
export function niNumber(next: Rng): string {
  return `${pick(next, ['AB', 'JK', 'NP', 'SR', 'WL'])}${digits(next, 6)}${pick(next, ['A', 'B', 'C', 'D'])}`;
}

/** Passport numbers as each country prints them. */
export const PASSPORT_SHAPES: Readonly<Record<SupportedLanguage, ReadonlyArray<(next: Rng) => string>>> = {
  en: [(n) => nonZero(n) + digits(n, 8), (n) => letters(n, 1) + digits(n, 8)], // US, UK/US next generation
  es: [(n) => letters(n, 3) + digits(n, 6), (n) => `G${digits(n, 8)}`], // ES, MX
  fr: [(n) => `${digits(n, 2)}${letters(n, 2)}${digits(n, 5)}`],
  de: [(n) => germanDocument(n, pick(n, ['C', 'F', 'G', 'H', 'J', 'K']))],
  it: [(n) => `${letters(n, 2)}${digits(n, 7)}`],
  pt: [(n) => `${letters(n, 1)}${digits(n, 6)}`, (n) => `${letters(n, 2)}${digits(n, 6)}`], // PT, BR
  nl: [(n) => `${letters(n, 2)}${letters(n, 6, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}${digits(n, 1)}`],
  pl: [(n) => `${letters(n, 2)}${digits(n, 7)}`],
  ru: [(n) => `${digits(n, 2)} ${digits(n, 7)}`, (n) => `${digits(n, 2)} ${digits(n, 2)} ${digits(n, 6)}`],
  tr: [(n) => `U${digits(n, 8)}`],
  ar: [(n) => `${letters(n, 1)}${digits(n, 7)}`, (n) => `A${digits(n, 8)}`], // SA, EG
  zh: [(n) => `E${digits(n, 8)}`, (n) => `E${letters(n, 1)}${digits(n, 7)}`],
  ja: [(n) => `${letters(n, 2)}${digits(n, 7)}`],
  ko: [(n) => `M${digits(n, 8)}`, (n) => `M${digits(n, 3)}${letters(n, 1)}${digits(n, 4)}`],
  id: [(n) => `${letters(n, 1)}${digits(n, 7)}`],
  vi: [(n) => `${letters(n, 1)}${digits(n, 7)}`],
  th: [(n) => `${letters(n, 2)}${digits(n, 7)}`],
};

/** National ids as each country prints them (with the printed grouping where there is one). */
export const ID_SHAPES: Readonly<Record<SupportedLanguage, ReadonlyArray<(next: Rng) => string>>> = {
  en: [
    ssn,
    (n) => ssn(n).replace(/-/g, ' '),
    niNumber,
    (n) => niNumber(n).replace(/^(..)(..)(..)(..)(.)$/, '$1 $2 $3 $4 $5'),
  ],
  es: [dni, (n) => dni(n).replace(/^(\d{8})/, '$1-'), nie, curp],
  fr: [nir, (n) => nir(n).replace(/^(.)(..)(..)(..)(...)(...)(..)$/, '$1 $2 $3 $4 $5 $6 $7')],
  de: [
    steuerId,
    (n) => steuerId(n).replace(/^(..)(...)(...)(...)$/, '$1 $2 $3 $4'),
    (n) => germanDocument(n, pick(n, ['L', 'M', 'N', 'T'])),
  ],
  it: [codiceFiscale, (n) => codiceFiscale(n).toLowerCase()],
  pt: [
    cpf,
    (n) => cpf(n).replace(/^(...)(...)(...)(..)$/, '$1.$2.$3-$4'),
    nifPt,
    (n) => `${digits(n, 8)} ${digits(n, 1)} ${letters(n, 2)}${digits(n, 1)}`,
  ],
  nl: [bsn, (n) => bsn(n).replace(/^(....)(..)(...)$/, '$1.$2.$3')],
  pl: [pesel, (n) => `${letters(n, 3)}${digits(n, 6)}`],
  ru: [snils, innPerson],
  tr: [tcKimlik],
  ar: [emiratesId, (n) => emiratesId(n).replace(/-/g, ''), saudiId, egyptianId],
  zh: [chineseId, (n) => chineseId(n).replace(/^(.{6})(.{8})(.{4})$/, '$1 $2 $3')],
  ja: [myNumber, (n) => myNumber(n).replace(/^(....)(....)(....)$/, '$1 $2 $3')],
  ko: [koreanRrn, (n) => koreanRrn(n).replace('-', '')],
  id: [nik],
  vi: [cccd],
  th: [thaiId, (n) => thaiId(n).replace(/^(.)(....)(.....)(..)(.)$/, '$1-$2-$3-$4-$5')],
};
