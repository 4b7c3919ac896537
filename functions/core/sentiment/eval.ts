import { SENTIMENT_HELD_OUT } from './data/heldout';
import { analyseSentiment } from './model';
import type { SentimentClass } from './types';

export interface SentimentEvaluation {
  total: number;
  correct: number;
  accuracy: number;
  byLanguage: Record<string, { total: number; correct: number }>;
  errors: Array<{ lang: string; text: string; expected: SentimentClass; got: string }>;
}

/** Held-out accuracy over positive / negative / neutral; a `mixed` answer counts as wrong. */
export function evaluateSentiment(): SentimentEvaluation {
  const byLanguage: SentimentEvaluation['byLanguage'] = {};
  const errors: SentimentEvaluation['errors'] = [];
  let correct = 0;
  for (const example of SENTIMENT_HELD_OUT) {
    const result = analyseSentiment(example);
    const entry = byLanguage[example.lang] ?? { total: 0, correct: 0 };
    byLanguage[example.lang] = entry;
    entry.total++;
    if (result.label === example.label) {
      correct++;
      entry.correct++;
    } else
      errors.push({ lang: example.lang, text: example.text, expected: example.label, got: result.label });
  }
  const total = SENTIMENT_HELD_OUT.length;
  return { total, correct, accuracy: total ? correct / total : 0, byLanguage, errors };
}
