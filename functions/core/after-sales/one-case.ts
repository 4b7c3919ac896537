import type { Order } from '../orders';
import type { Claim, ClaimKind } from './claims';

/**
 * One case per problem: a follow-up about the same order and item (a second message, a photo) joins the
 * case already open for it; another order, another item or another kind of problem opens its own.
 */

/** Kinds that are one problem when they concern the same goods: a damaged item later called "wrong" too. */
const FAMILY: Record<ClaimKind, string> = {
  damaged_item: 'goods',
  wrong_item: 'goods',
  delivery: 'delivery',
  complaint: 'complaint',
  payment: 'payment',
  order_change: 'order_change',
};

/** The item of an order a case is about: the one named in the shopper's words, or the order's only one. */
export function caseItem(order: Order, words: string): string | undefined {
  const skus = [...new Set(order.items.map((item) => item.sku.toUpperCase()))];
  if (skus.length === 1) return skus[0];
  const folded = words.toLowerCase();
  const named = order.items.filter(
    (item) => folded.includes(item.name.toLowerCase()) || folded.includes(item.sku.toLowerCase()),
  );
  const namedSkus = [...new Set(named.map((item) => item.sku.toUpperCase()))];
  return namedSkus.length === 1 ? namedSkus[0] : undefined;
}

export interface CaseSubject {
  kind: ClaimKind;
  sessionId: string;
  orderId?: string;
  sku?: string;
}

/** The open case the problem belongs to, newest first; undefined when it is a new problem. */
export function openCaseFor(claims: readonly Claim[], subject: CaseSubject): Claim | undefined {
  return claims.find((claim) => {
    if (claim.status !== 'open' || claim.kind === 'order_change') return false;
    if (FAMILY[claim.kind] !== FAMILY[subject.kind]) return false;
    // Without an order (a complaint about the website), only the same conversation is the same problem.
    if (!subject.orderId || !claim.orderId)
      return !subject.orderId && !claim.orderId && claim.sessionId === subject.sessionId;
    if (claim.orderId !== subject.orderId) return false;
    // The same order but another of its items is another problem; an unknown item joins what is there.
    return !claim.sku || !subject.sku || claim.sku === subject.sku;
  });
}
