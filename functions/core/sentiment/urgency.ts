import type { SentimentLabel } from '../analytics/facts';
import type { SentimentResult } from './types';

/** The cues urgency weighs; analyse.ts finds them with the language's lexicon. */
export interface UrgencyCues {
  /** Summed weight of complaint evidence (negated praise, defects, events, anger, threats). */
  negative: number;
  /** Strong-anger words ("furious", "disgraceful", "太过分"). */
  anger: number;
  /** Threats to leave, charge back, review badly or go to an authority or a lawyer. */
  threats: number;
  /** "again", "still", "third time": the shopper has waited or written before. */
  repeats: number;
  /** Exclamation marks, at most 3 counted. */
  exclamations: number;
  /** Mostly capitals. */
  shouting: boolean;
}

/**
 * How soon a person should answer, 0..1, beside polarity: threats (chargeback, leaving, a bad review, an
 * authority) weigh most, then anger and repeat contacts, then the amount of complaint; mild disappointment
 * stays low. Positive and neutral messages are 0 unless they carry a threat; a mixed message counts 0.6 of
 * what it would as a complaint.
 *
 * Bands (used by the hand-off priority, see core/analytics/escalation.ts, and the agent console's queue):
 * ≥ 0.75 urgent, ≥ 0.55 high, ≥ 0.3 a real but mild complaint.
 */
export function urgencyOf(label: SentimentLabel, cues: UrgencyCues): number {
  if (label !== 'negative' && label !== 'mixed' && cues.threats === 0) return 0;
  let urgency =
    0.3 +
    0.1 * Math.min(cues.negative, 3) +
    (cues.anger > 0 ? 0.2 : 0) +
    (cues.threats > 0 ? 0.35 : 0) +
    (cues.repeats > 0 ? 0.1 : 0) +
    0.05 * Math.min(cues.exclamations, 2) +
    (cues.shouting ? 0.1 : 0);
  if (label === 'mixed') urgency *= 0.6;
  return Math.round(Math.min(1, urgency) * 1000) / 1000;
}

export const URGENT_AT = 0.75;
export const HIGH_AT = 0.55;

/**
 * The order an agent's queue should take: most urgent first, then most negative, then oldest. Results
 * without an urgency (older facts, other adapters) count as 0. Exported for the agent console.
 */
export function compareByUrgency(
  a: { urgency?: number | null; negative?: number | null; at: string },
  b: { urgency?: number | null; negative?: number | null; at: string },
): number {
  return (
    (b.urgency ?? 0) - (a.urgency ?? 0) || (b.negative ?? 0) - (a.negative ?? 0) || a.at.localeCompare(b.at)
  );
}

/** Urgency of a result from any adapter: its own field, else 0. */
export const urgencyOfResult = (result: SentimentResult | null | undefined): number => result?.urgency ?? 0;
