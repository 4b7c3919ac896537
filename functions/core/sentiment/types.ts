import type { SentimentLabel } from '../analytics/facts';

export type { SentimentLabel } from '../analytics/facts';

/** The three classes the model is trained on; `mixed` is derived when positive and negative both score. */
export type SentimentClass = 'positive' | 'negative' | 'neutral';

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
}

export interface SentimentInput {
  text: string;
  /** ISO 639-1 language of the text; a hint only, the model is shared across languages. */
  lang?: string | null;
}
