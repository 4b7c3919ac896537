/**
 * Bare "yes" and "no" answers in the 17 languages: "sí, por favor", "nee, laat maar", "はい、お願いします".
 * A reply is only read as one when, courtesy aside, it says nothing else: "yes, but the other order" is
 * not a plain yes. Listed rather than learned: the classifier has no intent for an answer, and these
 * words are few and closed.
 */
const YES = [
  'yes',
  'yeah',
  'yep',
  'sure',
  'ok',
  'okay',
  'oké',
  'okej',
  'okey',
  'окей',
  'of course',
  'go ahead',
  'please do',
  'do it',
  'ja',
  'jawohl',
  'gerne',
  'gern',
  'klar',
  'natürlich',
  'mach das',
  'machen sie das',
  'sí',
  'si',
  'claro',
  'vale',
  'dale',
  'por supuesto',
  'hazlo',
  'oui',
  "d'accord",
  'bien sûr',
  'allez-y',
  'vas-y',
  'sì',
  'certo',
  'va bene',
  'procedi',
  'sim',
  'claro que sim',
  'pode ser',
  'pode',
  'ja hoor',
  'graag',
  'prima',
  'doe maar',
  'zeker',
  'tak',
  'jasne',
  'pewnie',
  'oczywiście',
  'dobrze',
  'да',
  'ага',
  'конечно',
  'давайте',
  'хорошо',
  'نعم',
  'أجل',
  'اكيد',
  'أكيد',
  'طبعا',
  'حسنا',
  'تمام',
  'evet',
  'tabii',
  'olur',
  'tamam',
  'ya',
  'iya',
  'boleh',
  'baik',
  'oke',
  'silakan',
  'có',
  'vâng',
  'dạ',
  'được',
  'đồng ý',
  'ừ',
  'ใช่',
  'ได้',
  'ตกลง',
  'โอเค',
  '是',
  '是的',
  '好',
  '好的',
  '对',
  '可以',
  '行',
  '嗯',
  'はい',
  'ええ',
  'うん',
  'お願いします',
  'そうです',
  '네',
  '예',
  '응',
  '좋아요',
  '그래요',
];
const NO = [
  'no',
  'nope',
  'nah',
  'not now',
  'never mind',
  'nein',
  'lieber nicht',
  'no gracias',
  'déjalo',
  'mejor no',
  'non',
  'non merci',
  'laisse tomber',
  'lascia stare',
  'meglio di no',
  'não',
  'nao',
  'deixa',
  'deixa pra lá',
  'nee',
  'laat maar',
  'liever niet',
  'nie',
  'nie trzeba',
  'нет',
  'не надо',
  'не нужно',
  'لا',
  'كلا',
  'hayır',
  'hayir',
  'yok',
  'vazgeçtim',
  'gerek yok',
  'tidak',
  'nggak',
  'enggak',
  'tidak jadi',
  'gak',
  'không',
  'thôi',
  'không cần',
  'ไม่',
  'ไม่ต้อง',
  'ไม่เอา',
  '不',
  '不用',
  '不用了',
  '不要',
  '算了',
  'いいえ',
  'いえ',
  'やめておきます',
  'やめて',
  '結構です',
  'いらない',
  '아니요',
  '아니',
  '아뇨',
  '괜찮아요',
  '됐어요',
];
/** Courtesy that may ride along with the answer without changing it. */
const COURTESY = [
  'please',
  'thanks',
  'thank you',
  'bitte',
  'danke',
  'por favor',
  'gracias',
  "s'il vous plaît",
  'merci',
  'grazie',
  'per favore',
  'obrigado',
  'obrigada',
  'alstublieft',
  'bedankt',
  'dank je',
  'poproszę',
  'proszę',
  'dziękuję',
  'пожалуйста',
  'спасибо',
  'من فضلك',
  'شكرا',
  'lütfen',
  'teşekkürler',
  'tolong',
  'terima kasih',
  'làm ơn',
  'cảm ơn',
  'ครับ',
  'ค่ะ',
  'คะ',
  'ขอบคุณ',
  '谢谢',
  '请',
  'ありがとう',
  'ください',
  '부탁해요',
  '부탁합니다',
  '감사합니다',
  'do it',
  'go ahead',
];

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[\s.,!?;:¡¿。、，！？؟~…-]+/gu, ' ')
    .trim();

const byLength = (list: readonly string[]) => [...list.map(fold)].sort((a, b) => b.length - a.length);
const YES_FOLDED = byLength(YES);
const NO_FOLDED = byLength(NO);
const COURTESY_FOLDED = byLength(COURTESY);
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;

/** Removes one listed phrase from the start of `rest`, on a word boundary for spaced scripts. */
function takePhrase(rest: string, phrases: readonly string[]): string | undefined {
  for (const phrase of phrases) {
    if (!rest.startsWith(phrase)) continue;
    const after = rest.slice(phrase.length);
    if (after === '' || after.startsWith(' ') || UNSPACED.test(phrase.at(-1) ?? '')) return after.trim();
  }
  return undefined;
}

export type YesNo = 'yes' | 'no';

/** "yes" or "no" when the message is only that answer (with courtesy); otherwise undefined. */
export function readYesNo(text: string): YesNo | undefined {
  let rest = fold(text);
  let answer: YesNo | undefined;
  while (rest) {
    const courtesy = takePhrase(rest, COURTESY_FOLDED);
    if (courtesy !== undefined) {
      rest = courtesy;
      continue;
    }
    const no = takePhrase(rest, NO_FOLDED);
    if (no !== undefined && answer !== 'yes') {
      answer = 'no';
      rest = no;
      continue;
    }
    const yes = takePhrase(rest, YES_FOLDED);
    if (yes !== undefined && answer !== 'no') {
      answer = 'yes';
      rest = yes;
      continue;
    }
    return undefined;
  }
  return answer;
}
