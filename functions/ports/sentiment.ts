import type { SentimentInput, SentimentResult } from '../core/sentiment/types';

export type { SentimentInput, SentimentResult, SentimentScores } from '../core/sentiment/types';

/**
 * Sentiment of a batch of texts, one result per input in the same order. Comprehend in the cloud (with a
 * fallback for languages it lacks), the embedded analyser locally.
 */
export interface Sentiment {
  detect(texts: readonly SentimentInput[]): Promise<SentimentResult[]>;
}
