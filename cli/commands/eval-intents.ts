import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import * as z from 'zod';
import { analyse } from '../../functions/core/embedded-model/analyse';
import { intentReport, type LabelledPrediction } from '../../functions/core/evaluation/intent-report';

const Line = z.object({ text: z.string().min(1), intent: z.string().min(1), lang: z.string().min(2) });

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/**
 * Scores the embedded model's intent classifier on a seller's own labelled messages. The last line is
 * `accuracy=<0..1>` so scripts can read it.
 */
export async function runEvalIntents(file: string): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  const rows: LabelledPrediction[] = [];
  let skipped = 0;
  // The first call trains the model; time only what a warm process does.
  analyse('warm-up');
  lines.forEach((content, index) => {
    if (!content.trim()) return;
    let parsed: z.infer<typeof Line>;
    try {
      parsed = Line.parse(JSON.parse(content));
    } catch {
      skipped++;
      console.error(`line ${index + 1}: expected {"text","intent","lang"}`);
      return;
    }
    const started = performance.now();
    const { intent } = analyse(parsed.text, { languageHint: parsed.lang });
    rows.push({
      lang: parsed.lang,
      expected: parsed.intent,
      predicted: intent,
      millis: performance.now() - started,
    });
  });
  if (rows.length === 0) throw new Error(`no labelled lines in ${file}`);
  const report = intentReport(rows);

  console.log(`${report.total} messages${skipped ? `, ${skipped} unreadable line(s) skipped` : ''}\n`);
  console.log('accuracy by language');
  for (const entry of report.byLanguage)
    console.log(`  ${entry.lang.padEnd(6)} ${percent(entry.accuracy).padStart(6)}  (${entry.total})`);
  console.log('\nby intent                 precision  recall     F1   count');
  for (const entry of report.byIntent) {
    console.log(
      `  ${entry.intent.padEnd(22)} ${percent(entry.precision).padStart(7)} ${percent(entry.recall).padStart(7)} ${percent(entry.f1).padStart(6)} ${String(entry.total).padStart(7)}`,
    );
  }
  console.log('\nmost frequent confusions (expected → predicted)');
  for (const pair of report.confusions.slice(0, 10)) {
    console.log(`  ${pair.expected} → ${pair.predicted}: ${pair.count}`);
  }
  console.log(`\nmacro-F1=${report.macroF1.toFixed(3)}`);
  console.log(`classification p50=${report.p50Millis.toFixed(3)} ms p99=${report.p99Millis.toFixed(3)} ms`);
  console.log(`accuracy=${report.accuracy.toFixed(4)}`);
  return 0;
}
