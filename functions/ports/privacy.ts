/**
 * Ports for data-subject requests (erasure and export). Every store that holds a shopper's data has one
 * implementation per mode; the use cases in functions/core/privacy drive them.
 */

/** The opaque keys a customer's analytics rows carry (no customer id, no text). */
export interface FactKeys {
  sessionIds: string[];
  orderIds: string[];
  returnIds: string[];
  claimIds: string[];
}

/** What a customer's data is keyed on across stores: found once, then erased or exported everywhere. */
export interface CustomerFootprint extends FactKeys {
  customerId: string;
  /**
   * Every principal that acted for the customer: their own id and the guest principal of each order they
   * own (a guest who proved the order with its number and email is that customer, unsigned-in).
   */
  principals: string[];
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

/**
 * Copies of a session's messages kept outside the stores (locally, the ack journal that puts messages back
 * after a crash): removed with the sessions. The count of entries removed.
 */
export interface SessionCopies {
  erase(sessionIds: readonly string[]): Promise<number>;
}

/** The request an erasure belongs to, carried to work done later (the daily fact rewrite in AWS). */
export interface ErasureRequest {
  requestId: string;
  requestedBy: string;
  subject: string;
}

/** Analytics facts: rows tied to the footprint's sessions, orders, returns and cases. */
export interface CustomerFacts {
  read(keys: FactKeys): Promise<Record<string, unknown[]>>;
  /**
   * Removes the rows (rewriting what holds them) or queues them for a later rewrite; the count of rows
   * removed (or keys queued) per fact.
   */
  erase(keys: FactKeys, request: ErasureRequest): Promise<Record<string, number>>;
}

/** Rewrites what holds the rows of these keys without them; the count of rows removed per fact. */
export interface FactRewriter {
  erase(keys: FactKeys): Promise<Record<string, number>>;
}

/** An erasure whose facts wait for the rewrite (AWS: `PRIVACY#FACTS` items of the Store table). */
export interface QueuedFactErasure extends ErasureRequest {
  /** The queue entry, removed once its rows are gone. */
  id: string;
  queuedAt: string;
  keys: FactKeys;
}

export interface FactErasureQueue {
  pending(): Promise<QueuedFactErasure[]>;
  done(id: string): Promise<void>;
}

/** Who asked, when, and what was removed — never the erased data or the raw customer id. */
export interface PrivacyRequestRecord {
  requestId: string;
  /** `erase-facts`: the analytics rows of an earlier erasure, rewritten away by the daily job. */
  kind: 'erase' | 'export' | 'erase-facts';
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
