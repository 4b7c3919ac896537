import type { Claim } from '../core/after-sales/claims';
import type { ComplaintRouting } from '../core/after-sales/complaints';
import type { Proposal } from '../core/after-sales/confirmation';
import type { StorePolicy } from '../core/after-sales/policy';
import type { Rma } from '../core/after-sales/rma';
import type { FaqEntry, ProductFacts } from '../core/knowledge/answer';
import type { PhotoEvidence } from '../core/photos/evidence';
import type { SizeChart } from '../core/sizing/chart';
import type { ReturnRecord } from '../core/sizing/returns';

export interface ReturnRepository {
  /** Fails with 'exists' rather than overwrite an RMA already stored under that id. */
  create(rma: Rma): Promise<'created' | 'exists'>;
  get(orderId: string, rmaId: string): Promise<Rma | undefined>;
  /** Oldest first. */
  listForOrder(orderId: string): Promise<Rma[]>;
  /**
   * Stores a transitioned RMA only if the stored one is still the state it was transitioned from, so a
   * late or repeated event never overwrites a newer state.
   */
  saveTransition(rma: Rma): Promise<'saved' | 'stale'>;
  /** Return reasons of one product, for sizing advice. */
  listReturnsForProduct(sku: string, limit: number): Promise<ReturnRecord[]>;
}

/** A catalogue product: the facts a shopper may ask about, plus what sizing and exchanges need. */
export interface StoreProduct extends ProductFacts {
  sizeChart?: SizeChart;
  /** Units in stock; absent means unknown, which never allows an exchange. */
  stock?: number;
}

export interface KnowledgeRepository {
  listFaq(): Promise<FaqEntry[]>;
  listProducts(): Promise<StoreProduct[]>;
  /** The catalogue version the lists were read at, when the store keeps one (the index is built per version). */
  catalogueVersion?(): Promise<string | undefined>;
  getProduct(sku: string): Promise<StoreProduct | undefined>;
}

export interface ClaimRepository {
  open(claim: Claim): Promise<void>;
  /** Appends what was read from photos (and their keys) to an open case; never opens one. */
  addEvidence(claimId: string, evidence: PhotoEvidence[], photoKeys: string[]): Promise<void>;
  listForCustomer(customerId: string, limit: number): Promise<Claim[]>;
}

export interface StoreRules {
  policy: StorePolicy;
  routing: ComplaintRouting;
}

export interface StorePolicySource {
  get(): Promise<StoreRules>;
}

export interface OrderStatusWriter {
  /** Cancels only if the order is still in `expectedStatus`, so a shipment scan in between wins. */
  cancelOrder(orderId: string, expectedStatus: string, at: string): Promise<'cancelled' | 'stale'>;
}

/** The action waiting for the shopper's yes, one per conversation (core/after-sales/confirmation.ts). */
export interface ProposalStore {
  /** Stores the conversation's proposal; a newer request replaces an older one. */
  put(proposal: Proposal): Promise<void>;
  get(sessionId: string): Promise<Proposal | undefined>;
  /**
   * Moves a pending proposal to `done` or `declined`, once: a second yes (a retry, a double tap) gets
   * 'stale' and acts on nothing.
   */
  settle(sessionId: string, proposalId: string, status: 'done' | 'declined'): Promise<'settled' | 'stale'>;
  /** Keeps what the action did on the proposal, so a repeated yes hears the same outcome. */
  recordResult(sessionId: string, proposalId: string, result: Record<string, unknown>): Promise<void>;
}
