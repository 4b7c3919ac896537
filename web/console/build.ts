import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, buildSync } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./src/index.ts', import.meta.url));
export const CONSOLE_HTML = fileURLToPath(new URL('./index.html', import.meta.url));

/**
 * The agent console as one ES module. It bundles the queue ordering from functions/core/console (pure
 * code, no AWS), so the browser and the server order the queue alike; deterministic bytes, no timestamps.
 */
const OPTIONS = {
  entryPoints: [ENTRY],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  legalComments: 'none',
  charset: 'ascii',
  write: false,
  logLevel: 'silent',
} satisfies BuildOptions;

export async function buildConsole(): Promise<string> {
  const file = (await build(OPTIONS)).outputFiles[0];
  if (!file) throw new Error('esbuild produced no console bundle');
  return file.text;
}

/** The same bundle at synth time: CDK constructs are built synchronously. */
export function buildConsoleSync(): string {
  const file = buildSync(OPTIONS).outputFiles[0];
  if (!file) throw new Error('esbuild produced no console bundle');
  return file.text;
}
