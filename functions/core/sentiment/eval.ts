import { analyseSentiment } from './model';
import type { SentimentInput, SentimentLabel, SentimentResult } from './types';
import { URGENT_AT } from './urgency';

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'negative', 'neutral', 'mixed'];

export interface LabelledSentiment {
  text: string;
  lang: string;
  label: SentimentLabel;
  /** What the message tests (`negated-praise`, `question`, `sarcasm`…); eval/sentiment/README.md lists them. */
  pattern?: string;
  /** A threat to leave, charge back or review badly: should score urgent. */
  urgent?: boolean;
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

export interface Tally {
  total: number;
  correct: number;
}

export interface SentimentEvaluation {
  total: number;
  correct: number;
  accuracy: number;
  byLanguage: Record<string, Tally>;
  /** Only examples that name a pattern. */
  byPattern: Record<string, Tally>;
  byLabel: Record<SentimentLabel, LabelScore>;
  /** `confusion[expected][predicted]`: counts, the diagonal included. */
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
  /**
   * Urgency: of the examples marked urgent, how many scored at least URGENT_AT (`urgentCaught`); of the
   * other negative examples, how many stayed below it (`mildKeptBelow`) — threats must outrank disappointment.
   */
  urgency: { urgent: number; urgentCaught: number; mild: number; mildKeptBelow: number };
  errors: Array<{
    lang: string;
    pattern?: string;
    text: string;
    expected: SentimentLabel;
    got: SentimentLabel;
  }>;
}

type Classifier = (input: SentimentInput) => SentimentResult;

const perLabel = <T>(make: () => T) =>
  Object.fromEntries(SENTIMENT_LABELS.map((label) => [label, make()])) as Record<SentimentLabel, T>;

const count = (tallies: Record<string, Tally>, key: string, correct: boolean) => {
  const tally = tallies[key] ?? { total: 0, correct: 0 };
  tallies[key] = tally;
  tally.total++;
  if (correct) tally.correct++;
};

/**
 * Scores a labelled set: the one loop behind the tests and `afterdesk eval sentiment`. The classifier is a
 * parameter so the arithmetic can be tested with known predictions.
 */
export function scoreSentiment(
  examples: Iterable<LabelledSentiment>,
  classify: Classifier = analyseSentiment,
): SentimentEvaluation {
  const byLanguage: Record<string, Tally> = {};
  const byPattern: Record<string, Tally> = {};
  const confusion = perLabel(() => perLabel(() => 0));
  const errors: SentimentEvaluation['errors'] = [];
  const urgency = { urgent: 0, urgentCaught: 0, mild: 0, mildKeptBelow: 0 };
  let total = 0;
  let correct = 0;
  for (const example of examples) {
    const result = classify({ text: example.text, lang: example.lang });
    const got = result.label;
    const right = got === example.label;
    total++;
    count(byLanguage, example.lang, right);
    if (example.pattern) count(byPattern, example.pattern, right);
    confusion[example.label][got]++;
    if (right) correct++;
    else
      errors.push({
        lang: example.lang,
        pattern: example.pattern,
        text: example.text,
        expected: example.label,
        got,
      });
    const score = result.urgency ?? 0;
    if (example.urgent) {
      urgency.urgent++;
      if (score >= URGENT_AT) urgency.urgentCaught++;
    } else if (example.label === 'negative') {
      urgency.mild++;
      if (score < URGENT_AT) urgency.mildKeptBelow++;
    }
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
      const cell = confusion[expected][predicted];
      byLabel[expected].expected += cell;
      byLabel[predicted].predicted += cell;
      if (expected === predicted) byLabel[expected].correct += cell;
    }
  }
  for (const score of Object.values(byLabel)) {
    score.precision = score.predicted ? score.correct / score.predicted : 0;
    score.recall = score.expected ? score.correct / score.expected : 0;
  }
  return {
    total,
    correct,
    accuracy: total ? correct / total : 0,
    byLanguage,
    byPattern,
    byLabel,
    confusion,
    urgency,
    errors,
  };
}
