import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { CATALOGUE_VERSION_KEY } from '../functions/adapters/aws/dynamodb-knowledge-repository';
import { faqItem, type Item, itemKey, policyItem, productItem } from './items';
import type { StoreConfig } from './load';
import { bumpCatalogueVersion, pruneCatalogue, upsertItems, type WriteOptions } from './writer';

export interface ApplySummary {
  written: number;
  unchanged: number;
  deleted: number;
  failed: number;
  /** The new catalogue version, when products or FAQ changed. */
  catalogueVersion?: string;
}

/**
 * Makes the Store table hold what the configuration files say: the policy item, one item per product and
 * FAQ entry, and no product or FAQ item that an earlier apply wrote and the files no longer list. Imported
 * products and FAQ are left alone. Applying the same files twice writes nothing.
 */
export async function applyStoreConfig(
  db: DynamoDBDocumentClient,
  table: string,
  config: StoreConfig,
  options: WriteOptions = {},
): Promise<ApplySummary> {
  const catalogue: Item[] = [
    ...config.products.map((product) => productItem(product, 'config')),
    ...config.faq.map((entry) => faqItem(entry, 'config')),
  ];
  const policy = await upsertItems(db, table, [policyItem(config)]);
  const written = await upsertItems(db, table, catalogue, options);
  const deleted = await pruneCatalogue(db, table, 'config', new Set(catalogue.map(itemKey)));
  const failed = policy.failed.length + written.failed.length;
  const summary: ApplySummary = {
    written: policy.written + written.written,
    unchanged: policy.unchanged + written.unchanged,
    deleted,
    failed,
  };
  if (written.written > 0 || deleted > 0 || !(await hasCatalogueVersion(db, table))) {
    summary.catalogueVersion = await bumpCatalogueVersion(db, table);
  }
  return summary;
}

export async function hasCatalogueVersion(db: DynamoDBDocumentClient, table: string): Promise<boolean> {
  const result = await db.send(new GetCommand({ TableName: table, Key: CATALOGUE_VERSION_KEY }));
  return result.Item !== undefined;
}
