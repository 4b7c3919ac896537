import type { Order } from '../core/orders';

/** The secrets webhooks are signed with: Secrets Manager in the cloud, a file in the data folder locally. */
export interface WebhookSecrets {
  /** Shopify's webhook signing secret (the app's client secret, or the shop's notification key). */
  shopify(): Promise<string>;
  /** The secret the generic carrier-tracking webhook is signed with. */
  carrier(): Promise<string>;
}

/** An order as stored, with the revision a conditional write must still find. */
export interface StoredOrder {
  readonly order: Order;
  readonly revision: string | undefined;
}

/** Orders as webhooks change them: the same items the order import writes, with optimistic concurrency. */
export interface WebhookOrderStore {
  load(orderId: string): Promise<StoredOrder | undefined>;
  /** Writes only if the order is still as loaded (`expected` undefined: only if there is none yet). */
  save(order: Order, expected: StoredOrder | undefined): Promise<'saved' | 'conflict'>;
}
