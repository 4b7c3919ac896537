import type { PhotoEvidence } from '../photos/evidence';
import type { ComplaintCategory, ComplaintOwner } from './complaints';

/**
 * A case for a person: a complaint, a payment problem, a delivery problem or a damaged or wrong item.
 * The owner comes from the seller's routing, never from the model; photos are upload keys, not URLs.
 */
export const CLAIM_KINDS = [
  'delivery',
  'damaged_item',
  'wrong_item',
  'complaint',
  'payment',
  'order_change',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const DELIVERY_PROBLEMS = ['late', 'customs', 'delivered_not_received', 'other'] as const;
export type DeliveryProblem = (typeof DELIVERY_PROBLEMS)[number];

export interface Claim {
  claimId: string;
  kind: ClaimKind;
  customerId: string;
  sessionId: string;
  orderId?: string;
  /** The item of the order the case is about, when known (named, or the order's only item). */
  sku?: string;
  category: ComplaintCategory;
  owner: ComplaintOwner;
  /** Agents close claims from the console with an outcome; the assistant only opens them. */
  status: 'open' | 'closed';
  outcome?: string;
  problem?: DeliveryProblem;
  /** For order changes: what the shopper wants changed. */
  change?: { kind: 'address' | 'size' | 'colour'; sku?: string; to?: string };
  photoKeys: string[];
  /** What was read from each photo on the case (core/photos/evidence.ts), for the agent console. */
  evidence?: PhotoEvidence[];
  /** Matched complaint keywords, for the agent and for tuning; never the shopper's text. */
  terms: string[];
  createdAt: string;
}
