import type { HandoffPriority } from '../../ports/repositories';
import type { SentimentResult } from '../sentiment/types';

/** A clearly negative message moves a waiting conversation up; an unmistakably angry one to the top. */
const HIGH_NEGATIVE = 0.7;
const URGENT_NEGATIVE = 0.9;

export const PRIORITY_ORDER: readonly HandoffPriority[] = ['low', 'normal', 'high', 'urgent'];

/** The priority a shopper message's sentiment calls for, if it calls for more than the default. */
export function priorityForSentiment(result: SentimentResult | undefined): HandoffPriority | undefined {
  if (!result || (result.label !== 'negative' && result.label !== 'mixed')) return undefined;
  const negative = result.scores.negative;
  if (negative >= URGENT_NEGATIVE) return 'urgent';
  if (negative >= HIGH_NEGATIVE) return 'high';
  return undefined;
}

/** The priorities a raise to `target` may replace: only lower ones, so a raise never lowers. */
export const prioritiesBelow = (target: HandoffPriority): HandoffPriority[] =>
  PRIORITY_ORDER.slice(0, PRIORITY_ORDER.indexOf(target));
