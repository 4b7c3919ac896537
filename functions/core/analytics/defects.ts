import { keywordLiteral, LazyPattern } from '../nlu/lazy-pattern';
/**
 * Defect keywords: words shoppers use when a product arrived faded, broken, torn, stained, smelly, …
 * in the languages the desk serves. The matcher turns a message into canonical defect ids that message
 * facts carry in `defects`, which the `keyword-alerts` query counts per SKU.
 *
 * A term written in a script with spaces (Latin, Cyrillic, Arabic) matches at a word start; a trailing `*`
 * lets it match any ending (`broke*` matches broken). Terms in scripts without spaces (Chinese, Japanese,
 * Thai) and Korean terms (which take particles) match anywhere. Case and Latin accents are ignored.
 * Negation ("not broken") is not understood: the alert compares a SKU with its own baseline, so steady
 * noise cancels out.
 */
export interface DefectKeyword {
  /** Canonical defect id, stable for analytics. */
  id: string;
  terms: string[];
}

export const DEFAULT_DEFECT_KEYWORDS: readonly DefectKeyword[] = [
  {
    id: 'faded',
    terms: [
      'fade*',
      'fading',
      'discolo*',
      'bleed*',
      'colour ran',
      'color ran',
      '掉色',
      '褪色',
      '退色',
      '色落ち',
      '変色',
      '색이 빠',
      '물이 빠',
      '변색',
      'สีตก',
      'สีซีด',
      'déteint',
      'déteint*',
      'décolor*',
      'délavé*',
      'desteñ*',
      'destiñ*',
      'decolor*',
      'descolor*',
      'verblass*',
      'verfärb*',
      'färbt ab',
      'abgefärbt',
      'sbiadit*',
      'stinge',
      'scolorit*',
      'desbotad*',
      'verbleekt',
      'verkleurd',
      'wyblak*',
      'выцве*',
      'полиня*',
      'solmuş',
      'soldu',
      'luntur',
      'phai màu',
      'bạc màu',
      'باهت',
      'بهت',
      'اللون راح',
    ],
  },
  {
    id: 'broken',
    terms: [
      'broke*',
      'shatter*',
      'smashed',
      'not working',
      "doesn't work",
      'does not work',
      'defective',
      'faulty',
      'dead on arrival',
      '破损',
      '坏了',
      '摔坏',
      '碎了',
      '不能用',
      '故障',
      '壊れ',
      '破損',
      '割れ',
      '動かな',
      '고장',
      '깨졌',
      '파손',
      '부서',
      '작동하지',
      'แตก',
      'เสีย',
      'พัง',
      'ใช้ไม่ได้',
      'cassé*',
      'brisé*',
      'ne marche pas',
      'ne fonctionne pas',
      'défectueu*',
      'roto',
      'rota',
      'rotos',
      'rotas',
      'no funciona',
      'defectuos*',
      'kaputt*',
      'zerbroch*',
      'funktioniert nicht',
      'defekt*',
      'rotto',
      'rotta',
      'rotti',
      'non funziona',
      'difettos*',
      'quebrad*',
      'não funciona',
      'defeituos*',
      'kapot',
      'stuk',
      'zepsut*',
      'uszkodz*',
      'слома*',
      'разбит*',
      'не работает',
      'bozuk',
      'kırık',
      'çalışmıyor',
      'rusak',
      'pecah',
      'bị vỡ',
      'hỏng',
      'مكسور',
      'معطل',
      'لا يعمل',
      'خربان',
    ],
  },
  {
    id: 'torn',
    terms: [
      'torn',
      'tear',
      'ripped',
      'rip',
      'hole*',
      'unravel*',
      'seam came',
      'split seam',
      '撕破',
      '破洞',
      '开线',
      '脱线',
      '裂开',
      '破れ',
      '穴',
      'ほつれ',
      '찢어',
      '구멍',
      '뜯어',
      'ขาด',
      'รู',
      'déchiré*',
      'troué*',
      'décousu*',
      'roto por',
      'rasgad*',
      'agujero*',
      'descosid*',
      'zerriss*',
      'gerissen',
      'loch',
      'löcher',
      'strappat*',
      'bucat*',
      'scucit*',
      'furad*',
      'gescheurd',
      'rozdart*',
      'порван*',
      'дырк*',
      'yırtık',
      'delik',
      'sobek',
      'berlubang',
      'bị rách',
      'rách',
      'ممزق',
      'مقطوع',
      'ثقب',
    ],
  },
  {
    id: 'stained',
    terms: [
      'stain*',
      'dirty',
      'marks on',
      'spot*',
      '污渍',
      '脏',
      '污点',
      'シミ',
      '汚れ',
      '얼룩',
      '더러',
      'คราบ',
      'เปื้อน',
      'taché*',
      'tache*',
      'manchad*',
      'mancha*',
      'sucio',
      'sucia',
      'fleck*',
      'schmutzig',
      'macchia*',
      'macchiat*',
      'sporco',
      'sporca',
      'vlek*',
      'plam*',
      'пятн*',
      'грязн*',
      'leke*',
      'kotor',
      'noda',
      'bẩn',
      'vết bẩn',
      'بقع*',
      'متسخ',
      'وسخ',
    ],
  },
  {
    id: 'smell',
    terms: [
      'smell*',
      'stink*',
      'odour',
      'odor',
      '异味',
      '臭',
      '难闻',
      '味道很大',
      '臭い',
      'におい',
      '匂い',
      '냄새',
      'เหม็น',
      'กลิ่น',
      'odeur',
      'pue',
      'puent',
      'huele',
      'olor',
      'apesta',
      'riecht',
      'stinkt',
      'geruch',
      'puzza',
      'odore',
      'cheiro',
      'stinkend',
      'śmierdz*',
      'запах',
      'воня*',
      'koku',
      'mùi',
      'رائحة',
      'ريحة',
    ],
  },
  {
    id: 'cracked',
    terms: [
      'crack*',
      '裂',
      '裂纹',
      'ひび',
      '금이',
      '금 갔',
      'ร้าว',
      'fissur*',
      'fêlé*',
      'agrietad*',
      'grieta*',
      'rajad*',
      'riss',
      'gesprungen',
      'crepat*',
      'rachad*',
      'barst*',
      'pęknię*',
      'трещин*',
      'треснул*',
      'çatlak',
      'retak',
      'nứt',
      'مشروخ',
      'شرخ',
    ],
  },
  {
    id: 'shrunk',
    terms: [
      'shrank',
      'shrunk',
      'shrinks',
      '缩水',
      '縮ん',
      '줄어',
      'หด',
      'rétréci*',
      'encogi*',
      'encogió',
      'eingelaufen',
      'ristrett*',
      'encolh*',
      'gekrompen',
      'skurczy*',
      'сел после',
      'çekti',
      'menyusut',
      'bị co',
      'انكمش',
    ],
  },
];

export interface DefectMatch {
  defect: string;
  term: string;
  /** Index in the folded text (same length as the input for most scripts). */
  index: number;
}

export type DefectMatcher = (text: string) => DefectMatch[];

/** Lower case, NFKC (full-width to ASCII), Latin accents removed; other scripts keep their marks. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termPattern(term: string): string {
  const folded = foldText(term.trim());
  const prefix = folded.endsWith('*');
  const body = escapeRegExp(prefix ? folded.slice(0, -1) : folded).replace(/\s+/g, '\\s+');
  if (UNSPACED_SCRIPT.test(folded)) return body;
  return `(?<![\\p{L}\\p{N}])${body}${prefix ? '[\\p{L}\\p{M}]*' : '(?![\\p{L}\\p{M}\\p{N}])'}`;
}

export function createDefectMatcher(
  keywords: readonly DefectKeyword[] = DEFAULT_DEFECT_KEYWORDS,
): DefectMatcher {
  const compiled = keywords.flatMap((keyword) =>
    keyword.terms
      .filter((term) => term.trim() && term.trim() !== '*')
      .map((term) => ({
        defect: keyword.id,
        term,
        pattern: new LazyPattern(keywordLiteral(foldText(term)), termPattern(term), 'gu'),
      })),
  );
  return (text) => {
    const folded = foldText(text);
    const matches: DefectMatch[] = [];
    for (const { defect, term, pattern } of compiled) {
      const expression = pattern.for(folded);
      if (!expression) continue;
      for (const match of folded.matchAll(expression)) matches.push({ defect, term, index: match.index });
    }
    return matches.sort((a, b) => a.index - b.index || a.defect.localeCompare(b.defect));
  };
}

const defaultMatcher = createDefectMatcher();

/** Distinct defect ids a message mentions, in order of first mention. */
export function defectsIn(text: string, matcher: DefectMatcher = defaultMatcher): string[] {
  const ids: string[] = [];
  for (const match of matcher(text)) if (!ids.includes(match.defect)) ids.push(match.defect);
  return ids;
}
