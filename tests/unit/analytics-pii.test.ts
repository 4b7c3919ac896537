import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid, redactPii } from '../../functions/core/analytics/pii';

describe('redactPii: planted PII in many languages', () => {
  const cases: Array<[string, string, string, string[]]> = [
    [
      'en',
      'Hi, I am john.doe+shop@example.co.uk, call me on +1 (555) 123-4567 or 555-123-4567.',
      'Hi, I am [EMAIL], call me on [PHONE] or [PHONE].',
      ['email', 'phone'],
    ],
    [
      'en card',
      'My card 4111 1111 1111 1111 was charged twice, order #100234.',
      'My card [CARD] was charged twice, order #100234.',
      ['card'],
    ],
    [
      'es',
      'Mi correo es maria.garcia@correo.es y mi teléfono 612 345 678, tarjeta 5555-5555-5555-4444.',
      'Mi correo es [EMAIL] y mi teléfono [PHONE], tarjeta [CARD].',
      ['email', 'phone', 'card'],
    ],
    ['es intl', 'Llámame al +34 612 34 56 78 por favor', 'Llámame al [PHONE] por favor', ['phone']],
    [
      'fr',
      'Mon numéro : 06 12 34 56 78, IBAN FR76 3000 6000 0112 3456 7890 189. Merci !',
      'Mon numéro : [PHONE], IBAN [IBAN]. Merci !',
      ['phone', 'iban'],
    ],
    [
      'de',
      'Erreichbar unter +49 (0)30 1234567 oder 030/1234567? IBAN DE89370400440532013000',
      'Erreichbar unter [PHONE] oder [PHONE]? IBAN [IBAN]',
      ['phone', 'iban'],
    ],
    [
      'zh',
      '我的手机是13800138000，邮箱zhang.wei@qq.com谢谢',
      '我的手机是[PHONE]，邮箱[EMAIL]谢谢',
      ['phone', 'email'],
    ],
    [
      'zh full-width',
      '电话：＋８６ １３８ ００１３ ８０００，邮箱ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ',
      '电话：[PHONE]，邮箱[EMAIL]',
      ['phone', 'email'],
    ],
    [
      'ko',
      '제 번호는 010-1234-5678 입니다. 카드 3782 822463 10005',
      '제 번호는 [PHONE] 입니다. 카드 [CARD]',
      ['phone', 'card'],
    ],
    [
      'ar',
      'رقمي ‎+966 55 123 4567 والبريد ahmed@example.sa شكرا',
      'رقمي ‎[PHONE] والبريد [EMAIL] شكرا',
      ['phone', 'email'],
    ],
    ['ar digits', 'اتصل بي على ٠٥٥١٢٣٤٥٦٧ من فضلك', 'اتصل بي على [PHONE] من فضلك', ['phone']],
    [
      'th',
      'เบอร์โทร 081-234-5678 ค่ะ อีเมล somchai@example.co.th',
      'เบอร์โทร [PHONE] ค่ะ อีเมล [EMAIL]',
      ['phone', 'email'],
    ],
    [
      'ja',
      '電話番号は090-1234-5678、カードは４１１１１１１１１１１１１１１１です',
      '電話番号は[PHONE]、カードは[CARD]です',
      ['phone', 'card'],
    ],
    ['ja dots', '連絡先: 03.1234.5678', '連絡先: [PHONE]', ['phone']],
    ['00 prefix', 'WhatsApp 0044 7911 123456', 'WhatsApp [PHONE]', ['phone']],
    [
      'IBAN followed by a word',
      'Refund to DE89 3704 0044 0532 0130 00 please',
      'Refund to [IBAN] please',
      ['iban'],
    ],
    ['IBAN glued to a word', 'IBAN DE89370400440532013000bitte', 'IBAN [IBAN]bitte', ['iban']],
    ['JCB', 'JCB card 3530 1113 3330 0000 charged twice', 'JCB card [CARD] charged twice', ['card']],
    ['Italian mobile', 'Il mio cellulare è 347 123 4567', 'Il mio cellulare è [PHONE]', ['phone']],
    ['Polish mobile', 'Mój telefon: 512 345 678', 'Mój telefon: [PHONE]', ['phone']],
    ['Indian mobile', 'Call me at 98765 43210', 'Call me at [PHONE]', ['phone']],
    ['passport', 'My passport number is 123456789', 'My passport number is [PASSPORT]', ['passport']],
    ['Spanish DNI', 'Mi DNI: 12345678Z', 'Mi DNI: [ID]', ['national_id']],
    [
      'name',
      'Hi, my name is Jane Doe and my order is late',
      'Hi, my name is [NAME] and my order is late',
      ['name'],
    ],
    [
      'street address',
      'My address is 221B Baker Street, London NW1 6XE',
      'My address is [ADDRESS]',
      ['address'],
    ],
    [
      'German address',
      'Bitte an Hauptstraße 12, 10115 Berlin liefern',
      'Bitte an [ADDRESS] liefern',
      ['address'],
    ],
    ['Japanese address', '住所は東京都港区六本木1-2-3です', '住所は[ADDRESS]です', ['address']],
    ['Chinese name', '我叫王芳，订单没到', '我叫[NAME]，订单没到', ['name']],
  ];

  for (const [name, input, expected, found] of cases) {
    it(name, () => {
      const result = redactPii(input);
      expect(result.text).toBe(expected);
      expect(result.found).toEqual(found);
    });
  }
});

describe('redactPii: what must survive', () => {
  const survivors = [
    'Order JD014600006254 has not arrived',
    'Tracking 1Z999AA10123456784 says delivered',
    'My order number is 100234 and the other is AD-2026-000123',
    'Order 4000123456789 was placed on 2026-11-20 at 10:30',
    'Ordered 20.11.2026, delivered 01.12.2026',
    'Le prix était de 1 299,00 € et 49,99 €',
    'It cost $1,299.99 plus $12.50 shipping',
    'I am 1m80 and 75kg, usually EU 42 or 42.5, US 9.5, waist 32/34',
    'Soy de 1,80 m y peso 75 kg, talla M',
    '我身高180cm，体重75公斤，穿42码',
    'キャンセル番号 20261120-0001',
    'SKU TSHIRT-RED-XL-000123 and EAN 4006381333931',
    'Paid with card ending 4242',
    'Shipment SF1234567890123 via SF Express',
    'Order 12345678901234567',
    'Größe 38/40, Lieferung 3-5 Tage, Artikel 612345',
    'Mi pedido 7 unidades por 612,50 €',
    'I am 180 cm tall and very happy with it',
    'สวัสดีครับ ขอบคุณมาก',
    'شكرا جزيلا على المساعدة',
    'I am Italian and the size runs small',
  ];
  for (const text of survivors) {
    it(text, () => {
      expect(redactPii(text)).toEqual({ text, found: [] });
    });
  }
});

describe('checksums', () => {
  it('luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
  it('iban', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });
});

describe('the planted PII set (dev split)', async () => {
  const { plantedSet, leaked } = await import('../../eval/pii/planted');
  it('removes every planted email, phone, card and IBAN in all 17 languages', () => {
    const structured = plantedSet('dev').filter((p) => ['email', 'phone', 'card', 'iban'].includes(p.kind));
    const leaks = structured.filter((p) => leaked(p, redactPii(p.text).text)).map((p) => p.text);
    expect(leaks).toEqual([]);
  });
});
