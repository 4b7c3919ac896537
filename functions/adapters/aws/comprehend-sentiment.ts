import {
  BatchDetectSentimentCommand,
  type ComprehendClient,
  type LanguageCode,
} from '@aws-sdk/client-comprehend';
import { withUrgency } from '../../core/sentiment/model';
import type { Sentiment, SentimentInput, SentimentResult } from '../../ports/sentiment';
import { COMPREHEND_LANGUAGES, inComprehendBatches } from './comprehend-batches';

/** Languages Comprehend's sentiment detection covers; the others go to the fallback analyser. */
export const COMPREHEND_SENTIMENT_LANGUAGES = COMPREHEND_LANGUAGES;

const NEUTRAL: SentimentResult = {
  label: 'neutral',
  scores: { positive: 0, negative: 0, neutral: 1, mixed: 0 },
};

/**
 * Comprehend for the languages it covers, batched per language; the fallback (Bedrock, then the embedded
 * analyser) for the rest (th, vi, id, ms…) and for any document Comprehend reports as failed. Every result
 * carries urgency (core/sentiment/urgency.ts); docs/evaluation.md gives the choice per language.
 */
export class ComprehendSentiment implements Sentiment {
  constructor(
    private readonly client: ComprehendClient,
    private readonly fallback: Sentiment,
  ) {}

  async detect(texts: readonly SentimentInput[]): Promise<SentimentResult[]> {
    const { results, rest } = await inComprehendBatches(
      texts,
      COMPREHEND_SENTIMENT_LANGUAGES,
      (languageCode, textList) =>
        this.client.send(
          new BatchDetectSentimentCommand({ LanguageCode: languageCode as LanguageCode, TextList: textList }),
        ),
      (item): SentimentResult | undefined => {
        if (!item.Sentiment) return undefined;
        const score = item.SentimentScore ?? {};
        return {
          label: item.Sentiment.toLowerCase() as SentimentResult['label'],
          scores: {
            positive: score.Positive ?? 0,
            negative: score.Negative ?? 0,
            neutral: score.Neutral ?? 0,
            mixed: score.Mixed ?? 0,
          },
        };
      },
    );
    if (rest.length > 0) {
      const fallbackResults = await this.fallback.detect(rest.map((index) => texts[index] as SentimentInput));
      rest.forEach((index, position) => {
        results[index] = fallbackResults[position];
      });
    }
    // Comprehend reads polarity only: urgency comes from the message's own cues weighed with its label.
    return results.map((result, index) => withUrgency(texts[index] as SentimentInput, result ?? NEUTRAL));
  }
}
