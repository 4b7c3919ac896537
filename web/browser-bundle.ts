import { type BuildOptions, build, buildSync } from 'esbuild';

export interface BrowserBundle {
  build(): Promise<string>;
  /** For the CDK app, which synthesises synchronously (lib/hosting.ts, lib/console.ts). */
  buildSync(): string;
}

/**
 * One browser bundle (the widget, the console, a video chunk) built by esbuild in memory: minified
 * es2020 with no comments, timestamps or absolute paths, so the same sources always give the same bytes
 * (and the same SRI hash in the stack's script tag). ASCII output survives storefronts and CDNs that serve
 * scripts without a charset.
 */
export function browserBundle(what: string, options: BuildOptions): BrowserBundle {
  const all = {
    bundle: true,
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    charset: 'ascii',
    logLevel: 'silent',
    ...options,
    write: false,
  } satisfies BuildOptions;
  const text = (files: { text: string }[]) => {
    const file = files[0];
    if (!file) throw new Error(`esbuild produced no ${what}`);
    return file.text;
  };
  return {
    build: async () => text((await build(all)).outputFiles),
    buildSync: () => text(buildSync(all).outputFiles),
  };
}
