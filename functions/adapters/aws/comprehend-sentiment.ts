import { BatchDetectSentimentCommand, type ComprehendClient } from '@aws-sdk/client-comprehend';
import type { Sentiment, SentimentInput, SentimentResult } from '../../ports/sentiment';

/** Languages Comprehend's sentiment detection covers; the others go to the fallback analyser. */
export const COMPREHEND_SENTIMENT_LANGUAGES = new Set([
  'de',
  'en',
  'es',
  'it',
  'pt',
  'fr',
  'ja',
  'ko',
  'hi',
  'ar',
  'zh',
  'zh-TW',
]);
/** BatchDetectSentiment takes at most 25 documents of at most 5,000 UTF-8 bytes each. */
const BATCH_SIZE = 25;
const MAX_DOCUMENT_BYTES = 5000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function clip(text: string): string {
  const bytes = encoder.encode(text);
  if (bytes.length <= MAX_DOCUMENT_BYTES) return text;
  // Cutting bytes can split a character; the decoder drops the broken tail instead of throwing.
  return decoder.decode(bytes.slice(0, MAX_DOCUMENT_BYTES)).replace(/\uFFFD+$/, '');
}

/**
 * Comprehend for the languages it covers, batched per language; the fallback (the embedded analyser) for
 * the rest (th, vi, id, ms…) and for any document Comprehend reports as failed.
 */
export class ComprehendSentiment implements Sentiment {
  constructor(
    private readonly client: ComprehendClient,
    private readonly fallback: Sentiment,
  ) {}

  async detect(texts: readonly SentimentInput[]): Promise<SentimentResult[]> {
    const results: Array<SentimentResult | undefined> = new Array(texts.length);
    const byLanguage = new Map<string, number[]>();
    const fallbackIndexes: number[] = [];
    texts.forEach((input, index) => {
      const lang = input.lang ?? '';
      if (COMPREHEND_SENTIMENT_LANGUAGES.has(lang) && input.text.trim()) {
        byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), index]);
      } else fallbackIndexes.push(index);
    });
    for (const [lang, indexes] of byLanguage) {
      for (let start = 0; start < indexes.length; start += BATCH_SIZE) {
        const chunk = indexes.slice(start, start + BATCH_SIZE);
        const response = await this.client.send(
          new BatchDetectSentimentCommand({
            LanguageCode: lang as 'en',
            TextList: chunk.map((index) => clip(texts[index]?.text ?? '')),
          }),
        );
        for (const item of response.ResultList ?? []) {
          const index = chunk[item.Index ?? -1];
          if (index === undefined || !item.Sentiment) continue;
          const score = item.SentimentScore ?? {};
          results[index] = {
            label: item.Sentiment.toLowerCase() as SentimentResult['label'],
            scores: {
              positive: score.Positive ?? 0,
              negative: score.Negative ?? 0,
              neutral: score.Neutral ?? 0,
              mixed: score.Mixed ?? 0,
            },
          };
        }
        for (const failed of response.ErrorList ?? []) {
          const index = chunk[failed.Index ?? -1];
          if (index !== undefined) fallbackIndexes.push(index);
        }
      }
    }
    const missing = texts
      .map((_, index) => index)
      .filter((index) => !results[index] && !fallbackIndexes.includes(index));
    const toFallback = [...fallbackIndexes, ...missing];
    if (toFallback.length > 0) {
      const fallbackResults = await this.fallback.detect(
        toFallback.map((index) => texts[index] as SentimentInput),
      );
      toFallback.forEach((index, position) => {
        results[index] = fallbackResults[position];
      });
    }
    return results.map(
      (result) => result ?? { label: 'neutral', scores: { positive: 0, negative: 0, neutral: 1, mixed: 0 } },
    );
  }
}
