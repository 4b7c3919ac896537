import { UNSPACED_CLASS } from './scripts';

export interface WordToken {
  /** As in the text it was cut from (fold first for matching). */
  text: string;
  /** Code-unit offsets in that text. */
  start: number;
  end: number;
  /** Cut by Intl.Segmenter from Chinese, Japanese or Thai, not by spaces. */
  segmented: boolean;
}

const RUN = new RegExp(
  `[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}]+|(?:(?![${UNSPACED_CLASS}])[\\p{L}\\p{M}\\p{N}])+|\\p{Script=Hangul}[\\p{Script=Hangul}\\p{M}\\p{N}]*`,
  'gu',
);
const THAI = /\p{Script=Thai}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

// One segmenter per language, built on first use: each loads its ICU dictionary.
const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(run: string): Intl.Segmenter {
  const locale = THAI.test(run) ? 'th' : KANA.test(run) ? 'ja' : 'zh';
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * The words of a text. Spaced scripts split on anything that is not a letter, mark or digit; runs of
 * Chinese, Japanese or Thai go through Intl.Segmenter (ICU's dictionaries), which finds words where no
 * spaces mark them ("我的快递还没到" → 我的 | 快递 | 还 | 没 | 到). A Hangul word keeps its particles.
 */
export function tokenise(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    const offset = match.index;
    const first = run.codePointAt(0) ?? 0;
    const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(
      String.fromCodePoint(first),
    );
    if (!unspaced) {
      tokens.push({ text: run, start: offset, end: offset + run.length, segmented: false });
      continue;
    }
    for (const segment of segmenterFor(run).segment(run)) {
      if (segment.isWordLike === false) continue;
      const start = offset + segment.index;
      tokens.push({ text: segment.segment, start, end: start + segment.segment.length, segmented: true });
    }
  }
  return tokens;
}
