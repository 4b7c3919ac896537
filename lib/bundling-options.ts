import { fileURLToPath } from 'node:url';
import { WEBSOCKET_APIS } from '../topology';

/**
 * esbuild settings shared by every Lambda bundle (lib/shared-function) and by the bundle benchmark
 * (bench/bundles). Plain data with no CDK import, so the benchmark can load it cheaply and both stay in step.
 */

const chat = WEBSOCKET_APIS.chat;
const CHAT_ROUTE_HANDLERS: ReadonlySet<string> = new Set([
  chat.authorizer.handler,
  ...Object.values(chat.routes).map((route) => route.handler),
]);

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
  /**
   * Maps carry mappings and names only, not our sources: Node parses the whole map at import with
   * --enable-source-maps, and the sources made it 5x the bundle (connect: 2.4 MB -> 0.7 MB).
   */
  sourcesContent: false,
  /**
   * Non-ASCII text as UTF-8 (Node reads every module as UTF-8): reply texts in 17 languages escaped as \uXXXX
   * took 6 bytes a character instead of 2-3 (assistant bundle: 91 KB).
   */
  charset: 'utf8',
  /** Prefer ESM entry points so tree shaking works on the AWS SDK and Powertools. */
  mainFields: ['module', 'main'],
  /** Bundle everything, @aws-sdk/* included: pinned versions, and smaller cold starts than the runtime's SDK. */
  external: [] as string[],
  banner: ESM_REQUIRE_SHIM,
  /**
   * Lambda credentials come from the environment: see lib/lambda/credentials.ts and, for Bedrock's bearer
   * tokens, lib/lambda/token-providers.ts. semver is used only for `gte` by the X-Ray SDK and cls-hooked: see
   * lib/lambda/semver.ts.
   */
  alias: {
    '@aws-sdk/credential-provider-node': fileURLToPath(new URL('./lambda/credentials.ts', import.meta.url)),
    '@aws-sdk/token-providers': fileURLToPath(new URL('./lambda/token-providers.ts', import.meta.url)),
    semver: fileURLToPath(new URL('./lambda/semver.ts', import.meta.url)),
  },
} as const;

/** Every Lambda bundle's budget, minified (issue 10): what a cold start has to read and compile. */
export const BUNDLE_BUDGET_KB = 1024;
/** The chat API's bundles (its authorizer and routes), which shoppers wait on: tighter. */
export const CHAT_ROUTE_BUDGET_KB = 600;

/** The budget of one handler's bundle, by handler name (e.g. 'send-message'). */
export function bundleBudgetKb(handler: string): number {
  return CHAT_ROUTE_HANDLERS.has(handler) ? CHAT_ROUTE_BUDGET_KB : BUNDLE_BUDGET_KB;
}
