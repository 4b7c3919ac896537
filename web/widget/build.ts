import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, buildSync } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./src/index.ts', import.meta.url));
export const WIDGET_OUTPUT = fileURLToPath(new URL('../dist/afterdesk-widget.js', import.meta.url));

/**
 * The widget as one classic script (an IIFE), so `document.currentScript` can read its data- attributes.
 * No timestamps or absolute paths go in, so the same sources always give the same bytes (and the same SRI
 * hash in the stack's script tag).
 */
const OPTIONS: BuildOptions & { write: false } = {
  entryPoints: [ENTRY],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  // ASCII output survives storefronts and CDNs that serve scripts without a charset.
  charset: 'ascii',
  write: false,
  logLevel: 'silent',
};

export async function buildWidget(): Promise<string> {
  const file = (await build(OPTIONS)).outputFiles[0];
  if (!file) throw new Error('esbuild produced no widget bundle');
  return file.text;
}

/** For the CDK app, which synthesises synchronously (lib/hosting.ts). */
export function buildWidgetSync(): string {
  const file = buildSync(OPTIONS).outputFiles[0];
  if (!file) throw new Error('esbuild produced no widget bundle');
  return file.text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { gzipSync } = await import('node:zlib');
  const code = await buildWidget();
  await mkdir(dirname(WIDGET_OUTPUT), { recursive: true });
  await writeFile(WIDGET_OUTPUT, code);
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(`${WIDGET_OUTPUT}: ${code.length} bytes, ${gzipped} bytes gzipped`);
}
