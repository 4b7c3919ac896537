import { spawnSync } from 'node:child_process';

/** `npm run bench`: every benchmark in turn, each in a fresh process so one cannot warm up another. */
const scripts = [
  'bench/chat-latency.ts',
  'bench/embedded-model.ts',
  'bench/hybrid-routing.ts',
  'bench/bundles.ts',
  'bench/widget.ts',
  'bench/widget-network.ts',
  'bench/analytics.ts',
  'bench/photo-understanding.ts',
  'bench/console.ts',
  'bench/knowledge.ts',
  'bench/imports.ts',
];
let failed = false;
for (const script of scripts) {
  console.log(`\n=== ${script}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
