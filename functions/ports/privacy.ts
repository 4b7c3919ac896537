/**
 * Ports for data-subject requests (erasure and export). Every store that holds a shopper's data has one
 * implementation per mode; the use cases in functions/core/privacy drive them.
 */

/** What a customer's data is keyed on across stores: found once, then erased or exported everywhere. */
export interface CustomerFootprint {
  customerId: string;
  /**
   * Every principal that acted for the customer: their own id and the guest principal of each order they
   * own (a guest who proved the order with its number and email is that customer, unsigned-in).
   */
  principals: string[];
  orderIds: string[];
  returnIds: string[];
  claimIds: string[];
  sessionIds: string[];
}

/** The live stores (DynamoDB): orders, returns, cases, conversations, connections. */
export interface CustomerDataStore {
  /** The orders the customer owns (their guest principals derive from them). */
  ownedOrderIds(customerId: string): Promise<string[]>;
  /** Orders, returns, cases and sessions of every principal. */
  footprint(customerId: string, principals: readonly string[]): Promise<CustomerFootprint>;
  /** Every item of the footprint, for an export (plain JSON values). */
  read(footprint: CustomerFootprint): Promise<Record<string, unknown[]>>;
  /** Deletes every item of the footprint; the count of items deleted per kind. */
  erase(footprint: CustomerFootprint): Promise<Record<string, number>>;
}

/** Photos and recordings, all versions, per principal (a customer id or a guest principal). */
export interface CustomerMediaStore {
  list(principal: string): Promise<string[]>;
  /** Deletes every object and every version under the principal's prefix; the count of versions deleted. */
  erase(principal: string): Promise<number>;
}

/** Analytics facts: rows tied to the footprint's sessions, orders, returns and cases. */
export interface CustomerFacts {
  read(footprint: CustomerFootprint): Promise<Record<string, unknown[]>>;
  /** Removes the rows (rewriting what holds them); the count of rows removed per fact. */
  erase(footprint: CustomerFootprint): Promise<Record<string, number>>;
}

/** Who asked, when, and what was removed — never the erased data or the raw customer id. */
export interface PrivacyRequestRecord {
  requestId: string;
  kind: 'erase' | 'export';
  requestedBy: string;
  at: string;
  /** A keyed hash of the customer id: lets an operator check "was X erased?" without keeping X. */
  subject: string;
  counts: Record<string, number>;
  durationMs: number;
}

export interface PrivacyAudit {
  record(entry: PrivacyRequestRecord): Promise<void>;
}
