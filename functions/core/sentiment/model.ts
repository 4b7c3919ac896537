/**
 * The embedded sentiment analyser: multinomial naive Bayes over words, word bigrams and character n-grams
 * (character grams stand in for words in Chinese, Japanese, Thai and Korean), trained at first use on
 * hand-written after-sales examples in 17 languages plus a small polarity lexicon. Pure and deterministic.
 *
 * The model has three classes. `mixed` is derived: when positive and negative both hold a real share of the
 * probability ("thanks for the quick reply but the shirt is torn"), their common part moves to `mixed`.
 * The four scores always sum to 1.
 */
import {
  type NaiveBayesModel,
  rankWithTemperature,
  scoreNaiveBayes,
  type TrainingDocument,
  trainNaiveBayes,
} from '../nlu/naive-bayes';
import { charNgrams, foldLatin, isUnspacedWord, normalise, words } from '../nlu/text';
import { SENTIMENT_LEXICON } from './data/lexicon';
import { SENTIMENT_TRAINING } from './data/training';
import type { SentimentClass, SentimentInput, SentimentResult, SentimentScores } from './types';

export const SENTIMENT_CLASSES: readonly SentimentClass[] = ['positive', 'negative', 'neutral'];

/** Share each of positive and negative must hold before their overlap counts as mixed. */
const MIXED_THRESHOLD = 0.2;

export function sentimentFeatures(text: string): string[] {
  const tokens = words(foldLatin(normalise(text)));
  const features: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (isUnspacedWord(token)) {
      features.push(...charNgrams(token, 1, 3, true));
      continue;
    }
    if (/^\p{N}+$/u.test(token)) continue;
    features.push(`w:${token}`);
    if (token.length > 3) features.push(...charNgrams(token, 4, 5, true));
    const next = tokens[index + 1];
    if (next !== undefined && !isUnspacedWord(next)) features.push(`b:${token} ${next}`);
  }
  if (/[?？؟]/u.test(text)) features.push('p:question');
  if (/!|！/u.test(text)) features.push('p:exclaim');
  return features;
}

function trainingDocuments(): TrainingDocument<SentimentClass>[] {
  const documents: TrainingDocument<SentimentClass>[] = [];
  for (const examples of Object.values(SENTIMENT_TRAINING)) {
    for (const label of SENTIMENT_CLASSES)
      for (const text of examples[label]) documents.push({ label, features: sentimentFeatures(text) });
  }
  for (const lexicon of Object.values(SENTIMENT_LEXICON)) {
    for (const label of ['positive', 'negative'] as const)
      for (const word of lexicon[label]) documents.push({ label, features: sentimentFeatures(word) });
  }
  return documents;
}

let trained: NaiveBayesModel<SentimentClass> | undefined;

function model(): NaiveBayesModel<SentimentClass> {
  trained ??= trainNaiveBayes(SENTIMENT_CLASSES, trainingDocuments(), { alpha: 0.1, uniformPriors: true });
  return trained;
}

export function warmSentimentModel(): void {
  model();
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function finalise(scores: SentimentScores): SentimentResult {
  const rounded = {
    positive: round(scores.positive),
    negative: round(scores.negative),
    neutral: round(scores.neutral),
    mixed: round(scores.mixed),
  };
  // Keep the sum exactly 1 after rounding: the largest score absorbs the remainder.
  const order = (Object.keys(rounded) as Array<keyof SentimentScores>).sort(
    (a, b) => rounded[b] - rounded[a] || a.localeCompare(b),
  );
  const top = order[0] ?? 'neutral';
  const rest = order.slice(1).reduce((sum, key) => sum + rounded[key], 0);
  rounded[top] = round(1 - rest);
  return { label: top, scores: rounded };
}

export function analyseSentiment(input: SentimentInput | string): SentimentResult {
  const text = typeof input === 'string' ? input : input.text;
  const features = sentimentFeatures(text);
  const { logScores, knownFeatures } = scoreNaiveBayes(model(), features);
  if (knownFeatures === 0) return finalise({ positive: 0, negative: 0, neutral: 1, mixed: 0 });
  const ranked = rankWithTemperature(model(), logScores, Math.max(1, knownFeatures / 4));
  const probability = (label: SentimentClass) =>
    ranked.find((entry) => entry.label === label)?.probability ?? 0;
  let positive = probability('positive');
  let negative = probability('negative');
  const neutral = probability('neutral');
  const overlap = Math.min(positive, negative);
  let mixed = 0;
  if (overlap >= MIXED_THRESHOLD) {
    mixed = 2 * overlap;
    positive -= overlap;
    negative -= overlap;
  }
  return finalise({ positive, negative, neutral, mixed });
}
