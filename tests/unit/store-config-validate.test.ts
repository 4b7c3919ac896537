import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import { DEMO_STORE_DIR } from '../../local/seed/demo-store';
import { parseJsonWithPositions } from '../../store-config/json-positions';
import { loadStoreConfig } from '../../store-config/load';

const copies: string[] = [];
/** A copy of the demo store with some files edited. */
function storeWith(edits: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'afterdesk-store-'));
  copies.push(dir);
  cpSync(DEMO_STORE_DIR, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {}
    writeFileSync(path, edit(text));
  }
  return dir;
}
const errorsOf = (dir: string) => {
  const result = loadStoreConfig(dir);
  return result.ok ? [] : result.errors.map((error) => error.slice(dir.length + 1));
};

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the store configuration folder', () => {
  it('holds the demo store that npm start and the Lambdas use', () => {
    const result = loadStoreConfig(DEMO_STORE_DIR);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.policy).toEqual(DEMO_STORE_POLICY);
    expect(result.config.routing).toEqual(DEMO_COMPLAINT_ROUTING);
    expect(result.config.products.map((product) => product.sku)).toContain('JKT-M-NVY');
    // Entries in the store language carry no language; translations say theirs.
    expect(result.config.faq.find((entry) => entry.id === 'warranty' && !entry.language)).toBeDefined();
    expect(result.config.faq.filter((entry) => entry.language === 'fr')).toHaveLength(3);
  });

  it('names the file, line and field of a policy value out of range', () => {
    const dir = storeWith({
      'policy.json': (text) => text.replace('"returnWindowDays": 30', '"returnWindowDays": -5'),
    });
    expect(errorsOf(dir)).toEqual([expect.stringMatching(/^policy\.json:3: returnWindowDays: .*>=0/)]);
  });

  it('points at the size chart row of a product whose foot length is not a number', () => {
    const dir = storeWith({
      'products.json': (text) => text.replace('"footCm": 26.7', '"footCm": "26.7"'),
    });
    const [error] = errorsOf(dir);
    const line =
      readFileSync(join(dir, 'products.json'), 'utf8')
        .split('\n')
        .findIndex((row) => row.includes('"26.7"')) + 1;
    expect(error).toMatch(
      new RegExp(`^products\\.json:${line}: \\[0\\]\\.sizeChart\\.rows\\[1\\]\\.footCm: .*expected number`),
    );
  });

  it('rejects a misspelt product field instead of ignoring it', () => {
    const dir = storeWith({
      'products.json': (text) => text.replace('"care": "Wipe clean', '"cares": "Wipe clean'),
    });
    expect(errorsOf(dir)).toEqual([
      expect.stringMatching(/^products\.json:\d+: \[0\]: Unrecognized key: "cares"/),
    ]);
  });

  it('reports a JSON syntax error on the line it happens', () => {
    const dir = storeWith({
      'complaints.json': () => '{\n  "defaultOwner": { "type": "queue", "id": "care" },\n  "payment": ,\n}\n',
    });
    expect(errorsOf(dir)).toEqual(['complaints.json:3: unexpected ","']);
  });

  it('refuses two products with one SKU, and a missing required file', () => {
    const dir = storeWith({
      'products.json': (text) => text.replace('"sku": "LAMP-DSK-BLK"', '"sku": "run-42-blk"'),
    });
    rmSync(join(dir, 'complaints.json'));
    const errors = errorsOf(dir);
    expect(errors).toContainEqual('complaints.json:1: the file is missing');
    expect(errors).toContainEqual(
      expect.stringMatching(/^products\.json:\d+: \[3\]\.sku: sku run-42-blk is already used by product 1/),
    );
  });

  it('refuses a translation of an FAQ entry the store language lacks, and an undeclared language', () => {
    const dir = storeWith({
      'faq/fr.json': (text) => text.replace('"id": "warranty"', '"id": "guarantee"'),
      'faq/it.json': () => '[{ "id": "warranty", "answer": "Garanzia di 12 mesi." }]\n',
    });
    const errors = errorsOf(dir);
    expect(errors).toContainEqual(
      expect.stringMatching(/^faq\/fr\.json:\d+: \[2\]\.id: id guarantee has no entry in faq\/en\.json/),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(/^faq\/it\.json:1: it is not one of store\.json's languages/),
    );
  });

  it('insists that the store language is among the languages offered', () => {
    const dir = storeWith({ 'store.json': (text) => text.replace('"language": "en"', '"language": "pt"') });
    expect(errorsOf(dir)).toContainEqual(
      expect.stringMatching(/^store\.json:\d+: languages: languages must include the store language/),
    );
  });
});

describe('JSON with positions', () => {
  it('gives the same value as JSON.parse and the line of every member', () => {
    const text = '{\n  "a": [1, {"b": "x\\n"}],\n  "c": {\n    "d": null\n  }\n}';
    const parsed = parseJsonWithPositions(text);
    expect(parsed.value).toEqual(JSON.parse(text));
    expect(parsed.lineOf(['c', 'd'])).toBe(4);
    expect(parsed.lineOf(['a', 1, 'b'])).toBe(2);
    // A missing member is reported where its object is.
    expect(parsed.lineOf(['c', 'missing'])).toBe(3);
  });

  it('refuses a key given twice', () => {
    expect(() => parseJsonWithPositions('{"a": 1,\n"a": 2}')).toThrow(/"a" appears twice/);
  });
});
