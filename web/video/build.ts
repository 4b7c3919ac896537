import { fileURLToPath } from 'node:url';
import { browserBundle } from '../browser-bundle';

const entry = (name: string) => fileURLToPath(new URL(`./src/${name}`, import.meta.url));

/**
 * The video chunks, separate from the widget so its initial bundle stays small: the local WebRTC call, and
 * the Chime call (amazon-chime-sdk-js needs the browser field first, and `global` defined, or it throws
 * "global is not defined" when a session starts).
 */
const CHUNKS = {
  local: browserBundle('local video chunk', { entryPoints: [entry('local-entry.ts')], format: 'iife' }),
  chime: browserBundle('chime video chunk', {
    entryPoints: [entry('chime-entry.ts')],
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
    define: { global: 'globalThis' },
  }),
};

export type VideoChunk = 'local' | 'chime';

/** The file name each chunk is fetched under, beside the widget's and the console's scripts. */
export const VIDEO_CHUNK_FILES: Readonly<Record<VideoChunk, string>> = {
  local: 'afterdesk-video.js',
  chime: 'afterdesk-video-chime.js',
};

export function buildVideoChunk(kind: VideoChunk): Promise<string> {
  return CHUNKS[kind].build();
}

const built = new Map<VideoChunk, string>();
/**
 * The same chunk at synth time, for the hosted site (lib/hosting.ts, lib/console.ts): CDK synthesises
 * synchronously, and both the widget's and the console's copies come from one build per process.
 */
export function buildVideoChunkSync(kind: VideoChunk): string {
  let code = built.get(kind);
  if (code === undefined) {
    code = CHUNKS[kind].buildSync();
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
