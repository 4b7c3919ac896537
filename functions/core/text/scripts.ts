/**
 * Scripts written without spaces between words: Chinese, Japanese and Thai. Korean has spaces but glues
 * particles to its words ("배송은"), so its terms are matched like theirs, inside words.
 */
export const UNSPACED_CLASS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Hangul}';

const UNSPACED = new RegExp(`[${UNSPACED_CLASS}]`, 'u');
const ARABIC = /\p{Script=Arabic}/u;
const LETTER_MARK_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

export function hasUnspacedScript(text: string): boolean {
  return UNSPACED.test(text);
}

export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/**
 * A character that continues a word of a spaced script. A Chinese or Thai letter right after "app" does
 * not continue it: shoppers mix scripts without spaces ("app很慢").
 */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && LETTER_MARK_OR_DIGIT.test(char) && !UNSPACED.test(char);
}
