import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, buildSync } from 'esbuild';

const entry = (name: string) => fileURLToPath(new URL(`./src/${name}`, import.meta.url));

/**
 * The video chunks, separate from the widget so its initial bundle stays small: the local WebRTC call, and
 * the Chime call (amazon-chime-sdk-js needs the browser field first, and `global` defined, or it throws
 * "global is not defined" when a session starts).
 */
function chunkOptions(kind: VideoChunk): BuildOptions & { write: false } {
  return {
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
  };
}

export type VideoChunk = 'local' | 'chime';

/** The file name each chunk is fetched under, beside the widget's and the console's scripts. */
export const VIDEO_CHUNK_FILES: Readonly<Record<VideoChunk, string>> = {
  local: 'afterdesk-video.js',
  chime: 'afterdesk-video-chime.js',
};

export async function buildVideoChunk(kind: VideoChunk): Promise<string> {
  const file = (await build(chunkOptions(kind))).outputFiles[0];
  if (!file) throw new Error(`esbuild produced no ${kind} video chunk`);
  return file.text;
}

const built = new Map<VideoChunk, string>();
/**
 * The same chunk at synth time, for the hosted site (lib/hosting.ts, lib/console.ts): CDK synthesises
 * synchronously, and both the widget's and the console's copies come from one build per process.
 */
export function buildVideoChunkSync(kind: VideoChunk): string {
  let code = built.get(kind);
  if (code === undefined) {
    const file = buildSync(chunkOptions(kind)).outputFiles[0];
    if (!file) throw new Error(`esbuild produced no ${kind} video chunk`);
    code = file.text;
    built.set(kind, code);
  }
  return code;
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
