import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSentimentLines } from '../../cli/commands/eval-sentiment';
import { EmbeddedSentiment } from '../../functions/adapters/local/embedded-sentiment';
import { scoreSentiment } from '../../functions/core/sentiment/eval';
import { compileLexicon, LexiconFile } from '../../functions/core/sentiment/lexicon';
import { analyseSentiment, sentimentLanguages } from '../../functions/core/sentiment/model';
import { packSentimentLexicons } from '../../models/trainers/sentiment';

const LANGUAGES = 'en es fr de it pt nl pl ru tr ar zh ja ko id vi th'.split(' ');
const split = (name: string) =>
  parseSentimentLines(readFileSync(`eval/sentiment/${name}.jsonl`, 'utf8')).examples;

describe('embedded sentiment', () => {
  it('ships a checked lexicon for each of the 17 languages (models/data/sentiment, the sentiment artifact)', () => {
    expect(sentimentLanguages().sort()).toEqual([...LANGUAGES].sort());
    for (const raw of packSentimentLexicons().meta.lexicons as unknown[]) {
      const file = LexiconFile.parse(raw);
      expect(compileLexicon(file).terms.size, file.lang).toBeGreaterThan(100);
    }
  });

  it('rejects a lexicon that lists one term under two roles, naming it', () => {
    const file = LexiconFile.parse({
      lang: 'xx',
      boundary: 'word',
      negationWindow: 10,
      postNegationWindow: 0,
      terms: { positive: ['fine'], defect: ['fine'] },
    });
    expect(() => compileLexicon(file)).toThrow(/"fine" is listed as positive and defect/);
    expect(() => LexiconFile.parse({ lang: 'xx', boundary: 'sideways' })).toThrow();
  });

  it('scores at least 0.85 in every language on the dev split and on the earlier sentences of others', () => {
    for (const name of ['dev', 'earlier', 'sample']) {
      const evaluation = scoreSentiment(split(name));
      expect(evaluation.accuracy, name).toBeGreaterThanOrEqual(0.85);
      for (const [lang, { total, correct }] of Object.entries(evaluation.byLanguage))
        expect(correct / total, `${name} ${lang}`).toBeGreaterThanOrEqual(0.85);
      expect(evaluation.byLabel.negative.recall, name).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('returns four scores summing to 1, with the label the highest score', () => {
    for (const text of [
      "arrived broken, I'm furious",
      'thanks, great service',
      'where is my order',
      'thanks for the quick reply but the shirt arrived torn',
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

  it('is deterministic, and reads a message without a language hint in its detected language', () => {
    const text = 'the jacket is faded, very disappointed';
    expect(analyseSentiment(text)).toEqual(analyseSentiment(text));
    expect(analyseSentiment({ text: '拉链坏了，很失望' }).label).toBe('negative');
    expect(analyseSentiment({ text: 'la cremallera se rompió', lang: 'xx' }).label).toBe('negative');
  });

  it('the embedded adapter answers one result per input, in order, with urgency', async () => {
    const results = await new EmbeddedSentiment().detect([
      { text: 'thanks, great service', lang: 'en' },
      { text: 'llegó roto, estoy furioso', lang: 'es' },
      { text: '我的订单在哪里', lang: 'zh' },
    ]);
    expect(results.map((r) => r.label)).toEqual(['positive', 'negative', 'neutral']);
    expect(results[0]?.urgency).toBe(0);
    expect(results[1]?.urgency).toBeGreaterThan(0.5);
  });
});
