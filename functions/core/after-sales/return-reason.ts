import * as z from 'zod';
import { defectsIn } from '../analytics/defects';
import { classifyReturnReason } from '../sizing/returns';
import { KeywordMatcher } from '../text';
import words from './data/return-reason-words.json';
import type { ReturnReason } from './policy';

/**
 * The return reason a shopper gave, read from their words in any of the 17 languages, so "because it's too
 * small" is stored as `too_small` (and counts in the size-related return figures) rather than the default.
 * Size words and defect words come from the shared keyword lists (models/data/keywords); wrong item, not as
 * described and changed mind from data/return-reason-words.json, in the term syntax of core/text.
 */
const WordsSchema = z.object({
  wrong_item: z.array(z.string().min(1)),
  not_as_described: z.array(z.string().min(1)),
  changed_mind: z.array(z.string().min(1)),
});

type WordReason = keyof z.infer<typeof WordsSchema>;
let matcher: KeywordMatcher<WordReason> | undefined;

function wordReasons(text: string): Set<WordReason> {
  matcher ??= new KeywordMatcher(Object.entries(WordsSchema.parse(words)) as Array<[WordReason, string[]]>);
  return new Set(matcher.match(text).matches.map((match) => match.group));
}

/** The shopper's reason, or undefined when they gave none (the tool then applies its default). */
export function returnReasonIn(text: string): ReturnReason | undefined {
  const said = wordReasons(text);
  // The store's mistakes first: they widen the return window and pay the return shipping.
  if (said.has('wrong_item')) return 'wrong_item';
  if (defectsIn(text).length > 0) return 'damaged';
  const size = classifyReturnReason(text);
  if (size === 'too_small' || size === 'too_large') return size;
  if (said.has('not_as_described')) return 'not_as_described';
  if (said.has('changed_mind')) return 'changed_mind';
  return undefined;
}
