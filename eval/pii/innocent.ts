/**
 * Innocent text that redaction must leave readable: order and tracking numbers (analytics joins on them, so
 * they must survive), prices, dates, sizes and product codes that look like phones or ids, in the 17
 * languages. bench/pii.ts reports how many of these values get redacted (the false-positive figure).
 */
import type { SupportedLanguage } from '../../functions/core/nlu/languages';

export type InnocentKind = 'order' | 'tracking' | 'price' | 'date' | 'size' | 'code';

export interface InnocentValue {
  lang: SupportedLanguage;
  kind: InnocentKind;
  value: string;
  text: string;
}

/** How each language says "order {v}", "tracking {v}" and "it cost {v}". */
const SAY: Record<SupportedLanguage, { order: string; tracking: string; other: string }> = {
  en: {
    order: 'where is order {v}?',
    tracking: 'tracking number {v} has not moved',
    other: 'it says {v} on the page',
  },
  es: {
    order: '¿dónde está el pedido {v}?',
    tracking: 'el número de seguimiento {v} no avanza',
    other: 'en la web pone {v}',
  },
  fr: {
    order: 'où en est la commande {v} ?',
    tracking: 'le numéro de suivi {v} ne bouge pas',
    other: 'la fiche indique {v}',
  },
  de: {
    order: 'wo ist Bestellung {v}?',
    tracking: 'Sendungsnummer {v} bewegt sich nicht',
    other: 'auf der Seite steht {v}',
  },
  it: {
    order: "dov'è l'ordine {v}?",
    tracking: 'il numero di tracking {v} è fermo',
    other: 'sul sito c’è scritto {v}',
  },
  pt: {
    order: 'cadê o pedido {v}?',
    tracking: 'o código de rastreio {v} não atualiza',
    other: 'no site diz {v}',
  },
  nl: {
    order: 'waar is bestelling {v}?',
    tracking: 'trackingnummer {v} staat stil',
    other: 'op de site staat {v}',
  },
  pl: {
    order: 'gdzie jest zamówienie {v}?',
    tracking: 'numer przesyłki {v} stoi w miejscu',
    other: 'na stronie jest {v}',
  },
  ru: { order: 'где заказ {v}?', tracking: 'трек-номер {v} не обновляется', other: 'на сайте указано {v}' },
  tr: {
    order: '{v} numaralı sipariş nerede?',
    tracking: 'kargo takip no {v} hareket etmiyor',
    other: 'sitede {v} yazıyor',
  },
  ar: { order: 'أين الطلب {v}؟', tracking: 'رقم التتبع {v} لا يتحرك', other: 'مكتوب في الموقع {v}' },
  zh: { order: '订单{v}到哪了？', tracking: '运单号{v}一直没更新', other: '页面上写的是{v}' },
  ja: {
    order: '注文番号{v}はどこですか',
    tracking: '追跡番号{v}が動きません',
    other: 'ページには{v}と書いてあります',
  },
  ko: {
    order: '주문번호 {v} 어디쯤인가요?',
    tracking: '운송장번호 {v} 조회가 안 돼요',
    other: '페이지에 {v}라고 되어 있어요',
  },
  id: {
    order: 'pesanan {v} sampai mana?',
    tracking: 'nomor resi {v} tidak bergerak',
    other: 'di situs tertulis {v}',
  },
  vi: {
    order: 'đơn hàng {v} đến đâu rồi?',
    tracking: 'mã vận đơn {v} không cập nhật',
    other: 'trên trang ghi {v}',
  },
  th: { order: 'คำสั่งซื้อ {v} ถึงไหนแล้ว', tracking: 'เลขพัสดุ {v} ไม่ขยับเลย', other: 'ในเว็บเขียนว่า {v}' },
};

const ORDERS = ['A1001', '#1042', '100234', 'ORD-2026-00123', '112-7654321-1234567', 'SO-88412', '#A-20931'];
const TRACKING = [
  'JD014600006254',
  '1Z999AA10123456784',
  'LX123456789CN',
  '9400111899223197428490',
  'SF1234567890123',
  '773456789012',
  'YT2412345678901234',
  'TH0123456789AB',
];
const OTHERS: ReadonlyArray<[InnocentKind, string]> = [
  ['price', '€1,299.00'],
  ['price', '1.299,00 €'],
  ['price', 'R$ 2.349,90'],
  ['price', '¥12800'],
  ['price', '₫1.250.000'],
  ['date', '2026-11-20'],
  ['date', '20.11.2026'],
  ['date', '2026年11月20日'],
  ['date', '20/11/2026 14:30'],
  ['size', '180x200 cm'],
  ['size', 'EU 42 / UK 8'],
  ['size', '65 inch 4K 120Hz'],
  ['code', 'SKU 4006381333931'],
  ['code', 'model 0800-1234-56'],
  ['code', 'art. 030-123456'],
  ['code', 'part 0612-3456-78'],
  ['code', 'ref. 2026 1120 0042'],
  ['code', 'batch 202611200001'],
];

export function innocentSet(): InnocentValue[] {
  const out: InnocentValue[] = [];
  for (const [lang, say] of Object.entries(SAY) as Array<[SupportedLanguage, (typeof SAY)['en']]>) {
    for (const value of ORDERS)
      out.push({ lang, kind: 'order', value, text: say.order.replace('{v}', value) });
    for (const value of TRACKING)
      out.push({ lang, kind: 'tracking', value, text: say.tracking.replace('{v}', value) });
    for (const [kind, value] of OTHERS)
      out.push({ lang, kind, value, text: say.other.replace('{v}', value) });
  }
  return out;
}

/** Whether an innocent value lost any of its characters to redaction. */
export function damaged(item: InnocentValue, redacted: string): boolean {
  return !redacted.includes(item.value);
}
