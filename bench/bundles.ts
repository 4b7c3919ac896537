/**
 * Bundle benchmark: bundles every handler in functions/handlers with the same esbuild options as the
 * Lambda functions (lib/bundling-options), then reports each bundle's minified size and the time a fresh
 * Node process takes to import it. Targets: < 1 MB and < 150 ms.
 *
 *   npx tsx bench/bundles.ts            # markdown table on stdout
 *   npx tsx bench/bundles.ts --runs 7   # more load samples per bundle (median is reported)
 *   npx tsx bench/bundles.ts --strict   # exit 1 when a bundle misses a target
 *   npx tsx bench/bundles.ts --analyze  # also list the packages that weigh most in each bundle
 *   npx tsx bench/bundles.ts --sizes    # sizes only, no load timing (for a busy machine)
 *   npx tsx bench/bundles.ts --only send-message,video   # just these handlers
 *
 * Budgets: every bundle < 1 MB minified, the chat API's route bundles < 600 KB (BUNDLE_BUDGETS_KB, also
 * enforced by tests/infra/bundling.test.ts on what `cdk synth` writes). Load time < 150 ms is a target only
 * measured here, never in a test.
 *
 * Load time is measured with NODE_OPTIONS=--enable-source-maps, as the functions run in Lambda (Node then
 * reads the source map at import), and once without it for comparison.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import {
  CONVERSATION_STREAM_FACTS,
  deliveryStreamEnvVar,
  STORE_FACTS,
} from '../functions/config/analytics-sink';
import { bundleBudgetKb, LAMBDA_BUNDLE_OPTIONS } from '../lib/bundling-options';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HANDLERS_DIR = path.join(ROOT, 'functions', 'handlers');
/** Copied beside the bundles, as the function construct does, so that models load as they do in Lambda. */
const MODEL_ARTIFACTS_DIR = path.join(ROOT, 'models', 'artifacts');
const LOAD_TARGET_MS = 150;
/**
 * Packages left out of a handler's bundle, as lib/photo-normaliser's SHARP_ON_LAMBDA does (native code);
 * the bench resolves them from the project's node_modules, linked beside the bundles.
 */
const NATIVE_EXTERNALS: Record<string, string[]> = { 'normalise-photo': ['sharp'] };
const LOAD_TIMEOUT_MS = 20_000;

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 5) : 5;
const STRICT = args.includes('--strict');
const ANALYZE = args.includes('--analyze');
const SIZES_ONLY = args.includes('--sizes');
const onlyArg = args.indexOf('--only');
const ONLY = onlyArg >= 0 ? new Set((args[onlyArg + 1] ?? '').split(',').filter(Boolean)) : undefined;

/** What module-scope code of a handler may read at cold start; nothing here reaches a real AWS endpoint. */
const HANDLER_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_LAMBDA_FUNCTION_NAME: 'afterdesk-bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AFTERDESK_MODE: 'aws',
  POWERTOOLS_SERVICE_NAME: 'afterdesk',
  POWERTOOLS_METRICS_NAMESPACE: 'Afterdesk',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  STORE_TABLE: 'Afterdesk-Store',
  CONVERSATIONS_TABLE: 'Afterdesk-Conversations',
  CONNECTIONS_TABLE: 'Afterdesk-Connections',
  SIGNING_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:afterdesk-signing-AbCdEf',
  ANALYTICS_WORKGROUP: 'Afterdesk-analytics',
  ANALYTICS_DATABASE: 'afterdesk_analytics',
  FACTS_BUCKET: 'afterdesk-facts-bench',
  CONNECTIONS_ENDPOINT: 'https://abcdef1234.execute-api.us-east-1.amazonaws.com/live',
  IDEMPOTENCY_TABLE: 'afterdesk-idempotency',
  // Every fact's Firehose stream, as lib/analytics names them for the stream handlers.
  ...Object.fromEntries(
    [...CONVERSATION_STREAM_FACTS, ...STORE_FACTS].map((fact) => [
      deliveryStreamEnvVar(fact),
      `afterdesk-${fact.replaceAll('_', '-')}`,
    ]),
  ),
  ALERT_EVENT_BUS_NAME: 'Afterdesk-alerts',
  BEDROCK_MODEL_ID: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
  GUARDRAIL_ID: '',
  GUARDRAIL_VERSION: 'DRAFT',
  CHAT_MODEL: 'bedrock',
  HYBRID_ROUTING: 'true',
  // The agents' console API, photos, webhooks and agent sign-in: required by their handlers' config checks.
  AGENT_CONNECTIONS_ENDPOINT: 'https://ghijkl5678.execute-api.us-east-1.amazonaws.com/live',
  AGENT_USER_POOL_ID: 'us-east-1_AbCdEfGhI',
  AGENT_USER_POOL_CLIENT_ID: '1example23456789abcdefghij',
  PHOTO_BUCKET: 'afterdesk-photos',
  WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:afterdesk-webhooks-AbCdEf',
};

/**
 * Imports the module in a fresh process and prints the milliseconds the import took, wall clock and CPU
 * (this process's user + system time: on a machine shared with other work the wall clock mostly measures
 * waiting for a core, the CPU time what the import itself costs).
 */
const LOADER = `
const c = process.cpuUsage();
const t = process.hrtime.bigint();
await import(process.argv[1]);
const u = process.cpuUsage(c);
process.stdout.write(Number(process.hrtime.bigint() - t) / 1e6 + ' ' + (u.user + u.system) / 1e3);
`;

interface Row {
  name: string;
  sizeKb?: number;
  gzipKb?: number;
  loadMs?: number;
  loadNoMapsMs?: number;
  /** CPU milliseconds of the same imports (median), with source maps. */
  cpuMs?: number;
  error?: string;
  /** Heaviest packages in the bundle (bytes in output), with --analyze. */
  heaviest?: Array<[string, number]>;
}

function handlerEntries(): string[] {
  return fs
    .readdirSync(HANDLERS_DIR, { withFileTypes: true })
    .filter(
      (e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.includes('.test.'),
    )
    .map((e) => e.name.replace(/\.ts$/, ''))
    .filter((name) => !ONLY || ONLY.has(name))
    .sort();
}

/** Groups a metafile input path by package ('@aws-sdk/client-dynamodb', 'zod', or 'functions/' for our code). */
function packageOf(input: string): string {
  const parts = input.split('node_modules/');
  if (parts.length < 2) return input.split('/').slice(0, 1).join('/') || input;
  const rest = (parts[parts.length - 1] as string).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] as string);
}

async function bundle(
  name: string,
  outdir: string,
): Promise<{ file: string; heaviest: Array<[string, number]> }> {
  const outfile = path.join(outdir, `${name}.mjs`);
  const result = await build({
    entryPoints: [path.join(HANDLERS_DIR, `${name}.ts`)],
    outfile,
    bundle: true,
    format: LAMBDA_BUNDLE_OPTIONS.format,
    platform: LAMBDA_BUNDLE_OPTIONS.platform,
    target: LAMBDA_BUNDLE_OPTIONS.target,
    minify: LAMBDA_BUNDLE_OPTIONS.minify,
    sourcemap: LAMBDA_BUNDLE_OPTIONS.sourcemap,
    sourcesContent: LAMBDA_BUNDLE_OPTIONS.sourcesContent,
    charset: LAMBDA_BUNDLE_OPTIONS.charset,
    mainFields: [...LAMBDA_BUNDLE_OPTIONS.mainFields],
    external: [...LAMBDA_BUNDLE_OPTIONS.external, ...(NATIVE_EXTERNALS[name] ?? [])],
    banner: { js: LAMBDA_BUNDLE_OPTIONS.banner },
    alias: { ...LAMBDA_BUNDLE_OPTIONS.alias },
    logLevel: 'silent',
    metafile: ANALYZE,
  });
  const byPackage = new Map<string, number>();
  for (const output of Object.values(result.metafile?.outputs ?? {})) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = packageOf(input);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  const heaviest = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { file: outfile, heaviest };
}

function loadOnce(file: string, sourceMaps: boolean): Promise<{ wall: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', LOADER, pathToFileURL(file).href], {
      cwd: path.dirname(file),
      env: {
        PATH: process.env.PATH ?? '',
        ...HANDLER_ENV,
        NODE_OPTIONS: sourceMaps ? '--enable-source-maps' : '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), LOAD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const [wall, cpu] = out.trim().split(' ').map(Number);
      if (code === 0 && Number.isFinite(wall) && Number.isFinite(cpu) && out.trim() !== '')
        resolve({ wall: wall as number, cpu: cpu as number });
      else if (code === 0) {
        reject(
          new Error('the process exited before the import settled (a top-level await that never resolves?)'),
        );
      } else {
        // The thrown error's own line (e.g. "Error: Invalid configuration: PHOTO_BUCKET"), else the tail.
        const lines = err.trim().split('\n');
        const cause =
          lines.find((line) => /Error\]?:|Invalid configuration/.test(line)) ?? lines.slice(-3).join(' ');
        reject(new Error(`import failed (${signal ?? `exit ${code}`}): ${cause.trim()}`));
      }
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function measure(file: string, sourceMaps: boolean): Promise<{ wall: number; cpu: number }> {
  await loadOnce(file, sourceMaps); // warm the file cache; not counted
  const samples: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < RUNS; i++) samples.push(await loadOnce(file, sourceMaps));
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)) };
}

async function loadTimes(file: string): Promise<Pick<Row, 'loadMs' | 'cpuMs' | 'loadNoMapsMs'>> {
  const maps = await measure(file, true);
  const noMaps = await measure(file, false);
  return { loadMs: maps.wall, cpuMs: maps.cpu, loadNoMapsMs: noMaps.wall };
}

const mark = (ok: boolean) => (ok ? '✅' : '❌');

function table(rows: Row[]): string {
  const lines = [
    '| handler | minified KB | gzip KB | budget KB | load ms (source maps) | CPU ms (source maps) | load ms (no maps) | in budget | < 150 ms |',
    '|---|---:|---:|---:|---:|---:|---:|:-:|:-:|',
  ];
  for (const r of rows) {
    if (r.error) {
      lines.push(`| ${r.name} | – | – | – | – | – | – | ❌ | ❌ |`);
      continue;
    }
    const size = r.sizeKb ?? 0;
    const load = r.loadMs;
    const budget = bundleBudgetKb(r.name);
    lines.push(
      `| ${r.name} | ${size.toFixed(1)} | ${(r.gzipKb ?? 0).toFixed(1)} | ${budget} | ${load?.toFixed(1) ?? '–'} | ${r.cpuMs?.toFixed(1) ?? '–'} | ${r.loadNoMapsMs?.toFixed(1) ?? '–'} | ${mark(size < budget)} | ${load === undefined ? '–' : mark(load < LOAD_TARGET_MS)} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterdesk-bundles-'));
  fs.cpSync(MODEL_ARTIFACTS_DIR, path.join(outdir, 'artifacts'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(outdir, 'node_modules'), 'dir');
  const rows: Row[] = [];
  try {
    for (const name of handlerEntries()) {
      try {
        const { file, heaviest } = await bundle(name, outdir);
        const code = fs.readFileSync(file);
        rows.push({
          name,
          heaviest,
          sizeKb: code.length / 1024,
          gzipKb: gzipSync(code).length / 1024,
          ...(SIZES_ONLY ? {} : await loadTimes(file)),
        });
      } catch (error) {
        rows.push({ name, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }

  console.log(
    SIZES_ONLY
      ? `Sizes only (esbuild ${LAMBDA_BUNDLE_OPTIONS.target}, minified), load average ${os
          .loadavg()
          .map((n) => n.toFixed(2))
          .join(' / ')}.\n`
      : `Node ${process.version} (Lambda runs nodejs24.x), median of ${RUNS} imports in fresh processes, load average ${os
          .loadavg()
          .map((n) => n.toFixed(2))
          .join(' / ')}.\n`,
  );
  console.log(table(rows));
  if (ANALYZE) {
    for (const r of rows.filter((x) => x.heaviest)) {
      const list = (r.heaviest ?? [])
        .map(([pkg, bytes]) => `${pkg} ${(bytes / 1024).toFixed(0)} KB`)
        .join(', ');
      console.log(`\n${r.name}: ${list}`);
    }
  }
  const failed = rows.filter((r) => r.error);
  for (const r of failed) console.log(`\n${r.name}: ${r.error}`);
  const missed = rows.filter(
    (r) => !r.error && ((r.sizeKb ?? 0) >= bundleBudgetKb(r.name) || (r.loadMs ?? 0) >= LOAD_TARGET_MS),
  );
  if (failed.length > 0 || (STRICT && missed.length > 0)) process.exitCode = 1;
}

await main();
