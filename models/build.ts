/**
 * Trains the embedded models into models/artifacts: `npm run build:models`.
 *
 *   npm run build:models                  # rebuild the artifacts whose inputs changed
 *   npm run build:models -- --force       # rebuild all
 *   npm run build:models -- --check       # train nothing; exit 1 if an artifact is stale or missing
 *   npm run build:models -- intent        # only the named models
 *
 * The artifacts are committed, so a fresh clone, `npm start` and CDK bundling need no build step.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeArtifact, encodeArtifact } from './artifact';
import { MODELS_DIR } from './data';
import { MODELS, type ModelEntry } from './registry';
import { sourceHash } from './source-hash';

export const ARTIFACTS_DIR = path.join(MODELS_DIR, 'artifacts');

export const artifactPath = (name: string) => path.join(ARTIFACTS_DIR, `${name}.bin`);

export type ArtifactState = 'fresh' | 'stale' | 'missing';

export function artifactState(entry: ModelEntry): ArtifactState {
  const file = artifactPath(entry.name);
  if (!existsSync(file)) return 'missing';
  return decodeArtifact(readFileSync(file)).sourceHash === sourceHash(entry.inputs) ? 'fresh' : 'stale';
}

export function buildModel(entry: ModelEntry): { bytes: number; ms: number } {
  const started = performance.now();
  const contents = entry.train();
  const file = encodeArtifact({ name: entry.name, sourceHash: sourceHash(entry.inputs), ...contents });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(artifactPath(entry.name), file);
  return { bytes: file.byteLength, ms: performance.now() - started };
}

function main(args: readonly string[]): number {
  const names = args.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !MODELS.some((entry) => entry.name === name));
  if (unknown.length > 0) {
    console.error(
      `Unknown model ${unknown.join(', ')}; known: ${MODELS.map((entry) => entry.name).join(', ')}`,
    );
    return 2;
  }
  const entries = MODELS.filter((entry) => names.length === 0 || names.includes(entry.name));
  if (args.includes('--check')) {
    const bad = entries
      .map((entry) => [entry.name, artifactState(entry)] as const)
      .filter(([, s]) => s !== 'fresh');
    for (const [name, state] of bad)
      console.error(`models/artifacts/${name}.bin is ${state}: run npm run build:models`);
    return bad.length === 0 ? 0 : 1;
  }
  for (const entry of entries) {
    if (!args.includes('--force') && artifactState(entry) === 'fresh') {
      console.log(`${entry.name}: up to date`);
      continue;
    }
    const { bytes, ms } = buildModel(entry);
    console.log(`${entry.name}: ${(bytes / 1024).toFixed(1)} KB in ${ms.toFixed(0)} ms`);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(MODELS_DIR, 'build.ts'))
  process.exitCode = main(process.argv.slice(2));
