import { loadArtifact } from './load';
import { type KeywordLists, KeywordListsSchema } from './schemas';

let lists: KeywordLists | undefined;

/**
 * The keyword lists of models/data/keywords, from the `keywords` artifact, read and checked once on first
 * use (a handler that never matches a keyword never reads them).
 */
export function keywordLists(): KeywordLists {
  lists ??= KeywordListsSchema.parse(loadArtifact('keywords').meta.lists);
  return lists;
}
