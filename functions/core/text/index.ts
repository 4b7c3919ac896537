/** The text module: one fold, one tokeniser and one keyword matcher for every keyword list in the domain. */
export { foldText } from './fold';
export { type Keyword, type KeywordMatch, KeywordMatcher, leftmostLongest, parseKeyword } from './keywords';
export { hasArabic, hasUnspacedScript, isWordChar } from './scripts';
export { tokenise, type WordToken } from './tokenise';
