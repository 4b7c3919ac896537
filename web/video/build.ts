import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entry = (name: string) => fileURLToPath(new URL(`./src/${name}`, import.meta.url));

/**
 * The video chunks, separate from the widget so its initial bundle stays small: the local WebRTC call, and
 * the Chime call (amazon-chime-sdk-js needs the browser field first, and `global` defined, or it throws
 * "global is not defined" when a session starts).
 */
export async function buildVideoChunk(kind: 'local' | 'chime'): Promise<string> {
  const result = await build({
    entryPoints: [entry(kind === 'local' ? 'local-entry.ts' : 'chime-entry.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    charset: 'ascii',
    write: false,
    logLevel: 'silent',
    ...(kind === 'chime'
      ? { mainFields: ['browser', 'module', 'main'], define: { global: 'globalThis' } }
      : {}),
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no ${kind} video chunk`);
  return file.text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { gzipSync } = await import('node:zlib');
  for (const kind of ['local', 'chime'] as const) {
    const code = await buildVideoChunk(kind);
    console.log(
      `video chunk ${kind}: ${code.length} bytes, ${gzipSync(code, { level: 9 }).length} bytes gzipped`,
    );
  }
}
