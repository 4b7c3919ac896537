import * as z from 'zod';
import type { Money } from './money';
import { RETURN_REASONS, type ReturnReason, SELLER_FAULT_REASONS, type StorePolicy } from './policy';

/**
 * A return merchandise authorisation as a state machine:
 *
 *   requested → approved → label_issued → in_transit → received → refunded | exchanged
 *   requested | approved | received → rejected
 *
 * Each transition returns a new frozen RMA with one more history entry, so a stored RMA can be replayed
 * and analytics can measure each leg (e.g. days to refund).
 */

export const RMA_STATES = [
  'requested',
  'approved',
  'label_issued',
  'in_transit',
  'received',
  'refunded',
  'exchanged',
  'rejected',
] as const;
export type RmaState = (typeof RMA_STATES)[number];

export const RMA_EVENTS = [
  'approve',
  'issue_label',
  'ship',
  'receive',
  'refund',
  'exchange',
  'reject',
] as const;
export type RmaEventType = (typeof RMA_EVENTS)[number];

export const REJECTION_REASONS = [
  'policy_not_met',
  'inspection_failed',
  'not_received',
  'duplicate',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type RmaEvent =
  | { type: 'approve' }
  | { type: 'issue_label'; labelRef: string }
  | { type: 'ship'; trackingNumber?: string }
  | { type: 'receive' }
  | { type: 'refund' }
  | { type: 'exchange'; replacementSku: string }
  | { type: 'reject'; reason: RejectionReason };

export type RmaKind = 'refund' | 'exchange';

export interface RmaHistoryEntry {
  readonly from: RmaState;
  readonly to: RmaState;
  readonly at: string;
  readonly event: RmaEventType;
}

export interface Rma {
  readonly rmaId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly kind: RmaKind;
  readonly reason: ReturnReason;
  /** Upload keys of photos the shopper sent as evidence; never URLs, which expire. */
  readonly photoRefs: readonly string[];
  /** Decided by policy code from the order when the return was requested. */
  readonly refund: Readonly<Money>;
  /** For an exchange: the SKU the shopper wants instead (another size, or the same SKU again). */
  readonly replacementSku?: string;
  readonly state: RmaState;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly labelRef?: string;
  readonly returnTrackingNumber?: string;
  readonly rejectionReason?: RejectionReason;
  readonly history: readonly RmaHistoryEntry[];
}

const IsoInstant = z.iso.datetime({ offset: true });

export const RmaRequestSchema = z
  .object({
    rmaId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/),
    orderId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/),
    customerId: z.string().min(1).max(100),
    sku: z.string().min(1).max(100),
    quantity: z.number().int().positive().max(1000),
    kind: z.enum(['refund', 'exchange']),
    reason: z.enum(RETURN_REASONS),
    photoRefs: z
      .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9/._-]{0,255}$/))
      .max(10)
      .default([]),
    refund: z.object({
      currency: z.string().regex(/^[A-Z]{3}$/),
      minor: z.number().int().nonnegative(),
    }),
    replacementSku: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((request) => request.kind === 'refund' || request.replacementSku !== undefined, {
    message: 'an exchange needs a replacementSku',
    path: ['replacementSku'],
  });

export type RmaRequest = z.input<typeof RmaRequestSchema>;

export type RmaError =
  | { code: 'invalid_request'; issues: string[] }
  | { code: 'invalid_time' }
  | { code: 'illegal_transition'; from: RmaState; event: RmaEventType }
  | { code: 'wrong_kind'; kind: RmaKind; event: RmaEventType };

export type RmaResult = { ok: true; rma: Rma } | { ok: false; error: RmaError };

function freeze(rma: Rma): Rma {
  Object.freeze(rma.photoRefs);
  Object.freeze(rma.refund);
  for (const entry of rma.history) Object.freeze(entry);
  Object.freeze(rma.history);
  return Object.freeze(rma);
}

export function createRma(request: RmaRequest, at: string): RmaResult {
  const parsed = RmaRequestSchema.safeParse(request);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_request',
        issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      },
    };
  }
  if (!IsoInstant.safeParse(at).success) return { ok: false, error: { code: 'invalid_time' } };
  const { photoRefs, refund, ...rest } = parsed.data;
  return {
    ok: true,
    rma: freeze({
      ...rest,
      photoRefs: [...photoRefs],
      refund: { ...refund },
      state: 'requested',
      createdAt: at,
      updatedAt: at,
      history: [],
    }),
  };
}

const TRANSITIONS: Readonly<Record<RmaEventType, Partial<Record<RmaState, RmaState>>>> = {
  approve: { requested: 'approved' },
  issue_label: { approved: 'label_issued' },
  ship: { label_issued: 'in_transit' },
  receive: { in_transit: 'received' },
  refund: { received: 'refunded' },
  exchange: { received: 'exchanged' },
  // A received parcel may still be rejected after inspection (worn, wrong item sent back).
  reject: { requested: 'rejected', approved: 'rejected', received: 'rejected' },
};

export const TERMINAL_STATES: ReadonlySet<RmaState> = new Set(['refunded', 'exchanged', 'rejected']);

/** The state an event leads to from `from`, or undefined when the machine forbids it. */
export function nextState(from: RmaState, event: RmaEventType): RmaState | undefined {
  return TRANSITIONS[event][from];
}

export function transition(rma: Rma, event: RmaEvent, at: string): RmaResult {
  const to = nextState(rma.state, event.type);
  if (!to) return { ok: false, error: { code: 'illegal_transition', from: rma.state, event: event.type } };
  // A received exchange may still be refunded (the replacement sold out meanwhile); a refund never
  // turns into goods the shopper did not ask for.
  if (event.type === 'exchange' && rma.kind !== 'exchange') {
    return { ok: false, error: { code: 'wrong_kind', kind: rma.kind, event: event.type } };
  }
  if (!IsoInstant.safeParse(at).success || Date.parse(at) < Date.parse(rma.updatedAt)) {
    return { ok: false, error: { code: 'invalid_time' } };
  }
  const details: Partial<
    Pick<Rma, 'labelRef' | 'returnTrackingNumber' | 'rejectionReason' | 'replacementSku'>
  > =
    event.type === 'issue_label'
      ? { labelRef: event.labelRef }
      : event.type === 'ship' && event.trackingNumber
        ? { returnTrackingNumber: event.trackingNumber }
        : event.type === 'reject'
          ? { rejectionReason: event.reason }
          : event.type === 'exchange'
            ? { replacementSku: event.replacementSku }
            : {};
  return {
    ok: true,
    rma: freeze({
      ...rma,
      ...details,
      photoRefs: [...rma.photoRefs],
      refund: { ...rma.refund },
      state: to,
      updatedAt: at,
      history: [...rma.history, { from: rma.state, to, at, event: event.type }],
    }),
  };
}

/** Days from the request to the refund, fractional; undefined until refunded. */
export function daysToRefund(rma: Rma): number | undefined {
  const refunded = rma.history.find((entry) => entry.to === 'refunded');
  if (!refunded) return undefined;
  return (Date.parse(refunded.at) - Date.parse(rma.createdAt)) / 86_400_000;
}

// ---------------------------------------------------------------------------------------------------------
// Exchange before refund

export interface ExchangeCandidate {
  sku: string;
  quantity: number;
  reason: ReturnReason;
  /** The SKU the shopper would take instead, e.g. the next size up. */
  replacementSku?: string;
}

export type ExchangeOffer =
  | { offer: 'exchange'; replacementSku: string; quantity: number }
  | {
      offer: 'refund_only';
      reason: 'exchange_not_offered' | 'no_replacement_chosen' | 'out_of_stock';
    };

const FIT_REASONS: ReadonlySet<ReturnReason> = new Set(['too_small', 'too_large']);

/**
 * An exchange keeps the sale, so it is offered before a refund whenever stock covers it. A size problem
 * needs another SKU; a faulty or wrong item is replaced by the SKU that was ordered.
 */
export function offerExchange(
  request: ExchangeCandidate,
  stockBySku: Readonly<Record<string, number>>,
  policy: Pick<StorePolicy, 'exchangeAllowed'>,
): ExchangeOffer {
  if (!policy.exchangeAllowed) return { offer: 'refund_only', reason: 'exchange_not_offered' };
  const replacementSku =
    request.replacementSku ?? (SELLER_FAULT_REASONS.has(request.reason) ? request.sku : undefined);
  if (!replacementSku || (FIT_REASONS.has(request.reason) && replacementSku === request.sku)) {
    return { offer: 'refund_only', reason: 'no_replacement_chosen' };
  }
  // An own-property read: a SKU such as "constructor" must not find Object.prototype members.
  const stock = Object.hasOwn(stockBySku, replacementSku) ? stockBySku[replacementSku] : undefined;
  const available = typeof stock === 'number' && Number.isFinite(stock) ? stock : 0;
  if (available < request.quantity) return { offer: 'refund_only', reason: 'out_of_stock' };
  return { offer: 'exchange', replacementSku, quantity: request.quantity };
}
