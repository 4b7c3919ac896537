import { keywordLists } from '../../../models/keywords';
import { KeywordMatcher } from '../text';

/**
 * Defect keywords: words shoppers use when a product arrived faded, broken, torn, stained, smelly, …
 * in the languages the desk serves. The matcher turns a message into canonical defect ids that message
 * facts carry in `defects`, which the `keyword-alerts` query counts per SKU.
 *
 * The keywords are data (models/data/keywords/defects.json) in the term syntax of the text module
 * (functions/core/text/keywords.ts): whole words, `broke*` for any ending, Chinese, Japanese, Thai and
 * Korean terms anywhere, Arabic terms after joined proclitics; case and diacritics folded alike.
 * Negation ("not broken") is not understood: the alert compares a SKU with its own baseline, so steady
 * noise cancels out.
 */
export interface DefectKeyword {
  /** Canonical defect id, stable for analytics. */
  id: string;
  terms: readonly string[];
}

/** The lists in models/data/keywords/defects.json. */
export function defaultDefectKeywords(): readonly DefectKeyword[] {
  return keywordLists().defects;
}

export interface DefectMatch {
  defect: string;
  term: string;
  /** Index in the folded text (same length as the input for most scripts). */
  index: number;
}

export type DefectMatcher = (text: string) => DefectMatch[];

export function createDefectMatcher(keywords?: readonly DefectKeyword[]): DefectMatcher {
  let matcher: KeywordMatcher<string> | undefined;
  return (text) => {
    // Built on first use: handlers that import the module but never read a shopper message skip it.
    matcher ??= new KeywordMatcher(
      (keywords ?? defaultDefectKeywords()).map((keyword) => [keyword.id, keyword.terms] as const),
    );
    return matcher
      .match(text)
      .matches.map(({ group, term, start }) => ({ defect: group, term, index: start }))
      .sort((a, b) => a.index - b.index || a.defect.localeCompare(b.defect));
  };
}

const defaultMatcher = createDefectMatcher();

/** Distinct defect ids a message mentions, in order of first mention. */
export function defectsIn(text: string, matcher: DefectMatcher = defaultMatcher): string[] {
  const ids: string[] = [];
  for (const match of matcher(text)) if (!ids.includes(match.defect)) ids.push(match.defect);
  return ids;
}
