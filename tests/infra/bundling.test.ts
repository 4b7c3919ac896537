import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthResult, synthApp } from '../../lib/app';
import { BUNDLE_BUDGET_KB, bundleBudgetKb, ESM_REQUIRE_SHIM } from '../../lib/bundling-options';
import { SHARP_NATIVE_CEILING_BYTES, sharpRuntimePackages } from '../../lib/photo-normaliser';
import { MODEL_ARTIFACTS, PROJECT_ROOT } from '../../lib/shared-function';

let result: SynthResult;

/**
 * Bundles over their budget, each held to about its current size so it can only shrink (docs/benchmarks.md
 * says why). None since 2026-12-06 session 5: the assistant reads photos without the S3 client, the shopper's
 * video route carries no agent-side code, and text ships as UTF-8.
 */
const KNOWN_OVER_BUDGET_KB: Record<string, number> = {};
/** handler name -> directory of its staged, bundled asset */
const assets = new Map<string, string>();
/** The photo normaliser's asset: the one bundle with native packages beside it. */
let normaliserAsset: string;
const BUNDLE_BUDGET_BYTES = BUNDLE_BUDGET_KB * 1024;

beforeAll(() => {
  // The one synthesis with real esbuild bundling (local esbuild, no Docker): what `cdk synth` produces.
  result = synthApp();
  const { stack } = result;
  const everyFunction = {
    ...stack.functions,
    'analytics-stream': stack.analytics.function,
    'store-analytics-stream': stack.analytics.storeFunction,
    'close-idle-conversations': stack.conversationCloser.function,
    'erase-queued-facts': stack.privacyFacts.function,
  };
  for (const [handler, fn] of Object.entries(everyFunction)) {
    const cfn = fn.fn.node.defaultChild as CfnFunction;
    const asset = fn.fn.node.findChild('Code') as Asset;
    assets.set(handler, path.join(result.assembly.directory, asset.assetPath));
    expect(Stack.of(fn).resolve(cfn.runtime)).toBe('nodejs24.x');
  }
  const normaliser = stack.photos.normaliser.fn.node.findChild('Code') as Asset;
  normaliserAsset = path.join(result.assembly.directory, normaliser.assetPath);
  // Bundling every function (and the widget and call chunks the hosting builds) on a shared 2-core machine.
}, 600_000);

describe('function bundles', () => {
  it('every function ships one minified ESM bundle with the require shim, a source map and the trained models', () => {
    // Every function of the stack, the console's, video's, the webhooks', guest access's and privacy's included.
    expect(assets.size).toBe(24);
    const models = fs.readdirSync(path.join(PROJECT_ROOT, MODEL_ARTIFACTS)).sort();
    expect(models).toContain('intent.bin');
    for (const [handler, dir] of assets) {
      const files = fs.readdirSync(dir).sort();
      expect(files, handler).toEqual(['artifacts', 'index.mjs', 'index.mjs.map']);
      expect(fs.readdirSync(path.join(dir, 'artifacts')).sort(), handler).toEqual(models);
      const code = fs.readFileSync(path.join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith(ESM_REQUIRE_SHIM), handler).toBe(true);
      // The map that --enable-source-maps parses at cold start: mappings and names, not our sources.
      const map = JSON.parse(fs.readFileSync(path.join(dir, 'index.mjs.map'), 'utf8')) as {
        sourcesContent?: unknown;
      };
      expect(map.sourcesContent, handler).toBeUndefined();
      // Minified: few, long lines.
      expect(code.split('\n').length, handler).toBeLessThan(200);
      expect(code, handler).toMatch(/export\s*\{[^}]*\bas handler\b|export\s*\{\s*handler\b/);
    }
  });

  it('the AWS SDK is bundled, not left to the runtime', () => {
    for (const [handler, dir] of assets) {
      const code = fs.readFileSync(path.join(dir, 'index.mjs'), 'utf8');
      // No import of @aws-sdk/* survives bundling (messages that merely mention a package are fine).
      expect(code, handler).not.toMatch(/\bfrom\s*["']@aws-sdk\//);
      expect(code, handler).not.toMatch(/\bimport\(\s*["']@aws-sdk\//);
      // Handlers with data access carry the DynamoDB client itself (its JSON protocol target prefix); the
      // agent authorizer only verifies a Cognito token and touches no table.
      if (handler !== 'default' && handler !== 'agent-authorizer')
        expect(code, handler).toContain('DynamoDB_20120810');
    }
  });

  it('every bundle stays within its size budget, and none carries the SDK credential chain Lambda never uses', () => {
    const over: string[] = [];
    for (const [handler, dir] of assets) {
      const code = fs.readFileSync(path.join(dir, 'index.mjs'), 'utf8');
      // The nested STS client of the default chain (lib/lambda/credentials.ts replaces the chain), and the
      // nested SSO-OIDC client of Bedrock's bearer-token chain (lib/lambda/token-providers.ts).
      expect(code, handler).not.toContain('AssumeRoleWithWebIdentity');
      expect(code, handler).not.toContain('CreateToken');
      // Text as UTF-8, not \uXXXX escapes (three times the bytes for Cyrillic, Arabic, Thai or CJK): what
      // remains are the few escapes our regular expressions are written with (the assistant had 26,000).
      expect((code.match(/\\u[0-9a-fA-F]{4}/g) ?? []).length, handler).toBeLessThan(200);
      // semver's own constants (lib/lambda/semver.ts stands in for the package); 'Invalid comparator' is
      // not a marker: Powertools' JMESPath, bundled with idempotency, throws the same words.
      expect(code, handler).not.toContain('MAX_SAFE_COMPONENT_LENGTH');
      const kb = Buffer.byteLength(code) / 1024;
      const limit = KNOWN_OVER_BUDGET_KB[handler] ?? bundleBudgetKb(handler);
      if (kb >= limit) over.push(`${handler}: ${kb.toFixed(1)} KB, limit ${limit} KB`);
    }
    expect(over).toEqual([]);
  });

  it('lists as over budget only bundles that still are', () => {
    for (const handler of Object.keys(KNOWN_OVER_BUDGET_KB)) {
      const dir = assets.get(handler);
      expect(dir, handler).toBeDefined();
      const kb = fs.statSync(path.join(dir as string, 'index.mjs')).size / 1024;
      expect(
        kb,
        `${handler} is within ${bundleBudgetKb(handler)} KB now: drop it from the list`,
      ).toBeGreaterThanOrEqual(bundleBudgetKb(handler));
    }
  });
});

describe('the photo normaliser bundle', () => {
  function sizeOf(dir: string): number {
    return fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
  }

  it('keeps its JS bundle within the 1 MB budget; sharp ships beside it as the one asserted exception', () => {
    expect(fs.readdirSync(normaliserAsset).sort()).toEqual(['index.mjs', 'index.mjs.map', 'node_modules']);
    const code = fs.readFileSync(path.join(normaliserAsset, 'index.mjs'), 'utf8');
    expect(code.startsWith(ESM_REQUIRE_SHIM)).toBe(true);
    expect(code.length).toBeLessThan(BUNDLE_BUDGET_BYTES);
    // sharp stays an import (esbuild cannot bundle its native binding); the AWS SDK is bundled as elsewhere.
    expect(code).toMatch(/\bfrom\s*["']sharp["']/);
    expect(code).not.toMatch(/\bfrom\s*["']@aws-sdk\//);
    // The exception: sharp's native binding and libvips for linux-x64 (lib/photo-normaliser.ts says why),
    // well over the JS budget and held under a ceiling so it cannot grow unseen.
    const modules = path.join(normaliserAsset, 'node_modules');
    const shipped = fs
      .readdirSync(modules)
      .flatMap((name) =>
        name.startsWith('@') ? fs.readdirSync(path.join(modules, name)).map((n) => `${name}/${n}`) : [name],
      )
      .sort();
    expect(shipped).toEqual(sharpRuntimePackages());
    const nativeBytes = sizeOf(modules);
    expect(nativeBytes).toBeGreaterThan(BUNDLE_BUDGET_BYTES);
    expect(nativeBytes).toBeLessThan(SHARP_NATIVE_CEILING_BYTES);
  });

  it('loads sharp from its own node_modules, as Lambda will, and encodes a photo with it', () => {
    // A fresh process importing the staged bundle from the cloud assembly (outside the project, so no
    // other node_modules can stand in); then sharp, resolved from the bundle, re-encodes a picture.
    const probe = `
      import { createRequire } from 'node:module';
      const index = process.argv[1];
      const { handler } = await import(index);
      const require = createRequire(index);
      const resolved = require.resolve('sharp');
      const sharp = require('sharp');
      const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c0282d' } }).jpeg().toBuffer();
      const meta = await sharp(jpeg).metadata();
      process.stdout.write(JSON.stringify({ handler: typeof handler, resolved, format: meta.format, width: meta.width }));
    `;
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', probe, path.join(normaliserAsset, 'index.mjs')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          AWS_REGION: 'eu-west-1',
          PHOTO_BUCKET: 'afterdesk-photos',
          CONVERSATIONS_TABLE: 'Afterdesk-Conversations',
          AFTERDESK_MODE: 'aws',
          POWERTOOLS_TRACE_ENABLED: 'false',
          POWERTOOLS_METRICS_DISABLED: 'true',
        },
        encoding: 'utf8',
      },
    );
    const result = JSON.parse(out) as { handler: string; resolved: string; format: string; width: number };
    expect(result).toMatchObject({ handler: 'function', format: 'jpeg', width: 40 });
    expect(result.resolved.startsWith(path.join(normaliserAsset, 'node_modules', 'sharp'))).toBe(true);
  });
});
