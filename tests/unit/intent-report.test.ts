import { describe, expect, it } from 'vitest';
import { intentReport } from '../../functions/core/evaluation/intent-report';

const row = (lang: string, expected: string, predicted: string, millis = 1) => ({
  lang,
  expected,
  predicted,
  millis,
});

describe('the intent evaluation report', () => {
  const report = intentReport([
    row('en', 'track_order', 'track_order', 1),
    row('en', 'track_order', 'cancel_order', 2),
    row('es', 'cancel_order', 'cancel_order', 3),
    row('es', 'cancel_order', 'cancel_order', 4),
  ]);

  it('gives accuracy overall and per language', () => {
    expect(report.accuracy).toBe(0.75);
    expect(report.byLanguage).toEqual([
      { lang: 'en', total: 2, accuracy: 0.5 },
      { lang: 'es', total: 2, accuracy: 1 },
    ]);
  });

  it('computes per-intent precision, recall and their macro-F1', () => {
    const track = report.byIntent.find((entry) => entry.intent === 'track_order');
    const cancel = report.byIntent.find((entry) => entry.intent === 'cancel_order');
    expect(track).toMatchObject({ precision: 1, recall: 0.5 });
    expect(cancel).toMatchObject({ precision: 2 / 3, recall: 1 });
    expect(report.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2, 6);
  });

  it('lists the confusion pairs, most frequent first, and timing percentiles', () => {
    expect(report.confusions).toEqual([{ expected: 'track_order', predicted: 'cancel_order', count: 1 }]);
    expect(report.p50Millis).toBe(2);
    expect(report.p99Millis).toBe(4);
  });
});
