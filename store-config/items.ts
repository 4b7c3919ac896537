import { createHash } from 'node:crypto';
import { CATALOGUE_PARTITION, productKey } from '../functions/adapters/aws/dynamodb-knowledge-repository';
import { orderItem } from '../functions/adapters/aws/dynamodb-order-repository';
import { POLICY_KEY } from '../functions/adapters/aws/dynamodb-store-policy-source';
import type { Order } from '../functions/core/orders';
import type { StoreConfig } from './load';
import type { FaqEntry, Product } from './schema';

/**
 * The Store table items that config apply, imports and the demo seed write: exactly the shapes the
 * repositories read (functions/adapters/aws/dynamodb-*-repository.ts, dynamodb-store-policy-source.ts).
 * `origin` tells a config file's item from an imported one, so apply removes only what it wrote.
 */
export type Origin = 'config' | 'import';
export type Item = Record<string, unknown> & { pk: string; sk: string };

export function policyItem(config: StoreConfig): Item {
  const { name, language, languages } = config.store;
  return {
    ...POLICY_KEY,
    type: 'config',
    policy: config.policy,
    routing: config.routing,
    store: { ...(name ? { name } : {}), language, languages },
  };
}

export function productItem(product: Product, origin: Origin): Item {
  const key = productKey(product.sku);
  return { ...key, type: 'product', gsi1pk: CATALOGUE_PARTITION, gsi1sk: key.pk, origin, ...product };
}

/** Translations share the entry's id, so the language tells their keys apart. */
export function faqItem(entry: FaqEntry, origin: Origin): Item {
  const key = entry.language ? `FAQ#${entry.id}#${entry.language}` : `FAQ#${entry.id}`;
  return { pk: key, sk: 'FAQ', type: 'faq', gsi1pk: CATALOGUE_PARTITION, gsi1sk: key, origin, ...entry };
}

export function importedOrderItem(order: Order): Item {
  return orderItem(order) as Item;
}

export const itemKey = (item: { pk: unknown; sk: unknown }) => `${String(item.pk)}\u0000${String(item.sk)}`;

/** Attributes that change on every write and so say nothing about the content. */
const VOLATILE = new Set(['updatedAt', 'contentHash']);

/** A hash of the item's content with keys sorted, so an unchanged row is recognised and not rewritten. */
export function contentHash(item: Record<string, unknown>): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  const content = Object.fromEntries(Object.entries(item).filter(([key]) => !VOLATILE.has(key)));
  return createHash('sha256')
    .update(JSON.stringify(canonical(content)))
    .digest('base64url')
    .slice(0, 22);
}
