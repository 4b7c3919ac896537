/**
 * Ordinal words that pick one of several listed orders ("the second one", "el segundo", "第二个",
 * "두 번째"). Latin and Cyrillic words need word boundaries; Han, Kana, Hangul and Thai do not.
 * Russian and Polish endings are spelled out because "вторник" and "piątek" are weekdays.
 */
const ORDINAL_WORDS: ReadonlyArray<[number, string]> = [
  [
    1,
    'first|1st|primer[oa]?|premi[eè]re?|erste[nrsm]?|prim[oa]|primeir[oa]|eerste|pierwsz\\p{L}*|перв(?:ый|ая|ое|ого|ую)|ilk|birinci|الأول|الاول|pertama|thứ nhất|đầu tiên|cái đầu',
  ],
  [
    2,
    'second|2nd|segund[oa]|deuxi[eè]me|seconde|zweite[nrsm]?|second[oa]|tweede|drugi\\p{L}*|втор(?:ой|ая|ое|ого|ую)|ikinci|الثاني|kedua|thứ hai',
  ],
  [
    3,
    'third|3rd|tercer[oa]?|troisi[eè]me|dritte[nrsm]?|terz[oa]|terceir[oa]|derde|trzeci\\p{L}*|трет(?:ий|ья|ье|ьего|ью)|üçüncü|الثالث|ketiga|thứ ba',
  ],
  [
    4,
    'fourth|4th|cuart[oa]|quatri[eè]me|vierte[nrsm]?|quart[oa]|vierde|czwart(?:y|a|e|ego)|четв[её]рт(?:ый|ая|ое|ого|ую)|dördüncü|الرابع|keempat|thứ tư',
  ],
  [
    5,
    'fifth|5th|quint[oa]|cinqui[eè]me|fünfte[nrsm]?|vijfde|piąt(?:y|a|e|ego)|пят(?:ый|ая|ое|ого|ую)|beşinci|الخامس|kelima|thứ năm',
  ],
  [
    -1,
    'last|[uú]ltim[oa]|derni[eè]re?|letzte[nrsm]?|laatste|ostatni\\p{L}*|последн(?:ий|яя|ее|его|юю)|sonuncu|الأخير|terakhir|cuối cùng',
  ],
];

const UNSPACED_ORDINALS: ReadonlyArray<[number, string]> = [
  [1, '第一|一つ目|1つ目|最初|첫\\s?번째|첫\\s?번|อันแรก|ที่หนึ่ง|ชิ้นแรก'],
  [2, '第二|二つ目|2つ目|두\\s?번째|อันที่สอง|ที่สอง'],
  [3, '第三|三つ目|3つ目|세\\s?번째|อันที่สาม|ที่สาม'],
  [4, '第四|四つ目|4つ目|네\\s?번째|ที่สี่'],
  [5, '第五|五つ目|5つ目|다섯\\s?번째|ที่ห้า'],
  [-1, '最后|最後|마지막|สุดท้าย'],
];

/** "My last order" means the most recent one, which the order list puts first. */
const MOST_RECENT =
  /(?<!\p{L})(?:last order|latest|most recent|newest|[uú]ltimo pedido|derni[eè]re commande|letzte bestellung|ultimo ordine|[uú]ltima encomenda|laatste bestelling|ostatnie zam[oó]wienie|последний заказ|son sipari[şs]|pesanan terakhir|đơn hàng gần nhất|đơn gần nhất)(?!\p{L})|最近的订单|上一个订单|最新の注文|前回の注文|최근 주문|최근에 주문|คำสั่งซื้อล่าสุด|آخر طلب/iu;

// One alternation with a named group per ordinal: a single pass finds the leftmost ordinal word.
const ORDINAL_NAMES = new Map<string, number>();
const ORDINALS = new RegExp(
  [
    ...ORDINAL_WORDS.map(([ordinal, words], index) => {
      ORDINAL_NAMES.set(`w${index}`, ordinal);
      return `(?<w${index}>(?<!\\p{L})(?:${words})(?!\\p{L}))`;
    }),
    ...UNSPACED_ORDINALS.map(([ordinal, words], index) => {
      ORDINAL_NAMES.set(`u${index}`, ordinal);
      return `(?<u${index}>${words})`;
    }),
  ].join('|'),
  'iu',
);

export function findOrdinal(text: string): number | undefined {
  if (MOST_RECENT.test(text)) return 1;
  const groups = ORDINALS.exec(text)?.groups;
  if (!groups) return undefined;
  for (const [name, ordinal] of ORDINAL_NAMES) if (groups[name] !== undefined) return ordinal;
  return undefined;
}
