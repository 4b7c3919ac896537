import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import {
  type LabelledSentiment,
  SENTIMENT_LABELS,
  scoreSentiment,
} from '../../functions/core/sentiment/eval';

const Line = z.object({
  text: z.string().min(1),
  sentiment: z.enum(['positive', 'negative', 'neutral', 'mixed']),
  lang: z.string().min(2),
});

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Blank lines are skipped; a line that is not a labelled message is reported by number and skipped. */
export function parseSentimentLines(content: string): { examples: LabelledSentiment[]; problems: string[] } {
  const examples: LabelledSentiment[] = [];
  const problems: string[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`line ${index + 1}: not valid JSON`);
      return;
    }
    const parsed = Line.safeParse(json);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(line)'))];
      problems.push(
        `line ${index + 1}: expected {"text","sentiment","lang"} with sentiment positive|negative|neutral|mixed (bad: ${fields.join(', ')})`,
      );
      return;
    }
    examples.push({ text: parsed.data.text, lang: parsed.data.lang, label: parsed.data.sentiment });
  });
  return { examples, problems };
}

/**
 * Scores the embedded sentiment analyser on a seller's own labelled messages. The last line is
 * `accuracy=<0..1>` so scripts can read it.
 */
export async function runEvalSentiment(file: string): Promise<number> {
  const { examples, problems } = parseSentimentLines(await readFile(file, 'utf8'));
  for (const problem of problems) console.error(problem);
  if (examples.length === 0) throw new Error(`no labelled lines in ${file}`);
  const report = scoreSentiment(examples);

  console.log(
    `${report.total} messages${problems.length ? `, ${problems.length} unreadable line(s) skipped` : ''}\n`,
  );
  console.log('accuracy by language');
  for (const [lang, entry] of Object.entries(report.byLanguage).sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      `  ${lang.padEnd(6)} ${percent(entry.correct / entry.total).padStart(6)}  (${entry.correct}/${entry.total})`,
    );
  console.log('\nby label      precision  recall   count');
  for (const label of SENTIMENT_LABELS) {
    const entry = report.byLabel[label];
    if (entry.expected === 0 && entry.predicted === 0) continue;
    console.log(
      `  ${label.padEnd(10)} ${percent(entry.precision).padStart(9)} ${percent(entry.recall).padStart(7)} ${String(entry.expected).padStart(7)}`,
    );
  }
  console.log('\nconfusion (rows expected, columns predicted)');
  console.log(`  ${''.padEnd(10)}${SENTIMENT_LABELS.map((label) => label.padStart(10)).join('')}`);
  for (const expected of SENTIMENT_LABELS) {
    if (report.byLabel[expected].expected === 0) continue;
    const counts = SENTIMENT_LABELS.map((predicted) => String(report.confusion[expected][predicted]));
    console.log(`  ${expected.padEnd(10)}${counts.map((count) => count.padStart(10)).join('')}`);
  }
  const pairs = SENTIMENT_LABELS.flatMap((expected) =>
    SENTIMENT_LABELS.filter((predicted) => predicted !== expected).map((predicted) => ({
      expected,
      predicted,
      count: report.confusion[expected][predicted],
    })),
  )
    .filter((pair) => pair.count > 0)
    .sort((a, b) => b.count - a.count);
  if (pairs.length > 0) {
    console.log('\nmost frequent confusions (expected → predicted)');
    for (const pair of pairs.slice(0, 5))
      console.log(`  ${pair.expected} → ${pair.predicted}: ${pair.count}`);
  }
  console.log(`\naccuracy=${report.accuracy.toFixed(4)}`);
  return 0;
}
