import { readFile } from 'node:fs/promises';
import { IMPORT_KINDS, type ImportKind, importFile } from '../../store-config/imports/import';
import { detectFormat } from '../../store-config/imports/rows';
import { progressPrinter, storeTarget } from '../store-target';

/**
 * `afterdesk import orders|products|faq <file>`: CSV (Shopify's exports or the generic columns), a JSON
 * array or NDJSON. Bad rows are reported by line and skipped; unchanged rows are not rewritten.
 */
export async function runImport(
  kind: string,
  file: string,
  options: { stack?: string; region?: string; concurrency?: string },
): Promise<number> {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    throw new Error(`import ${kind}: expected one of ${IMPORT_KINDS.join(', ')}`);
  const text = await readFile(file, 'utf8');
  const target = await storeTarget(options);
  const concurrency = options.concurrency ? Number(options.concurrency) : undefined;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64))
    throw new Error('--concurrency must be an integer from 1 to 64');
  const result = await importFile(
    target.db,
    target.table,
    kind as ImportKind,
    text,
    detectFormat(file, text),
    {
      concurrency,
      onProgress: progressPrinter(`import ${kind}`),
    },
  );
  for (const { line, error } of result.rejected) console.error(`${file}:${line}: ${error}`);
  console.log(
    `Imported ${kind} from ${file} into ${target.name}: ${result.written} written, ${result.unchanged} unchanged, ${result.rejected.length} row(s) rejected.` +
      (result.catalogueVersion ? ` Catalogue version ${result.catalogueVersion}.` : ''),
  );
  return result.rejected.length > 0 ? 1 : 0;
}

/** Kept for scripts that call the orders import by its earlier name. */
export const runImportOrders = (file: string, options: { stack?: string; region?: string }) =>
  runImport('orders', file, options);
