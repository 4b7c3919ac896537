import type { SentimentLabel } from '../analytics/facts';

export type { SentimentLabel } from '../analytics/facts';

export interface SentimentScores {
  positive: number;
  negative: number;
  neutral: number;
  mixed: number;
}

export interface SentimentResult {
  label: SentimentLabel;
  /** Sum to 1. */
  scores: SentimentScores;
  /**
   * How soon a person should answer, 0..1 (see urgency.ts): threats to leave, charge back or review badly
   * weigh most, then anger and repeat contacts, then mild disappointment. 0 for positive and neutral
   * messages. Optional only so results built by older code and tests stay valid; every adapter sets it.
   */
  urgency?: number;
}

export interface SentimentInput {
  text: string;
  /** ISO 639-1 language of the text; selects the lexicon (detected when absent). */
  lang?: string | null;
}
