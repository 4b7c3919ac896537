import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod';
import type { ComplaintRouting } from '../functions/core/after-sales/complaints';
import type { StorePolicy } from '../functions/core/after-sales/policy';
import {
  type JsonPath,
  JsonSyntaxError,
  type PositionedJson,
  parseJsonWithPositions,
} from './json-positions';
import { type FaqEntry, FILES, FileSchemas, type Product, type StoreFile } from './schema';

export interface StoreConfig {
  store: StoreFile;
  policy: StorePolicy;
  routing: ComplaintRouting;
  products: Product[];
  /** Entries in the store language carry no language, as the knowledge module expects. */
  faq: FaqEntry[];
}

export type LoadResult = { ok: true; config: StoreConfig } | { ok: false; errors: string[] };

/** One error per problem, each "file:line: field: message", in file order. */
export function loadStoreConfig(dir: string): LoadResult {
  const errors: string[] = [];
  const read = <T>(
    file: string,
    schema: z.ZodType<T>,
    required: boolean,
  ): { value: T; json: PositionedJson } | undefined => {
    const path = join(dir, file);
    if (!existsSync(path)) {
      if (required) errors.push(`${path}:1: the file is missing`);
      return undefined;
    }
    let json: PositionedJson;
    try {
      json = parseJsonWithPositions(readFileSync(path, 'utf8'));
    } catch (error) {
      if (error instanceof JsonSyntaxError) errors.push(`${path}:${error.line}: ${error.message}`);
      else throw error;
      return undefined;
    }
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(describe(path, json, issue.path as JsonPath, issue.message));
      return undefined;
    }
    return { value: parsed.data, json };
  };

  const store = read(FILES.store, FileSchemas.store, true);
  const policy = read(FILES.policy, FileSchemas.policy, true);
  const complaints = read(FILES.complaints, FileSchemas.complaints, true);
  const products = read(FILES.products, FileSchemas.products, false);

  const seenSkus = new Map<string, number>();
  products?.value.forEach((product, index) => {
    const key = product.sku.toUpperCase();
    const first = seenSkus.get(key);
    if (first !== undefined) {
      errors.push(
        describe(
          join(dir, FILES.products),
          products.json,
          [index, 'sku'],
          `sku ${product.sku} is already used by product ${first + 1}`,
        ),
      );
    } else seenSkus.set(key, index);
  });

  const faq: FaqEntry[] = [];
  const faqDir = join(dir, FILES.faqFolder);
  if (existsSync(faqDir) && store) {
    const { language, languages } = store.value;
    const files = readdirSync(faqDir).filter((file) => file.endsWith('.json'));
    const languageOf = (file: string) => file.slice(0, -'.json'.length);
    const ordered = [
      ...files.filter((file) => languageOf(file) === language),
      ...languages.flatMap((tag) => files.filter((file) => tag !== language && languageOf(file) === tag)),
    ];
    const storeIds = new Set<string>();
    for (const file of files) {
      if (!languages.includes(languageOf(file)))
        errors.push(
          `${join(faqDir, file)}:1: ${languageOf(file)} is not one of store.json's languages (${languages.join(', ')})`,
        );
    }
    for (const file of ordered) {
      const entries = read(join(FILES.faqFolder, file), FileSchemas.faq, false);
      if (!entries) continue;
      const fileLanguage = languageOf(file);
      const seen = new Set<string>();
      entries.value.forEach((entry, index) => {
        const where = (message: string) =>
          errors.push(describe(join(faqDir, file), entries.json, [index, 'id'], message));
        if (seen.has(entry.id)) where(`id ${entry.id} appears twice in this file`);
        seen.add(entry.id);
        if (fileLanguage === language) storeIds.add(entry.id);
        // A translation of nothing would answer only shoppers of that one language, which is a slip.
        else if (!storeIds.has(entry.id)) where(`id ${entry.id} has no entry in faq/${language}.json`);
        faq.push(fileLanguage === language ? entry : { ...entry, language: fileLanguage });
      });
    }
  }

  if (errors.length > 0 || !store || !policy || !complaints) return { ok: false, errors };
  return {
    ok: true,
    config: {
      store: store.value,
      policy: policy.value,
      routing: complaints.value,
      products: products?.value ?? [],
      faq,
    },
  };
}

function describe(file: string, json: PositionedJson, path: JsonPath, message: string): string {
  const field = path.length > 0 ? `${formatPath(path)}: ` : '';
  return `${file}:${json.lineOf(path)}: ${field}${message}`;
}

/** products[3].sizeChart.rows[0].size, as a seller reads it. */
function formatPath(path: JsonPath): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}
