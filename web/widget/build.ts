import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserBundle } from '../browser-bundle';

const ENTRY = fileURLToPath(new URL('./src/index.ts', import.meta.url));
export const WIDGET_OUTPUT = fileURLToPath(new URL('../dist/afterdesk-widget.js', import.meta.url));

/** The widget as one classic script (an IIFE), so `document.currentScript` can read its data- attributes. */
const widget = browserBundle('widget bundle', { entryPoints: [ENTRY], format: 'iife' });

export const buildWidget = widget.build;
export const buildWidgetSync = widget.buildSync;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { gzipSync } = await import('node:zlib');
  const code = await buildWidget();
  await mkdir(dirname(WIDGET_OUTPUT), { recursive: true });
  await writeFile(WIDGET_OUTPUT, code);
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(`${WIDGET_OUTPUT}: ${code.length} bytes, ${gzipped} bytes gzipped`);
}
