import { fileURLToPath } from 'node:url';
import { browserBundle } from '../browser-bundle';

const ENTRY = fileURLToPath(new URL('./src/index.ts', import.meta.url));
export const CONSOLE_HTML = fileURLToPath(new URL('./index.html', import.meta.url));

/**
 * The agent console as one ES module. It bundles the queue ordering from functions/core/console (pure
 * code, no AWS), so the browser and the server order the queue alike.
 */
const consoleBundle = browserBundle('console bundle', { entryPoints: [ENTRY], format: 'esm' });

export const buildConsole = consoleBundle.build;
export const buildConsoleSync = consoleBundle.buildSync;
