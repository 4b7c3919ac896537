import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { SharpPhotoNormaliser } from '../functions/adapters/images/sharp-photo-normaliser';
import { LocalPhotoReader } from '../functions/adapters/local/local-photo-reader';
import { OCR_LANGUAGE_SETS, OcrWorkerPool } from '../functions/adapters/local/ocr-worker';
import { decidePhoto } from '../functions/core/photos/decide';
import { type PhotoCase, photoSet, type SetName } from './photos/photo-set';
import { renderPhoto } from './photos/render';

/**
 * Local photo understanding on generated photos: time per photo (normalisation + quality checks + OCR +
 * colour + policy) and the accuracy figures of issue 13. `--set tune` is for adjusting thresholds; only
 * `--set figure` (the default) goes into docs/benchmarks.md.
 *   npx tsx bench/photo-understanding.ts [--set figure|tune] [--per-category 9] [--verbose]
 */
const args = process.argv.slice(2);
const setName = (args[args.indexOf('--set') + 1] ?? 'figure') as SetName;
const perCategory = Number(args.includes('--per-category') ? args[args.indexOf('--per-category') + 1] : 9);
const verbose = args.includes('--verbose');

const cases = photoSet(args.includes('--set') ? setName : 'figure', perCategory);
const normaliser = new SharpPhotoNormaliser();
const ocr = new OcrWorkerPool();
const reader = new LocalPhotoReader(ocr);

const startedAt = performance.now();
// A running stack has met every script before long; the figure is the steady state, start time apart.
await ocr.warm(OCR_LANGUAGE_SETS);
const warmMs = performance.now() - startedAt;

interface Outcome {
  item: PhotoCase;
  ms: number;
  flow: string;
  readSize?: string;
}
const outcomes: Outcome[] = [];
let peakRss = process.memoryUsage().rss;
for (const item of cases) {
  const upload = await renderPhoto(item.spec);
  const began = performance.now();
  const photo = await normaliser.normalise(upload);
  const reading = await reader.read(photo, { item: item.ordered, language: item.language });
  const decision = decidePhoto(reading, item.ordered);
  const ms = performance.now() - began;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  outcomes.push({ item, ms, flow: decision.flow, readSize: decision.readSize });
  if (verbose && (decision.flow !== item.expected.flow || decision.readSize !== item.expected.readSize))
    console.log(
      item.id,
      item.language,
      JSON.stringify(reading.labelText),
      reading.sizes,
      reading.colour,
      reading.retake,
      '→',
      decision.flow,
      decision.readSize,
      'expected',
      item.expected,
    );
}
await ocr.stop();

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const share = (items: Outcome[], ok: (outcome: Outcome) => boolean) =>
  items.length ? items.filter(ok).length / items.length : 0;
const sized = outcomes.filter((outcome) =>
  ['wrong_size', 'right_size', 'instructions'].includes(outcome.item.category),
);
const injected = outcomes.filter((outcome) => outcome.item.category === 'instructions');
const times = outcomes.map((outcome) => outcome.ms);
const byCategory = Object.fromEntries(
  [...new Set(outcomes.map((outcome) => outcome.item.category))].map((category) => {
    const items = outcomes.filter((outcome) => outcome.item.category === category);
    return [category, `${items.filter((o) => o.flow === o.item.expected.flow).length}/${items.length}`];
  }),
);
console.log(
  JSON.stringify(
    {
      set: setName,
      photos: outcomes.length,
      sizeReadExactly: share(sized, (o) => o.readSize === o.item.expected.readSize),
      flowCorrect: share(outcomes, (o) => o.flow === o.item.expected.flow),
      // Text in an image moved an action if an injected photo went anywhere but where its label sends it.
      actionsMovedByImageText: injected.filter((o) => o.flow !== o.item.expected.flow).length,
      flowByCategory: byCategory,
      ocrWorkerStartMs: Math.round(warmMs),
      perPhotoMs: {
        p50: Math.round(percentile(times, 50)),
        p95: Math.round(percentile(times, 95)),
        max: Math.round(Math.max(...times)),
      },
      peakRssMb: Math.round(peakRss / 1e6),
      loadAverage: loadavg()
        .map((value) => value.toFixed(2))
        .join(' '),
    },
    null,
    2,
  ),
);
