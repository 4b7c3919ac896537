import * as z from 'zod';
import type { Order } from '../orders';
import {
  addDays,
  formatLocalDate,
  isTimeZone,
  localDateOf,
  startOfLocalDay,
  WEEKDAYS,
  type Weekday,
} from './calendar';
import { lineTotal, type Money, orderTotal, toMinorUnits } from './money';

/**
 * The seller's after-sales rules, and the decisions that follow from them. Every decision reads only the
 * order record and this policy, never model text, and answers with reason codes: replies are templated
 * per language elsewhere, and analytics counts the codes.
 */

export const ITEM_CONDITIONS = [
  'unopened',
  'new_with_tags',
  'unworn_no_tags',
  'worn',
  'used',
  'damaged_by_shopper',
] as const;
export type ItemCondition = (typeof ITEM_CONDITIONS)[number];

export const RETURN_REASONS = [
  'too_small',
  'too_large',
  'damaged',
  'wrong_item',
  'not_as_described',
  'changed_mind',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** The seller's own mistakes: final-sale and condition rules do not shield them from a return. */
export const SELLER_FAULT_REASONS: ReadonlySet<ReturnReason> = new Set([
  'damaged',
  'wrong_item',
  'not_as_described',
]);

export const PRE_SHIPMENT_STATUSES = ['pending', 'paid', 'processing'] as const;
export const ORDER_CHANGES = ['address', 'size', 'colour'] as const;
export type OrderChangeKind = (typeof ORDER_CHANGES)[number];

const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code');

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are HH:MM, 24-hour');

export type { Weekday };

export const AgentDeskSchema = z
  .object({
    /** Opening hours per weekday in the store's timeZone; a day left out is closed. */
    businessHours: z
      .partialRecord(z.enum(WEEKDAYS), z.object({ open: ClockTime, close: ClockTime }).strict())
      .default({}),
    /** Minutes within which a waiting shopper should get a person; waiting past it raises their place. */
    responseTargetMinutes: z
      .number()
      .positive()
      .max(7 * 24 * 60)
      .default(15),
    /** Average minutes a person spends per hand-off: the expected wait told to shoppers. */
    averageHandlingMinutes: z
      .number()
      .positive()
      .max(24 * 60)
      .default(6),
    vipCustomerIds: z.array(z.string().min(1).max(100)).max(100_000).default([]),
  })
  .strict();
export type AgentDesk = z.infer<typeof AgentDeskSchema>;
const DEFAULT_AGENT_DESK: AgentDesk = {
  businessHours: {},
  responseTargetMinutes: 15,
  averageHandlingMinutes: 6,
  vipCustomerIds: [],
};

export const StorePolicySchema = z
  .object({
    /** IANA zone whose calendar days count the return window, e.g. Europe/Paris. */
    timeZone: z.string().refine(isTimeZone, 'timeZone must be an IANA time zone, e.g. Europe/Paris'),
    /** Days after delivery (or after the order was placed, when no delivery time is known). */
    returnWindowDays: z.number().int().min(0).max(365),
    /** Days a damaged, wrong or misdescribed item may come back; defaults to returnWindowDays. */
    faultyItemWindowDays: z.number().int().min(0).max(3650).optional(),
    finalSaleSkus: z.array(z.string().min(1).max(100)).max(10_000).default([]),
    acceptedConditions: z.array(z.enum(ITEM_CONDITIONS)).min(1),
    /** Largest refund paid without a person, in major units per currency ({ EUR: 100 } is €100.00). */
    autoRefundLimits: z.record(CurrencyCode, z.number().nonnegative()),
    // Only states before shipping are accepted: once a parcel moves, cancelling it is a carrier matter.
    cancellableStatuses: z.array(z.enum(PRE_SHIPMENT_STATUSES)).default([...PRE_SHIPMENT_STATUSES]),
    /** Hours after placing an order during which it may still be cancelled; no limit when absent. */
    cancellationWindowHours: z
      .number()
      .positive()
      .max(24 * 365)
      .optional(),
    changeableStatuses: z.array(z.enum(PRE_SHIPMENT_STATUSES)).default(['pending', 'paid']),
    allowedChanges: z.array(z.enum(ORDER_CHANGES)).default([...ORDER_CHANGES]),
    exchangeAllowed: z.boolean().default(true),
    /** The people's side of the desk: opening hours, response target and VIPs (docs/console.md). */
    agentDesk: AgentDeskSchema.default(DEFAULT_AGENT_DESK),
    /**
     * Damage or wrong-item claims about goods worth more than this (major units per currency) get the
     * assistant's offer of a video call (docs/video.md); none for a currency left out.
     */
    videoCallAbove: z.record(CurrencyCode, z.number().nonnegative()).default({}),
  })
  .strict();

export type StorePolicy = z.infer<typeof StorePolicySchema>;
export type StorePolicyInput = z.input<typeof StorePolicySchema>;

/** Read once at cold start; throws a ZodError naming every bad field. */
export function parseStorePolicy(input: unknown): StorePolicy {
  return StorePolicySchema.parse(input);
}

// ---------------------------------------------------------------------------------------------------------
// Refunds

export type RefundDecision =
  | { outcome: 'auto'; amount: Money }
  | { outcome: 'needs_human'; amount: Money; reason: 'over_auto_limit' | 'no_limit_for_currency' };

/** amountMinor is in minor units (cents); a fractional value means major units slipped in, a bug. */
export function decideRefund(amountMinor: number, currency: string, policy: StorePolicy): RefundDecision {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    throw new RangeError('amountMinor must be a non-negative integer number of minor units');
  }
  const amount = { currency, minor: amountMinor };
  const limit = policy.autoRefundLimits[currency];
  if (limit === undefined) return { outcome: 'needs_human', amount, reason: 'no_limit_for_currency' };
  if (amountMinor > toMinorUnits(limit, currency))
    return { outcome: 'needs_human', amount, reason: 'over_auto_limit' };
  return { outcome: 'auto', amount };
}

// ---------------------------------------------------------------------------------------------------------
// Returns

export interface ReturnRequest {
  sku: string;
  /** Units to send back; 1 when absent. */
  quantity?: number;
  condition?: ItemCondition;
  reason?: ReturnReason;
  /** Units of this SKU already in an open or finished return, from the return store. */
  alreadyReturnedQuantity?: number;
}

export type ReturnIneligibleReason =
  | 'order_cancelled'
  | 'item_not_in_order'
  | 'already_returned'
  | 'quantity_exceeds_order'
  | 'not_delivered_yet'
  | 'final_sale'
  | 'outside_window'
  | 'condition_not_accepted';

export interface ReturnDeadline {
  /** The last calendar day, in the store's time zone, on which a return may be requested. */
  lastDay: string;
  /** The first instant after the window (exclusive end), ISO 8601 UTC. */
  closesAt: string;
  /** What the window counts from. */
  from: 'delivery' | 'placed';
}

export type ReturnDecision =
  | {
      outcome: 'eligible';
      sku: string;
      quantity: number;
      deadline: ReturnDeadline;
      refund: RefundDecision;
      /** Conditions the shopper must confirm; empty when the seller is at fault. */
      requiredConditions: ItemCondition[];
      exchangeAllowed: boolean;
    }
  | { outcome: 'not_eligible'; reason: ReturnIneligibleReason; deadline?: ReturnDeadline };

const sameSku = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

export function isFinalSale(item: Order['items'][number], policy: StorePolicy): boolean {
  return item.finalSale === true || policy.finalSaleSkus.some((sku) => sameSku(sku, item.sku));
}

function isDelivered(order: Order): boolean {
  return order.status === 'delivered' || order.shipment?.status === 'delivered';
}

/** The carrier's delivery scan; the newest event of a delivered shipment is that scan. */
export function deliveredAt(order: Order): string | undefined {
  if (!isDelivered(order)) return undefined;
  const explicit = order.shipment?.deliveredAt;
  if (typeof explicit === 'string' && !Number.isNaN(Date.parse(explicit))) return explicit;
  if (order.shipment?.status !== 'delivered') return undefined;
  let latest: string | undefined;
  for (const event of order.shipment.events) {
    if (!latest || Date.parse(event.at) > Date.parse(latest)) latest = event.at;
  }
  return latest;
}

export function returnDeadline(order: Order, windowDays: number, policy: StorePolicy): ReturnDeadline {
  const delivered = deliveredAt(order);
  const start = Date.parse(delivered ?? order.placedAt);
  const lastDay = addDays(localDateOf(start, policy.timeZone), windowDays);
  return {
    lastDay: formatLocalDate(lastDay),
    closesAt: new Date(startOfLocalDay(addDays(lastDay, 1), policy.timeZone)).toISOString(),
    from: delivered ? 'delivery' : 'placed',
  };
}

export function decideReturn(
  order: Order,
  request: ReturnRequest,
  now: Date,
  policy: StorePolicy,
): ReturnDecision {
  const notEligible = (reason: ReturnIneligibleReason, deadline?: ReturnDeadline): ReturnDecision =>
    deadline ? { outcome: 'not_eligible', reason, deadline } : { outcome: 'not_eligible', reason };

  if (order.status === 'cancelled') return notEligible('order_cancelled');
  const lines = order.items.filter((item) => sameSku(item.sku, request.sku));
  const [firstLine] = lines;
  if (!firstLine) return notEligible('item_not_in_order');

  const quantity = request.quantity ?? 1;
  if (!Number.isSafeInteger(quantity) || quantity < 1)
    throw new RangeError('quantity must be a positive integer');
  const ordered = lines.reduce((sum, line) => sum + line.quantity, 0);
  const remaining =
    order.status === 'returned' ? 0 : ordered - Math.max(0, request.alreadyReturnedQuantity ?? 0);
  if (remaining <= 0) return notEligible('already_returned');
  if (quantity > remaining) return notEligible('quantity_exceeds_order');
  if (!isDelivered(order)) return notEligible('not_delivered_yet');

  const sellerFault = request.reason !== undefined && SELLER_FAULT_REASONS.has(request.reason);
  if (!sellerFault && lines.some((line) => isFinalSale(line, policy))) return notEligible('final_sale');

  const windowDays = sellerFault
    ? (policy.faultyItemWindowDays ?? policy.returnWindowDays)
    : policy.returnWindowDays;
  const deadline = returnDeadline(order, windowDays, policy);
  if (now.getTime() >= Date.parse(deadline.closesAt)) return notEligible('outside_window', deadline);

  if (!sellerFault && request.condition && !policy.acceptedConditions.includes(request.condition)) {
    return notEligible('condition_not_accepted', deadline);
  }

  // Lines of one SKU can carry different prices (a discount on the second unit); refunding the lowest
  // never pays back more than was charged.
  const unitPrice = Math.min(...lines.map((line) => line.unitPrice));
  const amount = lineTotal(unitPrice, quantity, order.currency);
  return {
    outcome: 'eligible',
    sku: firstLine.sku,
    quantity,
    deadline,
    refund: decideRefund(amount.minor, amount.currency, policy),
    requiredConditions: sellerFault ? [] : [...policy.acceptedConditions],
    exchangeAllowed: policy.exchangeAllowed,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cancellations

export type CancellationAlternative =
  | 'refuse_delivery'
  | 'return_after_delivery'
  | 'start_return'
  | 'contact_agent';

export type CancellationDecision =
  | { outcome: 'allowed'; refund: Money }
  | { outcome: 'needs_human'; reason: 'over_auto_limit' | 'no_limit_for_currency'; refund: Money }
  | {
      outcome: 'not_allowed';
      reason:
        | 'already_cancelled'
        | 'already_returned'
        | 'already_shipped'
        | 'already_delivered'
        | 'status_not_cancellable'
        | 'window_closed';
      alternatives: CancellationAlternative[];
    };

/** A label alone means nothing has left the warehouse; any later carrier state means the parcel moved. */
function hasShipped(order: Order): boolean {
  if (order.status === 'shipped' || order.status === 'delivered') return true;
  return order.shipment !== undefined && order.shipment.status !== 'label_created';
}

const UNPAID: ReadonlySet<Order['status']> = new Set(['pending']);

export function decideCancellation(order: Order, now: Date, policy: StorePolicy): CancellationDecision {
  if (order.status === 'cancelled')
    return { outcome: 'not_allowed', reason: 'already_cancelled', alternatives: [] };
  if (order.status === 'returned')
    return { outcome: 'not_allowed', reason: 'already_returned', alternatives: [] };
  if (isDelivered(order)) {
    return { outcome: 'not_allowed', reason: 'already_delivered', alternatives: ['start_return'] };
  }
  if (hasShipped(order)) {
    return {
      outcome: 'not_allowed',
      reason: 'already_shipped',
      alternatives: ['refuse_delivery', 'return_after_delivery'],
    };
  }
  if (!(policy.cancellableStatuses as readonly string[]).includes(order.status)) {
    return {
      outcome: 'not_allowed',
      reason: 'status_not_cancellable',
      alternatives: ['return_after_delivery', 'contact_agent'],
    };
  }
  if (
    policy.cancellationWindowHours !== undefined &&
    now.getTime() - Date.parse(order.placedAt) > policy.cancellationWindowHours * 3_600_000
  ) {
    return {
      outcome: 'not_allowed',
      reason: 'window_closed',
      alternatives: ['return_after_delivery', 'contact_agent'],
    };
  }
  // Nothing was charged on an unpaid order, so nothing is paid back.
  const refund = UNPAID.has(order.status) ? { currency: order.currency, minor: 0 } : orderTotal(order);
  const decision = decideRefund(refund.minor, refund.currency, policy);
  return decision.outcome === 'auto'
    ? { outcome: 'allowed', refund }
    : { outcome: 'needs_human', reason: decision.reason, refund };
}

// ---------------------------------------------------------------------------------------------------------
// Changes before shipping

export type OrderChange =
  | { kind: 'address' }
  | { kind: 'size'; sku: string; to: string }
  | { kind: 'colour'; sku: string; to: string };

export type ChangeAlternative =
  | 'exchange'
  | 'exchange_after_delivery'
  | 'contact_carrier'
  | 'cancel_and_reorder'
  | 'contact_agent';

export type ChangeDecision =
  | { outcome: 'allowed'; kind: OrderChangeKind }
  | {
      outcome: 'not_allowed';
      reason:
        | 'change_not_offered'
        | 'order_closed'
        | 'already_shipped'
        | 'already_delivered'
        | 'status_not_changeable'
        | 'item_not_in_order'
        | 'same_as_current';
      alternatives: ChangeAlternative[];
    };

export function decideChange(order: Order, change: OrderChange, policy: StorePolicy): ChangeDecision {
  const notAllowed = (
    reason: Extract<ChangeDecision, { outcome: 'not_allowed' }>['reason'],
    alternatives: ChangeAlternative[] = [],
  ): ChangeDecision => ({ outcome: 'not_allowed', reason, alternatives });

  if (!policy.allowedChanges.includes(change.kind))
    return notAllowed('change_not_offered', ['contact_agent']);
  if (order.status === 'cancelled' || order.status === 'returned') return notAllowed('order_closed');

  if (change.kind !== 'address') {
    const lines = order.items.filter((item) => sameSku(item.sku, change.sku));
    if (lines.length === 0) return notAllowed('item_not_in_order');
    const current = change.kind === 'size' ? lines.map((line) => line.size) : lines.map((line) => line.color);
    const wanted = change.to.trim().toLowerCase();
    if (current.every((value) => value?.trim().toLowerCase() === wanted))
      return notAllowed('same_as_current');
  }

  // Once the item is in the shopper's hands, a different size or colour is an exchange, not a change.
  if (isDelivered(order)) {
    const now: ChangeAlternative[] =
      change.kind === 'address' ? ['contact_agent'] : policy.exchangeAllowed ? ['exchange'] : [];
    return notAllowed('already_delivered', now);
  }
  if (hasShipped(order)) {
    const later: ChangeAlternative[] =
      change.kind === 'address'
        ? ['contact_carrier']
        : policy.exchangeAllowed
          ? ['exchange_after_delivery']
          : [];
    return notAllowed('already_shipped', later);
  }
  if (!(policy.changeableStatuses as readonly string[]).includes(order.status)) {
    const cancellable = (policy.cancellableStatuses as readonly string[]).includes(order.status);
    return notAllowed('status_not_changeable', cancellable ? ['cancel_and_reorder'] : ['contact_agent']);
  }
  return { outcome: 'allowed', kind: change.kind };
}
