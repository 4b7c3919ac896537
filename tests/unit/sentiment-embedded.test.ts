import { describe, expect, it } from 'vitest';
import { EmbeddedSentiment } from '../../functions/adapters/local/embedded-sentiment';
import { SENTIMENT_HELD_OUT } from '../../functions/core/sentiment/data/heldout';
import { SENTIMENT_TRAINING } from '../../functions/core/sentiment/data/training';
import { evaluateSentiment } from '../../functions/core/sentiment/eval';
import { analyseSentiment } from '../../functions/core/sentiment/model';

const LANGUAGES = 'en es fr de it pt nl pl ru tr ar zh ja ko id vi th'.split(' ');

describe('embedded sentiment', () => {
  it('covers the 17 languages in training and in the held-out set, with no overlap', () => {
    expect(Object.keys(SENTIMENT_TRAINING).sort()).toEqual([...LANGUAGES].sort());
    const training = new Set(
      Object.values(SENTIMENT_TRAINING).flatMap((byClass) => Object.values(byClass).flat()),
    );
    for (const lang of LANGUAGES) {
      for (const label of ['positive', 'negative', 'neutral'] as const) {
        expect(SENTIMENT_HELD_OUT.filter((e) => e.lang === lang && e.label === label).length).toBeGreaterThan(
          0,
        );
      }
    }
    for (const example of SENTIMENT_HELD_OUT) expect(training.has(example.text)).toBe(false);
  });

  it('reaches at least 0.80 held-out accuracy over positive / negative / neutral', () => {
    const evaluation = evaluateSentiment();
    console.info(
      `sentiment held-out accuracy ${evaluation.accuracy.toFixed(3)} (${evaluation.correct}/${evaluation.total})`,
    );
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(0.8);
    for (const [lang, { total, correct }] of Object.entries(evaluation.byLanguage))
      expect(correct / total, lang).toBeGreaterThanOrEqual(0.5);
  });

  it('returns four scores summing to 1, with the label the highest score', () => {
    for (const text of [
      "arrived broken, I'm furious",
      'thanks, great service',
      'where is my order',
      'thanks for the quick reply but the shirt arrived torn and I am angry',
      '',
      '12345',
    ]) {
      const { label, scores } = analyseSentiment(text);
      const sum = scores.positive + scores.negative + scores.neutral + scores.mixed;
      expect(sum).toBeCloseTo(1, 9);
      for (const value of Object.values(scores)) expect(value).toBeGreaterThanOrEqual(0);
      expect(scores[label]).toBe(Math.max(...Object.values(scores)));
    }
    expect(analyseSentiment('').label).toBe('neutral');
  });

  it('is deterministic and fast', () => {
    const text = 'the jacket is faded, very disappointed';
    expect(analyseSentiment(text)).toEqual(analyseSentiment(text));
    const started = performance.now();
    for (let i = 0; i < 1000; i++) analyseSentiment(`${text} ${i}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('the embedded adapter answers one result per input, in order', async () => {
    const results = await new EmbeddedSentiment().detect([
      { text: 'thanks, great service', lang: 'en' },
      { text: 'llegó roto, estoy furioso', lang: 'es' },
      { text: '我的订单在哪里', lang: 'zh' },
    ]);
    expect(results.map((r) => r.label)).toEqual(['positive', 'negative', 'neutral']);
  });
});
