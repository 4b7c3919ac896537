import { foldText } from './fold';
import { hasArabic, hasUnspacedScript, isWordChar } from './scripts';

/**
 * Keyword lists (complaint categories, defect words, knowledge concepts, size-return reasons) matched in
 * one pass over a message, whatever the number of terms.
 *
 * Term syntax, the same in every list:
 * - `late`: the whole word; `never arrived`: the words in a row, any spaces between them.
 * - `deliver*`: a word starting with the term (delivery, delivered).
 * - Terms in Chinese, Japanese, Thai or Korean match anywhere: those scripts do not put spaces between
 *   words (Korean does, but glues particles on), so `*` changes nothing for them, and a space written in
 *   such a term may or may not be typed: `작동 안` matches "작동안해요" and "작동 안 해요".
 * - Arabic terms also match after the proclitics written joined to a word: و or ف, then ب, ل or ك, then
 *   the article ال (or ل): "والشحن" holds "شحن".
 * Terms and text are folded alike (fold.ts), so terms are written as people spell them.
 */
export interface Keyword {
  /** Folded, spaces collapsed, without the `*`. */
  literal: string;
  prefix: boolean;
  unspaced: boolean;
  arabic: boolean;
}

/** The one parser of the term syntax; undefined for a blank term or a bare `*`. */
export function parseKeyword(term: string): Keyword | undefined {
  let literal = foldText(term).trim().replace(/\s+/g, ' ');
  const prefix = literal.endsWith('*');
  if (prefix) literal = literal.slice(0, -1).trimEnd();
  if (literal === '' || literal.includes('*')) return undefined;
  const unspaced = hasUnspacedScript(literal);
  return { literal, prefix, unspaced, arabic: !unspaced && hasArabic(literal) };
}

const ARABIC_PROCLITICS = /^(?:[وف])?(?:[بلك])?(?:ال|ل)?$/u;

export interface KeywordMatch<G> {
  group: G;
  /** The term as written in its list. */
  term: string;
  /** Code-unit offsets in the folded text; a `term*` match runs to the end of the word. */
  start: number;
  end: number;
}

interface Entry<G> {
  group: G;
  term: string;
  keyword: Keyword;
}

/** What the automaton looks for: a term's literal, or one spelling of it with optional spaces left out. */
interface Pattern {
  entry: number;
  literal: string;
}

/** "작동 안" is also typed "작동안": every choice of keeping or dropping each space. */
function spellings(keyword: Keyword): string[] {
  if (!keyword.unspaced) return [keyword.literal];
  let variants = [''];
  for (const [index, part] of keyword.literal.split(' ').entries()) {
    variants =
      index === 0 ? [part] : variants.flatMap((variant) => [`${variant} ${part}`, `${variant}${part}`]);
  }
  return [...new Set(variants)];
}

function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && index >= 2;
  return pair ? text.slice(index - 2, index) : text[index - 1];
}

function charAt(text: string, index: number): string | undefined {
  const point = text.codePointAt(index);
  return point === undefined ? undefined : String.fromCodePoint(point);
}

const isSpace = (unit: number) =>
  unit === 32 || (unit >= 9 && unit <= 13) || unit === 0xa0 || unit === 0x3000;

/**
 * Aho–Corasick over UTF-16 code units: one scan of the text finds every occurrence of every term, where
 * the lists used to run hundreds of regular expressions per message. Hand-written because it is about
 * eighty lines and no such package is among the project's dependencies.
 */
export class KeywordMatcher<G> {
  private readonly entries: Entry<G>[] = [];
  private readonly patterns: Pattern[] = [];
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly outputs: number[][] = [[]];
  private fail: Int32Array = new Int32Array(1);

  /** Groups in order; terms in list order. Blank terms and a bare `*` are ignored. */
  constructor(lists: Iterable<readonly [G, Iterable<string>]>) {
    for (const [group, terms] of lists) {
      for (const term of new Set(terms)) {
        const keyword = parseKeyword(term);
        if (!keyword) continue;
        for (const literal of spellings(keyword)) {
          this.insert(literal, this.patterns.length);
          this.patterns.push({ entry: this.entries.length, literal });
        }
        this.entries.push({ group, term, keyword });
      }
    }
    this.link();
  }

  get size(): number {
    return this.entries.length;
  }

  private insert(literal: string, pattern: number): void {
    let node = 0;
    for (let i = 0; i < literal.length; i++) {
      const unit = literal.charCodeAt(i);
      let child = this.next[node]?.get(unit);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.outputs.push([]);
        this.next[node]?.set(unit, child);
      }
      node = child;
    }
    this.outputs[node]?.push(pattern);
  }

  /** Breadth-first failure links; each node's outputs include those of the suffixes it falls back to. */
  private link(): void {
    this.fail = new Int32Array(this.next.length);
    const queue: number[] = [...(this.next[0]?.values() ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      for (const [unit, child] of this.next[node] ?? []) {
        let fallback = this.fail[node] as number;
        while (fallback !== 0 && !this.next[fallback]?.has(unit)) fallback = this.fail[fallback] as number;
        const target = this.next[fallback]?.get(unit);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.outputs[child]?.push(...(this.outputs[this.fail[child] as number] ?? []));
        queue.push(child);
      }
    }
  }

  private step(node: number, unit: number): number {
    let current = node;
    for (;;) {
      const child = this.next[current]?.get(unit);
      if (child !== undefined) return child;
      if (current === 0) return 0;
      current = this.fail[current] as number;
    }
  }

  /** Every match in the text, folded here; offsets refer to the folded text, which is returned too. */
  match(text: string): { folded: string; matches: KeywordMatch<G>[] } {
    const folded = foldText(text);
    return { folded, matches: this.matchFolded(folded) };
  }

  /** Every match, by start and then longest first, in text already folded with foldText. */
  matchFolded(folded: string): KeywordMatch<G>[] {
    const matches: KeywordMatch<G>[] = [];
    let node = 0;
    let previousSpace = true;
    for (let i = 0; i < folded.length; i++) {
      let unit = folded.charCodeAt(i);
      if (isSpace(unit)) {
        // A run of spaces, tabs or newlines reads as the one space terms are written with.
        if (previousSpace) continue;
        previousSpace = true;
        unit = 32;
      } else previousSpace = false;
      node = this.step(node, unit);
      for (const index of this.outputs[node] ?? []) {
        const pattern = this.patterns[index] as Pattern;
        const entry = this.entries[pattern.entry] as Entry<G>;
        const found = this.accept(folded, entry.keyword, pattern.literal, i + 1);
        if (found) matches.push({ group: entry.group, term: entry.term, ...found });
      }
    }
    return matches.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Where a term found ending at `end` really starts and ends, or undefined when a boundary rules it out. */
  private accept(
    folded: string,
    keyword: Keyword,
    literal: string,
    end: number,
  ): { start: number; end: number } | undefined {
    const start = startOf(folded, literal, end);
    if (keyword.unspaced) return { start, end };
    if (isWordChar(charBefore(folded, start))) {
      if (!keyword.arabic) return undefined;
      let wordStart = start;
      while (isWordChar(charBefore(folded, wordStart)))
        wordStart -= charBefore(folded, wordStart)?.length ?? 1;
      if (!ARABIC_PROCLITICS.test(folded.slice(wordStart, start))) return undefined;
    }
    if (!keyword.prefix) return isWordChar(charAt(folded, end)) ? undefined : { start, end };
    let wordEnd = end;
    for (let char = charAt(folded, wordEnd); isWordChar(char); char = charAt(folded, wordEnd))
      wordEnd += char?.length ?? 1;
    return { start, end: wordEnd };
  }
}

/** Start of a literal that ends at `end`, walking back over collapsed space runs as the scan did. */
function startOf(folded: string, literal: string, end: number): number {
  let position = end;
  for (let i = literal.length - 1; i >= 0; i--) {
    position--;
    if (literal.charCodeAt(i) === 32)
      while (position > 0 && isSpace(folded.charCodeAt(position - 1))) position--;
  }
  return position;
}

/** Leftmost-longest matches that do not overlap, as a regular expression's global search would take them. */
export function leftmostLongest<G>(matches: readonly KeywordMatch<G>[]): KeywordMatch<G>[] {
  const taken: KeywordMatch<G>[] = [];
  let reached = 0;
  for (const match of [...matches].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (match.start < reached) continue;
    taken.push(match);
    reached = match.end;
  }
  return taken;
}
