import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { POLICY_KEY } from '../../functions/adapters/aws/dynamodb-store-policy-source';
import { faqItem, type Item, importedOrderItem, productItem } from '../items';
import { bumpCatalogueVersion, upsertItems, type WriteOptions } from '../writer';
import { parseFaqRows } from './faq';
import { parseOrderRows } from './orders';
import { parseProductRows } from './products';
import type { ImportFormat } from './rows';

export const IMPORT_KINDS = ['orders', 'products', 'faq'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportResult {
  rows: number;
  rejected: Array<{ line: number; error: string }>;
  written: number;
  unchanged: number;
  catalogueVersion?: string;
}

/** The rows of a file as Store items, or the reason each bad row was rejected. */
export function itemsOf(
  kind: ImportKind,
  text: string,
  format: ImportFormat,
  storeLanguage?: string,
): { items: Array<{ line: number; item: Item }>; rejected: Array<{ line: number; error: string }> } {
  const items: Array<{ line: number; item: Item }> = [];
  const rejected: Array<{ line: number; error: string }> = [];
  const rows =
    kind === 'orders'
      ? parseOrderRows(text, format).map(({ line, order, error }) => ({
          line,
          error,
          item: order && importedOrderItem(order),
        }))
      : kind === 'products'
        ? parseProductRows(text, format).map(({ line, product, error }) => ({
            line,
            error,
            item: product && productItem(product, 'import'),
          }))
        : parseFaqRows(text, format, storeLanguage).map(({ line, entry, error }) => ({
            line,
            error,
            item: entry && faqItem(entry, 'import'),
          }));
  for (const { line, error, item } of rows) {
    if (item) items.push({ line, item });
    else rejected.push({ line, error: error ?? 'rejected' });
  }
  return { items, rejected };
}

/**
 * Imports the good rows of a file and reports the bad ones by line. Unchanged rows are not rewritten, so a
 * second import of the same file writes nothing; products and FAQ that changed get a new catalogue version.
 */
export async function importFile(
  db: DynamoDBDocumentClient,
  table: string,
  kind: ImportKind,
  text: string,
  format: ImportFormat,
  options: WriteOptions = {},
): Promise<ImportResult> {
  const storeLanguage = kind === 'faq' ? await configuredLanguage(db, table) : undefined;
  const { items, rejected } = itemsOf(kind, text, format, storeLanguage);
  const summary = await upsertItems(
    db,
    table,
    items.map(({ item }) => item),
    options,
  );
  for (const failure of summary.failed) {
    rejected.push({
      line: items[failure.index]?.line ?? 0,
      error: `could not be written (${failure.error})`,
    });
  }
  rejected.sort((a, b) => a.line - b.line);
  const result: ImportResult = {
    rows: items.length + rejected.length - summary.failed.length,
    rejected,
    written: summary.written,
    unchanged: summary.unchanged,
  };
  if (kind !== 'orders' && summary.written > 0)
    result.catalogueVersion = await bumpCatalogueVersion(db, table);
  return result;
}

/** The store language of the applied configuration, if any. */
async function configuredLanguage(db: DynamoDBDocumentClient, table: string): Promise<string | undefined> {
  const result = await db.send(
    new GetCommand({
      TableName: table,
      Key: POLICY_KEY,
      ProjectionExpression: '#store',
      ExpressionAttributeNames: { '#store': 'store' },
    }),
  );
  const language = (result.Item?.store as { language?: unknown } | undefined)?.language;
  return typeof language === 'string' ? language : undefined;
}
