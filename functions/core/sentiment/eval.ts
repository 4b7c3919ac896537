import { SENTIMENT_HELD_OUT } from './data/heldout';
import { analyseSentiment } from './model';
import type { SentimentInput, SentimentLabel, SentimentResult } from './types';

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'negative', 'neutral', 'mixed'];

export interface LabelledSentiment {
  text: string;
  lang: string;
  label: SentimentLabel;
}

export interface LabelScore {
  /** Examples labelled with this label. */
  expected: number;
  /** Examples the analyser gave this label. */
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface SentimentEvaluation {
  total: number;
  correct: number;
  accuracy: number;
  byLanguage: Record<string, { total: number; correct: number }>;
  byLabel: Record<SentimentLabel, LabelScore>;
  /** `confusion[expected][predicted]`: counts, the diagonal included. */
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
  errors: Array<{ lang: string; text: string; expected: SentimentLabel; got: SentimentLabel }>;
}

type Classifier = (input: SentimentInput) => SentimentResult;

const perLabel = <T>(make: () => T) =>
  Object.fromEntries(SENTIMENT_LABELS.map((label) => [label, make()])) as Record<SentimentLabel, T>;

/**
 * Scores a labelled set: the one loop behind the held-out test and `afterdesk eval sentiment`. The
 * classifier is a parameter so the arithmetic can be tested with known predictions.
 */
export function scoreSentiment(
  examples: Iterable<LabelledSentiment>,
  classify: Classifier = analyseSentiment,
): SentimentEvaluation {
  const byLanguage: SentimentEvaluation['byLanguage'] = {};
  const confusion = perLabel(() => perLabel(() => 0));
  const errors: SentimentEvaluation['errors'] = [];
  let total = 0;
  let correct = 0;
  for (const example of examples) {
    const got = classify({ text: example.text, lang: example.lang }).label;
    const language = byLanguage[example.lang] ?? { total: 0, correct: 0 };
    byLanguage[example.lang] = language;
    total++;
    language.total++;
    confusion[example.label][got]++;
    if (got === example.label) {
      correct++;
      language.correct++;
    } else errors.push({ lang: example.lang, text: example.text, expected: example.label, got });
  }
  const byLabel = perLabel<LabelScore>(() => ({
    expected: 0,
    predicted: 0,
    correct: 0,
    precision: 0,
    recall: 0,
  }));
  for (const expected of SENTIMENT_LABELS) {
    for (const predicted of SENTIMENT_LABELS) {
      const count = confusion[expected][predicted];
      byLabel[expected].expected += count;
      byLabel[predicted].predicted += count;
      if (expected === predicted) byLabel[expected].correct += count;
    }
  }
  for (const score of Object.values(byLabel)) {
    score.precision = score.predicted ? score.correct / score.predicted : 0;
    score.recall = score.expected ? score.correct / score.expected : 0;
  }
  return { total, correct, accuracy: total ? correct / total : 0, byLanguage, byLabel, confusion, errors };
}

/** Held-out accuracy over positive / negative / neutral; a `mixed` answer counts as wrong. */
export function evaluateSentiment(): SentimentEvaluation {
  return scoreSentiment(SENTIMENT_HELD_OUT);
}
