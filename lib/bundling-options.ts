/**
 * esbuild settings shared by every Lambda bundle (lib/shared-function) and by the bundle benchmark
 * (bench/bundles). Plain data with no CDK import, so the benchmark can load it cheaply and both stay in step.
 */

/** ESM bundles still meet CommonJS dependencies that call require(); give them one. */
export const ESM_REQUIRE_SHIM =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const LAMBDA_BUNDLE_OPTIONS = {
  format: 'esm',
  platform: 'node',
  /** Lambda runs nodejs24.x; node22 keeps the output loadable on the Node 20 machines that run the benchmark. */
  target: 'node22',
  minify: true,
  sourcemap: true,
  /** Prefer ESM entry points so tree shaking works on the AWS SDK and Powertools. */
  mainFields: ['module', 'main'],
  /** Bundle everything, @aws-sdk/* included: pinned versions, and smaller cold starts than the runtime's SDK. */
  external: [] as string[],
  banner: ESM_REQUIRE_SHIM,
} as const;
