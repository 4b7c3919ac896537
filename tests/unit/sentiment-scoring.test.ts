import { describe, expect, it } from 'vitest';
import { parseSentimentLines } from '../../cli/commands/eval-sentiment';
import { type LabelledSentiment, scoreSentiment } from '../../functions/core/sentiment/eval';
import type { SentimentLabel } from '../../functions/core/sentiment/types';

const scores = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
/** Predicts whatever label the text names, so the expected tallies are known. */
const echo = ({ text }: { text: string }) => ({ label: text as SentimentLabel, scores });

describe('sentiment scoring', () => {
  it('counts accuracy, per-language, per-label precision and recall, and the confusion matrix', () => {
    const examples: LabelledSentiment[] = [
      { text: 'positive', lang: 'en', label: 'positive' },
      { text: 'positive', lang: 'en', label: 'mixed' },
      { text: 'negative', lang: 'es', label: 'negative' },
      { text: 'neutral', lang: 'es', label: 'negative' },
    ];
    const result = scoreSentiment(examples, echo);
    expect(result).toMatchObject({ total: 4, correct: 2, accuracy: 0.5 });
    expect(result.byLanguage).toEqual({ en: { total: 2, correct: 1 }, es: { total: 2, correct: 1 } });
    expect(result.byLabel.positive).toEqual({
      expected: 1,
      predicted: 2,
      correct: 1,
      precision: 0.5,
      recall: 1,
    });
    expect(result.byLabel.negative).toEqual({
      expected: 2,
      predicted: 1,
      correct: 1,
      precision: 1,
      recall: 0.5,
    });
    expect(result.byLabel.mixed).toMatchObject({ expected: 1, predicted: 0, precision: 0, recall: 0 });
    expect(result.confusion.mixed.positive).toBe(1);
    expect(result.confusion.negative.neutral).toBe(1);
    expect(result.errors).toHaveLength(2);
  });

  it('tallies patterns and urgency: threats must score urgent, other complaints stay below', () => {
    const result = scoreSentiment(
      [
        { text: 'a', lang: 'en', label: 'negative', pattern: 'threat', urgent: true },
        { text: 'b', lang: 'en', label: 'negative', pattern: 'threat', urgent: true },
        { text: 'c', lang: 'en', label: 'negative', pattern: 'polite-complaint' },
        { text: 'd', lang: 'en', label: 'neutral', pattern: 'question' },
      ],
      ({ text }) => ({
        label: text === 'd' ? 'positive' : 'negative',
        scores,
        urgency: { a: 0.9, b: 0.6, c: 0.4, d: 0 }[text],
      }),
    );
    expect(result.byPattern).toEqual({
      threat: { total: 2, correct: 2 },
      'polite-complaint': { total: 1, correct: 1 },
      question: { total: 1, correct: 0 },
    });
    expect(result.urgency).toEqual({ urgent: 2, urgentCaught: 1, mild: 1, mildKeptBelow: 1 });
    expect(result.errors).toEqual([
      { lang: 'en', pattern: 'question', text: 'd', expected: 'neutral', got: 'positive' },
    ]);
  });

  it('reads labelled lines, skipping blanks and naming the line of each unreadable one', () => {
    const { examples, problems } = parseSentimentLines(
      [
        '{"text":"ok","sentiment":"neutral","lang":"en"}',
        '',
        '{"text":"ok","sentiment":"meh","lang":"en"}',
        '{"text":',
        '{"text":"bien","sentiment":"mixed","lang":"fr"}\r',
      ].join('\n'),
    );
    expect(examples).toEqual([
      { text: 'ok', lang: 'en', label: 'neutral' },
      { text: 'bien', lang: 'fr', label: 'mixed' },
    ]);
    expect(problems).toEqual([expect.stringMatching(/^line 3: .*sentiment/), 'line 4: not valid JSON']);
  });
});
