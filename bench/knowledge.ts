import { loadavg } from 'node:os';
import { answerFromKnowledge, catalogueIndex, type Knowledge } from '../functions/core/knowledge/answer';
import { DEMO_FAQ, DEMO_PRODUCTS } from '../local/seed/demo-store';
import { syntheticFaq, syntheticProducts } from '../tests/support/synthetic-catalogue';

/**
 * Answer latency over a catalogue of 10,000 products and 1,000 FAQ entries: the index is built once (timed
 * apart), then a fixed mix of questions in several languages is answered until BENCH_ANSWERS answers or
 * BENCH_SECONDS have passed, whichever comes first.
 */
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);

const knowledge: Knowledge = {
  faq: [...DEMO_FAQ, ...syntheticFaq(1_000)],
  products: [...DEMO_PRODUCTS, ...syntheticProducts(10_000)],
  version: 'bench',
};
const questions: Array<[string, string, { intent?: 'product_question' | 'policy_question' }?]> = [
  ['How do I wash P-04242?', 'en'],
  ['How long does delivery to Norway take?', 'en'],
  ['Do I pay customs duties in Japan?', 'en'],
  ['What is the warranty on earbuds?', 'en', { intent: 'policy_question' }],
  ['How long does shipping take?', 'en'],
  ['Can I return unworn items?', 'en', { intent: 'policy_question' }],
  ['What is the capital of France?', 'en'],
  ['Combien de temps prend la livraison ?', 'fr'],
  ['¿Cuánto tarda el envío?', 'es'],
  ['Wie lange dauert der Versand?', 'de'],
  ['How should I wash my rain jacket?', 'en', { intent: 'product_question' }],
  ['What is the Summit hiking boot made of?', 'en', { intent: 'product_question' }],
  ['配送需要多长时间？', 'zh'],
  ['Which payment methods work in Brazil?', 'en'],
];

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
console.log(`load average before: ${load()}`);
let started = performance.now();
catalogueIndex(knowledge);
// The first question per language and product selection completes the index; it is timed with the build.
for (const [question, language, options] of questions)
  answerFromKnowledge(question, language, knowledge, options);
console.log(`index built once per catalogue version: ${(performance.now() - started).toFixed(0)} ms`);

const times: number[] = [];
// CPU time too: on a machine shared with other work, wall-clock percentiles include waiting for a core.
const cpuTimes: number[] = [];
started = performance.now();
while (times.length < ANSWERS && performance.now() - started < SECONDS * 1000) {
  const [question, language, options] = questions[
    times.length % questions.length
  ] as (typeof questions)[number];
  const cpu = process.cpuUsage();
  const at = performance.now();
  answerFromKnowledge(question, language, knowledge, options);
  times.push(performance.now() - at);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
const pct = (p: number) =>
  (times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(2);
console.log(
  `${times.length} answers over ${knowledge.products.length} products and ${knowledge.faq.length} FAQ entries: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${pct(100)} ms`,
);
console.log(`load average after: ${load()}`);
