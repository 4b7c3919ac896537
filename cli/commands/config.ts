import { resolve } from 'node:path';
import { applyStoreConfig } from '../../store-config/apply';
import { loadStoreConfig } from '../../store-config/load';
import { progressPrinter, storeTarget } from '../store-target';

/** Prints every problem as file:line: field: message; exit code 1 when there is one. */
export async function runConfigValidate(dir = 'store'): Promise<number> {
  const loaded = loadStoreConfig(dir);
  if (!loaded.ok) {
    for (const error of loaded.errors) console.error(error);
    console.error(`${loaded.errors.length} problem(s) in ${resolve(dir)}`);
    return 1;
  }
  const { products, faq, store } = loaded.config;
  console.log(
    `${dir} is valid: ${products.length} product(s), ${faq.length} FAQ entr${faq.length === 1 ? 'y' : 'ies'} in ${store.languages.join(', ')}.`,
  );
  return 0;
}

/** Validates first: nothing is written unless every file is valid. */
export async function runConfigApply(
  dir = 'store',
  options: { stack?: string; region?: string } = {},
): Promise<number> {
  const loaded = loadStoreConfig(dir);
  if (!loaded.ok) {
    for (const error of loaded.errors) console.error(error);
    console.error(`Nothing applied: ${loaded.errors.length} problem(s) in ${resolve(dir)}`);
    return 1;
  }
  const target = await storeTarget(options);
  const summary = await applyStoreConfig(target.db, target.table, loaded.config, {
    onProgress: progressPrinter('apply'),
  });
  console.log(
    `Applied ${dir} to ${target.name}: ${summary.written} item(s) written, ${summary.unchanged} unchanged, ${summary.deleted} removed${summary.failed ? `, ${summary.failed} failed` : ''}.` +
      (summary.catalogueVersion ? ` Catalogue version ${summary.catalogueVersion}.` : ''),
  );
  return summary.failed > 0 ? 1 : 0;
}
