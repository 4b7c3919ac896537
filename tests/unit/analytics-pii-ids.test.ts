import { describe, expect, it } from 'vitest';
import { redactPii } from '../../functions/core/analytics/pii';
import {
  aadhaarValid,
  bsnValid,
  chineseIdValid,
  codiceFiscaleValid,
  cpfValid,
  nirValid,
  peselValid,
  snilsValid,
  tcKimlikValid,
  thaiIdValid,
} from '../../functions/core/analytics/pii-ids';

describe('national id checksums', () => {
  it.each([
    ['CPF', cpfValid, '529.982.247-25', '529.982.247-26'],
    ['PESEL', peselValid, '44051401359', '44051401358'],
    ['TC Kimlik', tcKimlikValid, '10000000146', '10000000147'],
    ['BSN', bsnValid, '111222333', '111222334'],
    ['Thai id', thaiIdValid, '1101700230708', '1101700230705'],
    ['codice fiscale', codiceFiscaleValid, 'RSSMRA85T10A562S', 'RSSMRA85T10A562T'],
    ['Chinese resident id', chineseIdValid, '11010519491231002X', '110105194912310021'],
    ['NIR', nirValid, '269054958815780', '269054958815781'],
    ['SNILS', snilsValid, '112-233-445 95', '112-233-445 96'],
    ['Aadhaar', aadhaarValid, '234123412346', '234123412341'],
  ])('accepts a valid %s and rejects one with a wrong check digit', (_name, valid, good, bad) => {
    expect(valid(good)).toBe(true);
    expect(valid(bad)).toBe(false);
  });
});

describe('redactPii: passports and national ids without a cue word', () => {
  it.each([
    ['a bare CPF with its check digits', 'CPF? 52998224725 obrigado', '52998224725'],
    ['a bare PESEL', 'to jest 44051401359.', '44051401359'],
    ['a bare TC Kimlik number', 'numara 10000000146 teşekkürler', '10000000146'],
    ['a lower-case codice fiscale', 'ecco rssmra85t10a562s grazie', 'rssmra85t10a562s'],
    ['an ungrouped NIR', 'voilà 269054958815780 merci', '269054958815780'],
    ['a Chinese id grouped 6-8-4', '号码 110105 19491231 002X 谢谢', '110105 19491231 002X'],
    ['an Emirates ID', 'هذا 784-1990-1234567-6 شكرا', '784-1990-1234567-6'],
    ['a grouped Thai id', 'เลข 1-1017-00230-70-8 ค่ะ', '1-1017-00230-70-8'],
    ['a lower-case UK NI number with spaces', 'mine is ab 12 34 56 c ok', 'ab 12 34 56 c'],
    ['a Mexican CURP', 'es GODE561231HDFRRN09 gracias', 'GODE561231HDFRRN09'],
    ['a Dutch BSN printed with dots', 'nummer 1112.22.333 klopt', '1112.22.333'],
  ])('redacts %s', (_name, text, value) => {
    expect(redactPii(text).text).not.toContain(value);
    expect(redactPii(text).found).toContain('national_id');
  });

  it('keeps an eleven-digit number whose check digits fail every id format', () => {
    expect(redactPii('batch 12345678901 arrived').text).toBe('batch 12345678901 arrived');
  });

  it('keeps a 4-4-4 reference that fails the Aadhaar check digit', () => {
    expect(redactPii('ref. 2026 1120 0042').text).toBe('ref. 2026 1120 0042');
  });
});

describe('redactPii: a document word next to the number', () => {
  it.each([
    ['a lower-case passport after the word', 'Pasaporte: g81418106.', 'Pasaporte: [PASSPORT].'],
    ['a passport glued to a Chinese cue', '我的护照号码是E91206750，谢谢', '我的护照号码是[PASSPORT]，谢谢'],
    ['a full-width passport', '护照ＥＳ４８７４４９１。', '护照[PASSPORT]。'],
    ['a My Number followed by です', 'マイナンバーは722403546154です。', 'マイナンバーは[ID]です。'],
    ['an undashed Korean RRN before 예요', '주민등록번호는 5212191428358예요.', '주민등록번호는 [ID]예요.'],
    ['a German passport with one digit', 'Pass K0K8V77V4 liegt vor.', 'Pass [PASSPORT] liegt vor.'],
    [
      'a passport number stated after the value',
      'they want Y26248874 as my passport number',
      'they want [PASSPORT] as my passport number',
    ],
    [
      'a Polish id card after the declined word',
      'nr dowodu osobistego wtj506167.',
      'nr dowodu osobistego [ID].',
    ],
    ['a Saudi id after the Arabic word', 'الرقم القومي 1844823268 من فضلك', 'الرقم القومي [ID] من فضلك'],
    ['an SSN written with spaces', 'SSN 110 23 7244.', 'SSN [ID].'],
  ])('redacts %s', (_name, text, expected) => {
    expect(redactPii(text).text).toBe(expected);
  });

  it('redacts a checksum-failing number next to an id word (a typo is still the shopper’s id)', () => {
    expect(redactPii('PESEL 44051401358').text).toBe('PESEL [ID]');
  });

  it('does not take the Polish word "nie" (not) for a Spanish NIE', () => {
    expect(redactPii('zamówienie 100234 nie ma 123456').text).toBe('zamówienie 100234 nie ma 123456');
  });
});

describe('redactPii: references that look like phones or ids survive', () => {
  it.each([
    ['an Amazon-style order number', 'wo ist Bestellung 112-7654321-1234567?'],
    ['a tracking number starting with a non-IBAN country code', 'numer przesyłki SF1234567890123 stoi'],
    ['a phone-shaped product model', 'it says model 0800-1234-56 on the page'],
    ['a phone-shaped article number in Chinese text', '页面上写的是art. 030-123456'],
    ['an order number after a word that contains "tel"', 'Bestellung 0612345678'],
    ['order numbers A1001 and #1042', 'where are A1001 and #1042?'],
    ['a JD tracking number', '运单号JD014600006254一直没更新'],
  ])('keeps %s', (_name, text) => {
    expect(redactPii(text).text).toBe(text);
  });
});

describe('redactPii: names in signatures and recipient lines', () => {
  it.each([
    ['a Spanish closing on its own line', 'Un saludo,\nJosé Luis Fernández', 'Un saludo,\n[NAME]'],
    ['a German recipient line', 'Empfänger: Maximilian Weiß', 'Empfänger: [NAME]'],
    ['a Chinese consignee', '收货人：王建国', '收货人：[NAME]'],
    ['a Korean signature', '이서연 드림', '[NAME] 드림'],
    ['an Arabic recipient', 'المستلم: عبد الله المنصوري', 'المستلم: [NAME]'],
  ])('redacts %s', (_name, text, expected) => {
    expect(redactPii(text).text).toBe(expected);
  });
});

describe('redactPii: addresses after the words that announce them', () => {
  it.each([
    [
      'a US address with state and ZIP',
      'deliver to 3021 Maple Ridge Drive, Austin, TX 78731 please',
      'deliver to [ADDRESS] please',
    ],
    [
      'a German address without a street word',
      'Meine Adresse: Am Lindenhof 4, 50667 Köln. Danke!',
      'Meine Adresse: [ADDRESS]. Danke!',
    ],
    ['a Thai address up to its postcode', 'ที่อยู่: 99/1 ถนนสุขุมวิท แขวงคลองเตย กรุงเทพฯ 10110', 'ที่อยู่: [ADDRESS]'],
  ])('redacts %s', (_name, text, expected) => {
    expect(redactPii(text).text).toBe(expected);
  });

  it('keeps an order number in a sentence about a wrong address', () => {
    expect(redactPii('my address is wrong on order A1001').text).toBe('my address is wrong on order A1001');
  });
});
