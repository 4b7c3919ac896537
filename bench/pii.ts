import { loadavg } from 'node:os';
import { freshSet } from '../eval/pii/fresh';
import { damaged, innocentSet } from '../eval/pii/innocent';
import { leaked, plantedSet, type Split } from '../eval/pii/planted';
import { type PiiKind, redactPii } from '../functions/core/analytics/pii';

/**
 * Share of planted PII values the local pattern redaction removes, per kind and language (eval/pii), and
 * share of innocent values (order and tracking numbers, prices, dates, sizes, product codes) it damages.
 * Tune on `dev` or `fresh` only (`PII_SPLIT=dev|fresh`); the figure reported in docs/privacy.md is
 * `heldout`, never looked at to change a pattern.
 */
const split = (process.env.PII_SPLIT ?? 'heldout') as Split | 'fresh';
const verbose = process.env.PII_VERBOSE === '1';
const set = split === 'fresh' ? freshSet() : plantedSet(split);
const byKind = new Map<PiiKind, { removed: number; total: number }>();
const byLang = new Map<string, { removed: number; total: number }>();
const cells = new Map<string, { removed: number; total: number }>();
const bump = (map: Map<string, { removed: number; total: number }>, key: string, removed: boolean) => {
  const entry = map.get(key) ?? { removed: 0, total: 0 };
  entry.total++;
  if (removed) entry.removed++;
  map.set(key, entry);
};
for (const planted of set) {
  const out = redactPii(planted.text).text;
  const removed = !leaked(planted, out);
  bump(byKind as Map<string, { removed: number; total: number }>, planted.kind, removed);
  bump(byLang, planted.lang, removed);
  bump(cells, `${planted.kind}/${planted.lang}`, removed);
  if (!removed && verbose) console.log(`LEAK ${planted.kind}/${planted.lang}: ${planted.text}\n  -> ${out}`);
}
const share = (entry: { removed: number; total: number }) =>
  `${((100 * entry.removed) / entry.total).toFixed(1)} % (${entry.removed}/${entry.total})`;
const total = [...byKind.values()].reduce(
  (sum, e) => ({ removed: sum.removed + e.removed, total: sum.total + e.total }),
  { removed: 0, total: 0 },
);
const innocent = innocentSet();
const falsePositives = new Map<string, { removed: number; total: number }>();
for (const item of innocent) {
  const out = redactPii(item.text).text;
  const hit = damaged(item, out);
  bump(falsePositives, item.kind, hit);
  if (hit && verbose) console.log(`FALSE POSITIVE ${item.kind}/${item.lang}: ${item.text}\n  -> ${out}`);
}
const innocentTotal = [...falsePositives.values()].reduce(
  (sum, e) => ({ removed: sum.removed + e.removed, total: sum.total + e.total }),
  { removed: 0, total: 0 },
);
console.log(
  JSON.stringify(
    {
      split,
      date: new Date().toISOString(),
      loadavg: loadavg().map((value) => Number(value.toFixed(2))),
      overall: share(total),
      byKind: Object.fromEntries([...byKind].map(([key, entry]) => [key, share(entry)])),
      byLanguage: Object.fromEntries([...byLang].map(([key, entry]) => [key, share(entry)])),
      innocentRedacted: share(innocentTotal),
      innocentRedactedByKind: Object.fromEntries(
        [...falsePositives].map(([key, entry]) => [key, share(entry)]),
      ),
      misses: Object.fromEntries(
        [...cells].filter(([, e]) => e.removed < e.total).map(([key, e]) => [key, `${e.removed}/${e.total}`]),
      ),
    },
    null,
    2,
  ),
);
