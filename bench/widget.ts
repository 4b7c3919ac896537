/**
 * Widget size benchmark: builds the storefront widget exactly as the web server serves it and reports its
 * minified and gzipped size against the 40 KB gzipped target, plus whether two builds are byte-identical.
 *
 *   npx tsx bench/widget.ts            # markdown table on stdout
 *   npx tsx bench/widget.ts --strict   # exit 1 when the widget misses the target or is not deterministic
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { buildWidget } from '../web/widget/build';

const TARGET_GZIP_KB = 40;
const strict = process.argv.includes('--strict');

const first = await buildWidget();
const second = await buildWidget();
const gzipKb = gzipSync(first, { level: 9 }).length / 1024;
const deterministic = first === second;
const sha = createHash('sha256').update(first).digest('hex').slice(0, 16);

console.log('| bundle | minified | gzipped | target | deterministic | sha256 |');
console.log('|---|---|---|---|---|---|');
console.log(
  `| afterdesk-widget.js | ${(first.length / 1024).toFixed(1)} KB | ${gzipKb.toFixed(1)} KB | < ${TARGET_GZIP_KB} KB | ${deterministic ? 'yes' : 'NO'} | ${sha} |`,
);
if (strict && (gzipKb >= TARGET_GZIP_KB || !deterministic)) process.exit(1);
