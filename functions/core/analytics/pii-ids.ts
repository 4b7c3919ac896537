/**
 * Passport and national-id numbers in the 17 languages' countries. Two ways to know a value is one:
 * - its own shape and check digit (Chinese resident id, CPF, PESEL, TC Kimlik, codice fiscale, NIR, SNILS,
 *   Emirates ID, Thai id, CURP, DNI/NIE, UK NI, US SSN, Korean RRN, Aadhaar): redacted wherever it stands;
 * - a word for the document next to it, before ("pasaporte nº g5938…", "BSN 1234.56.782") or after
 *   ("Y26248874 is my passport number"): then any code with enough digits is redacted, checksum or not,
 *   because a privacy officer prefers a redacted typo to a leaked id.
 *
 * Works on the text `redactPii` normalised (full-width forms as ASCII, the same length).
 */
import type { PiiKind } from './pii';

interface IdSpan {
  start: number;
  end: number;
  kind: PiiKind;
}

function add(spans: IdSpan[], start: number, end: number, kind: PiiKind): void {
  if (end > start && !spans.some((span) => start < span.end && end > span.start))
    spans.push({ start, end, kind });
}

const compact = (value: string) => value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
const weighted = (digits: string, weights: readonly number[]) =>
  [...digits].reduce((sum, digit, i) => sum + Number(digit) * (weights[i] ?? 0), 0);

// ----------------------------------------------------------------------------------------- checksums

export function chineseIdValid(id: string): boolean {
  const value = compact(id);
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return false;
  const sum = weighted(value.slice(0, 17), [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  return '10X98765432'.charAt(sum % 11) === value.charAt(17);
}

export function cpfValid(id: string): boolean {
  const value = compact(id);
  if (!/^\d{11}$/.test(value) || /^(\d)\1{10}$/.test(value)) return false;
  const d1 = ((weighted(value.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  const d2 = ((weighted(value.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  return value.endsWith(`${d1}${d2}`);
}

export function peselValid(id: string): boolean {
  const value = compact(id);
  if (!/^\d{11}$/.test(value)) return false;
  const month = Number(value.slice(2, 4)) % 20;
  const day = Number(value.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const check = (10 - (weighted(value.slice(0, 10), [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  return Number(value.charAt(10)) === check;
}

export function tcKimlikValid(id: string): boolean {
  const value = compact(id);
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const d = [...value].map(Number);
  const odd = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + (d[6] ?? 0) + (d[8] ?? 0);
  const even = (d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0) + (d[7] ?? 0);
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = (d.slice(0, 10).reduce((a, b) => a + b, 0) % 10) as number;
  return d[9] === tenth && d[10] === eleventh;
}

export function bsnValid(id: string): boolean {
  const value = compact(id);
  if (!/^\d{9}$/.test(value)) return false;
  return (weighted(value.slice(0, 8), [9, 8, 7, 6, 5, 4, 3, 2]) - Number(value.charAt(8))) % 11 === 0;
}

export function thaiIdValid(id: string): boolean {
  const value = compact(id);
  if (!/^[1-8]\d{12}$/.test(value)) return false;
  const sum = [...value.slice(0, 12)].reduce((acc, digit, i) => acc + Number(digit) * (13 - i), 0);
  return (11 - (sum % 11)) % 10 === Number(value.charAt(12));
}

const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

export function codiceFiscaleValid(id: string): boolean {
  const value = compact(id);
  if (!/^[A-Z]{6}[\dLMNPQRSTUV]{2}[A-EHLMPR-T][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]$/.test(value))
    return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const char = value.charAt(i);
    const index = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? (CF_ODD[index] ?? 0) : index;
  }
  return String.fromCharCode(65 + (sum % 26)) === value.charAt(15);
}

export function nirValid(id: string): boolean {
  const value = compact(id).replace('2A', '19').replace('2B', '18');
  if (!/^[1-478]\d{14}$/.test(value)) return false;
  return 97 - Number(BigInt(value.slice(0, 13)) % 97n) === Number(value.slice(13));
}

export function snilsValid(id: string): boolean {
  const value = compact(id);
  if (!/^\d{11}$/.test(value)) return false;
  let sum = weighted(value.slice(0, 9), [9, 8, 7, 6, 5, 4, 3, 2, 1]) % 101;
  if (sum === 100) sum = 0;
  return sum === Number(value.slice(9));
}

/** Cards (in `redactPii`) and the Emirates ID share the one Luhn check. */
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

export const luhnDigitsValid = (id: string): boolean => luhnValid(compact(id));

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Aadhaar's check digit (Verhoeff): without it every 4-4-4 reference number looked like an Aadhaar. */
export function aadhaarValid(id: string): boolean {
  const value = compact(id);
  if (!/^[2-9]\d{11}$/.test(value)) return false;
  let check = 0;
  [...value].reverse().forEach((digit, i) => {
    check = VERHOEFF_D[check]?.[VERHOEFF_P[i % 8]?.[Number(digit)] ?? 0] ?? 0;
  });
  return check === 0;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function dniValid(id: string): boolean {
  const value = compact(id);
  if (!/^[XYZ]?\d{7,8}[A-Z]$/.test(value)) return false;
  const digits = value.slice(0, -1).replace(/^X/, '0').replace(/^Y/, '1').replace(/^Z/, '2');
  return digits.length === 8 && DNI_LETTERS.charAt(Number(digits) % 23) === value.slice(-1);
}

// ------------------------------------------------------------------------------- self-evident shapes

/** Shapes that identify a document alone: a check letter or digit, or a format nothing else uses. */
const SELF_EVIDENT_IDS: ReadonlyArray<{ pattern: RegExp; valid?: (match: string) => boolean }> = [
  { pattern: /(?<![A-Za-z0-9])[XYZxyz]?\d{7,8}[ -]?[A-Za-z](?![A-Za-z0-9])/g, valid: dniValid },
  {
    pattern:
      /(?<![A-Za-z0-9])[A-Za-z]{6}[\dA-Za-z]{2}[A-Za-z][\dA-Za-z]{2}[A-Za-z][\dA-Za-z]{3}[A-Za-z](?![A-Za-z0-9])/g,
    valid: codiceFiscaleValid,
  },
  // Mexican CURP: initials, birth date, sex, state, consonants, a differentiator and a check digit.
  { pattern: /(?<![A-Za-z0-9])[A-Za-z]{4}\d{6}[HMhmXx][A-Za-z]{5}[A-Za-z0-9]\d(?![A-Za-z0-9])/g },
  // UK National Insurance number, any case and grouping.
  {
    pattern:
      /(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![A-Za-z0-9])/g,
  },
  // US Social Security number, dashed.
  { pattern: /(?<![\d-])(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g },
  // Korean resident registration number, dashed.
  { pattern: /(?<![\d-])\d{2}[01]\d[0-3]\d-[1-8]\d{6}(?![\d-])/g },
  { pattern: /(?<![A-Za-z0-9])[1-9]\d{5} ?\d{8} ?\d{3}[\dXx](?![A-Za-z0-9])/g, valid: chineseIdValid },
  // Indian PAN, and Aadhaar 4-4-4 with its Verhoeff check.
  { pattern: /(?<![A-Za-z0-9])[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![A-Za-z0-9])/g },
  { pattern: /(?<!\d[ -]?)[2-9]\d{3} \d{4} \d{4}(?![ -]?\d)/g, valid: aadhaarValid },
  // Brazilian CPF, dotted or bare (bare only with its two check digits).
  { pattern: /(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)/g },
  {
    pattern: /(?<![A-Za-z0-9.,/-])\d{11}(?![A-Za-z0-9]|[.,/-]\d)/g,
    valid: (m) => cpfValid(m) || peselValid(m) || tcKimlikValid(m) || snilsValid(m),
  },
  // Russian internal passport (series and number).
  { pattern: /(?<!\d ?)\d{2} \d{2} \d{6}(?! ?\d)/g },
  // French NIR, grouped or not, with its key.
  { pattern: /(?<!\d ?)[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?! ?\d)/g, valid: nirValid },
  // SNILS 123-456-789 01.
  { pattern: /(?<![\d-])\d{3}-\d{3}-\d{3}[ -]\d{2}(?![\d-])/g, valid: snilsValid },
  // Emirates ID 784-YYYY-NNNNNNN-C (Luhn).
  { pattern: /(?<![\d-])784-?\d{4}-?\d{7}-?\d(?![\d-])/g, valid: luhnDigitsValid },
  // Thai id 1-2345-67890-12-3 grouped, or 13 bare digits with its check digit.
  { pattern: /(?<![\d-])[1-8][ -]\d{4}[ -]\d{5}[ -]\d{2}[ -]\d(?![\d-])/g, valid: thaiIdValid },
  // Dutch BSN written with dots as on the document (1234.56.782).
  { pattern: /(?<![\d.])\d{4}\.\d{2}\.\d{3}(?![\d.])/g, valid: bsnValid },
];

// ----------------------------------------------------------------------------------------- cue words

const PASSPORT_WORDS =
  'passport(?:[ -]?(?:number|no\\.?|nr\\.?|#))?|reisepass(?:nummer|-?nr\\.?)?|passnummer|passnr\\.?|pass-nr\\.?|pasaporte|passeport|passaporto|passaporte|paspoort(?:nummer)?|paszport\\p{L}*|паспорт\\p{L}*|загранпаспорт\\p{L}*|pasaport\\p{L}*|جواز(?: سفري| السفر| سفر)?|护照(?:号码?)?|護照(?:號碼)?|旅券(?:番号)?|パスポート(?:番号)?|여권(?:\\s?번호)?|paspor|hộ chiếu|หนังสือเดินทาง|(?:เลข)?พาสปอร์ต';
const ID_WORDS =
  "id card|identity card|id number|id no\\.?|identity number|national id|social security(?: number| no\\.?)?|ssn|nino|ni number|national insurance(?: number| no\\.?)?|personalausweis(?:nummer|-?nr\\.?)?|ausweis\\p{L}*|steuer-?id(?:entifikationsnummer)?|steuer-?nummer|steuerliche identifikationsnummer|identifikationsnummer|idnr\\.?|d\\.?n\\.?i\\.?|n\\.i\\.e\\.|curp|cédula|documento de identidad|carte d'identité|carte d’identité|cni|(?:numéro de )?sécu(?:rité sociale)?|nir|insee|carta d'identità|carta d’identità|codice fiscale|cod\\. ?fiscale|c\\.f\\.|cpf|cartão de cidadão|nif|bsn(?:-nummer)?|burgerservicenummer|pesel|dow[óo]d\\p{L}*(?: osobist\\p{L}*)?|снилс|инн|kimlik(?: no| numaram| numarası| numarası)?|t\\.?c\\.? no|tckn|رقم الهوية(?: الوطنية| الإماراتية)?|الهوية(?: الوطنية| الإماراتية)?|هويتي|الإقامة|رقم الإقامة|الرقم القومي|الرقم الوطني|السجل المدني|身份证(?:号码?)?|身分證(?:號碼?)?|マイナンバー|個人番号|住民票コード|주민등록번호|주민번호|ktp|nik|cccd|cmnd|căn cước(?: công dân)?|บัตรประชาชน|เลขประจำตัวประชาชน|เลขบัตร(?:ประชาชน)?|aadhaar";
/** Short words that are document names only in capitals ("NIE", "PAN", "NI"; "nie" is Polish "not"). */
const CAPITAL_ID_WORDS = 'NIE|PAN|NI|CC|RG|CF';
/** German "Pass" is a passport only capitalised ("pass auf" is "watch out"). */
const CAPITAL_PASSPORT_WORDS = 'Pass';

const NUMBER_WORDS =
  'number|numbers|no\\.?|nr\\.?|nº|n°|n\\.|#|numer|numeru|número|numéro|numero|nummer|номер|серия и номер|серия|numara\\p{L}*|số|เลขที่|เลข|番号|번호|号码?|號碼?|رقم|nomor|no\\.?';

/** A cue starts a word, except in scripts written without spaces ("我的护照…"). */
const WORD_BEFORE = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{Script=Arabic}\\p{N}]';
const CUE = new RegExp(
  `(?<!${WORD_BEFORE})(?:(${PASSPORT_WORDS})|(${ID_WORDS}))|(?<!${WORD_BEFORE})(${CAPITAL_ID_WORDS})|(?<!${WORD_BEFORE})(${CAPITAL_PASSPORT_WORDS})`,
  'giu',
);
const CAPITAL_CUE = new RegExp(`^(?:${CAPITAL_ID_WORDS})$`, 'u');

/** Between a cue and its value: separators and a word for "number", then the values to try after up to three short words. */
const NUMBER_GAP = new RegExp(
  `[\\s:：.,#№()\\-]*(?:(?:${NUMBER_WORDS})(?![\\p{L}])[\\s:：.,#№()\\-]*)?`,
  'iuy',
);
const SHORT_WORD =
  /(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]{1,3}[\s:：]*|\p{L}{1,6}[\s:：]+|\p{L}+[\s:：]+(?=\S))/uy;
/** Scripts written without spaces: a cue in them may touch its value ("护照E5135…", "番号は…"). */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\u30FC]/u;

/** A code: letters and digits in up to six groups. */
const CODE = /[A-Za-z0-9]+(?:[ ./-][A-Za-z0-9]+){0,5}/y;

/** The groups of a code that belong to it: a group after a space needs a digit (or is a UK NI suffix letter). */
function trimCode(code: string): string {
  const parts = code.split(/(?=[ ./-])/);
  let out = parts[0] ?? '';
  // A first group without digits is a word ("is 123…"), unless it is a short capital prefix ("AB 12 34 56 C").
  if (!/\d/.test(out) && !/^[A-Z]{1,3}$/.test(out)) return '';
  for (const part of parts.slice(1)) {
    const separator = part.charAt(0);
    const group = part.slice(1);
    const digit = /\d/.test(group);
    const niSuffix = separator === ' ' && /^[A-Da-d]$/.test(group) && /^[A-Za-z]{2}\d{6}$/.test(compact(out));
    if (separator === ' ' ? !(digit || niSuffix) : !(digit || group.length <= 3)) break;
    out += part;
  }
  return out;
}

/** Whether a code next to a document word is its number: enough digits, or a short all-capital code with one. */
function idLike(code: string): boolean {
  const value = compact(code);
  const digits = value.replace(/\D/g, '').length;
  if (value.length < 5 || value.length > 24) return false;
  return digits >= 4 || (digits >= 1 && value.length >= 8 && value.length <= 10);
}

function valueAfter(text: string, from: number): { start: number; end: number } | undefined {
  NUMBER_GAP.lastIndex = from;
  let position = from + (NUMBER_GAP.exec(text)?.[0].length ?? 0);
  for (let words = 0; words <= 3; words++) {
    CODE.lastIndex = position;
    const code = CODE.exec(text);
    if (code && !/[A-Za-z0-9]/.test(text.charAt(position - 1))) {
      const value = trimCode(code[0]);
      const end = position + value.length;
      if (idLike(value)) return { start: position, end };
    }
    SHORT_WORD.lastIndex = position;
    const word = SHORT_WORD.exec(text);
    if (!word) return undefined;
    position += word[0].length;
    NUMBER_GAP.lastIndex = position;
    position += NUMBER_GAP.exec(text)?.[0].length ?? 0;
  }
  return undefined;
}

/** A code followed by its document word ("Y26248874 as my passport number", "旅券番号は" after the value). */
const CODE_BEFORE_CUE = /(?<![A-Za-z0-9])[A-Za-z]{0,3}\d[\dA-Za-z]{5,20}(?![A-Za-z0-9])/g;
const TRAILING_CUE = new RegExp(
  `^[\\s,]*(?:(?:is|as|was|es|est|ist|è|é|jest|это|\\p{L}{1,5})\\s+){0,3}(?:${PASSPORT_WORDS}|${ID_WORDS})(?![\\p{L}])`,
  'iu',
);
const TRAILING_PASSPORT = new RegExp(`(?:${PASSPORT_WORDS})$`, 'iu');

export function collectIds(text: string, spans: IdSpan[]): void {
  for (const { pattern, valid } of SELF_EVIDENT_IDS)
    for (const match of text.matchAll(pattern))
      if (!valid || valid(match[0])) add(spans, match.index, match.index + match[0].length, 'national_id');
  // 13 bare digits are a Thai id only with its check digit and Thai text around (else an EAN barcode).
  if (/[\u0E00-\u0E7F]/.test(text))
    for (const match of text.matchAll(/(?<![A-Za-z0-9])[1-8]\d{12}(?![A-Za-z0-9])/g))
      if (thaiIdValid(match[0])) add(spans, match.index, match.index + match[0].length, 'national_id');
  for (const cue of text.matchAll(CUE)) {
    if (cue[3] && !CAPITAL_CUE.test(cue[3])) continue;
    if (cue[4] && cue[4] !== CAPITAL_PASSPORT_WORDS) continue;
    const end = cue.index + cue[0].length;
    // "Passport" must not be the start of a longer word; in unspaced scripts a word may follow directly.
    if (/\p{L}/u.test(text.charAt(end)) && !UNSPACED.test(cue[0].slice(-1))) continue;
    const kind: PiiKind = cue[1] || cue[4] ? 'passport' : 'national_id';
    const value = valueAfter(text, end);
    if (value) add(spans, value.start, value.end, kind);
  }
  for (const match of text.matchAll(CODE_BEFORE_CUE)) {
    if (match[0].replace(/\D/g, '').length < 6) continue;
    const end = match.index + match[0].length;
    const after = TRAILING_CUE.exec(text.slice(end, end + 60));
    if (!after) continue;
    add(spans, match.index, end, TRAILING_PASSPORT.test(after[0]) ? 'passport' : 'national_id');
  }
}
