import { performance } from 'node:perf_hooks';
import { analyse } from '../functions/core/embedded-model/analyse';
import { readHeldOutIntents } from '../models/data';

const HELD_OUT = readHeldOutIntents();

/**
 * The embedded model's costs: loading its trained artifacts on first use (paid once per cold start, by the
 * first message) and the time to read one message afterwards, over the team's held-out sentences.
 */
const first = performance.now();
analyse('Where is my order?');
const loadMs = performance.now() - first;

const texts = HELD_OUT.map((example) => example.text);
const timings: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const text of texts) {
    const start = performance.now();
    analyse(text);
    timings.push(performance.now() - start);
  }
}
timings.sort((a, b) => a - b);
const at = (p: number) =>
  (timings[Math.min(timings.length - 1, Math.ceil(p * timings.length) - 1)] ?? Number.NaN).toFixed(3);
console.log(`# Embedded model — ${new Date().toISOString()} — Node ${process.version}\n`);
console.log(
  '| first message (loads the trained models) ms | analyse p50 ms | analyse p99 ms | messages timed |',
);
console.log('|---|---|---|---|');
console.log(`| ${loadMs.toFixed(1)} | ${at(0.5)} | ${at(0.99)} | ${timings.length} |`);
