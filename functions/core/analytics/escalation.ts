import type { HandoffPriority } from '../../ports/repositories';
import type { SentimentResult } from '../sentiment/types';
import { HIGH_AT, URGENT_AT } from '../sentiment/urgency';

/** For a result without urgency (an adapter that predates it): how negative it reads stands in. */
const HIGH_NEGATIVE = 0.7;
const URGENT_NEGATIVE = 0.9;

export const PRIORITY_ORDER: readonly HandoffPriority[] = ['low', 'normal', 'high', 'urgent'];

/** The priority an urgency (0..1, see core/sentiment/urgency.ts) calls for, if more than the default. */
export function priorityForUrgency(urgency: number | null | undefined): HandoffPriority | undefined {
  if (urgency === null || urgency === undefined) return undefined;
  if (urgency >= URGENT_AT) return 'urgent';
  if (urgency >= HIGH_AT) return 'high';
  return undefined;
}

/**
 * The priority a shopper message's sentiment calls for, if it calls for more than the default: its
 * urgency decides, so a polite shopper threatening a chargeback outranks a blunt but mild one.
 */
export function priorityForSentiment(result: SentimentResult | undefined): HandoffPriority | undefined {
  if (!result) return undefined;
  if (result.urgency !== undefined) return priorityForUrgency(result.urgency);
  if (result.label !== 'negative' && result.label !== 'mixed') return undefined;
  if (result.scores.negative >= URGENT_NEGATIVE) return 'urgent';
  if (result.scores.negative >= HIGH_NEGATIVE) return 'high';
  return undefined;
}

/** The higher of two priorities (either may be absent). */
export function higherPriority(a: HandoffPriority, b: HandoffPriority | undefined): HandoffPriority {
  if (!b) return a;
  return PRIORITY_ORDER.indexOf(b) > PRIORITY_ORDER.indexOf(a) ? b : a;
}

/** The priorities a raise to `target` may replace: only lower ones, so a raise never lowers. */
export const prioritiesBelow = (target: HandoffPriority): HandoffPriority[] =>
  PRIORITY_ORDER.slice(0, PRIORITY_ORDER.indexOf(target));
