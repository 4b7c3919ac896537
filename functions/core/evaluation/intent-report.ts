/** Scores of a labelled intent set: what `afterdesk eval intents` prints. Pure, so tests can check the maths. */
export interface LabelledPrediction {
  lang: string;
  expected: string;
  predicted: string;
  millis: number;
}

export interface IntentReport {
  total: number;
  accuracy: number;
  macroF1: number;
  byLanguage: Array<{ lang: string; total: number; accuracy: number }>;
  byIntent: Array<{ intent: string; total: number; precision: number; recall: number; f1: number }>;
  confusions: Array<{ expected: string; predicted: string; count: number }>;
  p50Millis: number;
  p99Millis: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

export function intentReport(rows: readonly LabelledPrediction[]): IntentReport {
  const correct = rows.filter((row) => row.expected === row.predicted).length;
  const languages = [...new Set(rows.map((row) => row.lang))].sort();
  const byLanguage = languages.map((lang) => {
    const ofLang = rows.filter((row) => row.lang === lang);
    return {
      lang,
      total: ofLang.length,
      accuracy: ofLang.filter((row) => row.expected === row.predicted).length / ofLang.length,
    };
  });
  // Macro-F1 over the intents the set labels: an intent never expected would only add noise.
  const intents = [...new Set(rows.map((row) => row.expected))].sort();
  const byIntent = intents.map((intent) => {
    const truePositives = rows.filter((row) => row.expected === intent && row.predicted === intent).length;
    const predicted = rows.filter((row) => row.predicted === intent).length;
    const actual = rows.filter((row) => row.expected === intent).length;
    const precision = predicted ? truePositives / predicted : 0;
    const recall = actual ? truePositives / actual : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { intent, total: actual, precision, recall, f1 };
  });
  const pairs = new Map<string, number>();
  for (const row of rows) {
    if (row.expected === row.predicted) continue;
    const key = `${row.expected}\u0000${row.predicted}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const confusions = [...pairs.entries()]
    .map(([key, count]) => {
      const [expected = '', predicted = ''] = key.split('\u0000');
      return { expected, predicted, count };
    })
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected));
  const timings = rows.map((row) => row.millis).sort((a, b) => a - b);
  return {
    total: rows.length,
    accuracy: rows.length ? correct / rows.length : 0,
    macroF1: byIntent.length ? byIntent.reduce((sum, entry) => sum + entry.f1, 0) / byIntent.length : 0,
    byLanguage,
    byIntent,
    confusions,
    p50Millis: percentile(timings, 0.5),
    p99Millis: percentile(timings, 0.99),
  };
}
