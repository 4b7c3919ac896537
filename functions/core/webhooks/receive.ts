import type * as z from 'zod';
import type { ProcessedEvents } from '../../ports/analytics-sink';
import type { StoredOrder, WebhookOrderStore, WebhookSecrets } from '../../ports/webhooks';
import type { Order } from '../orders';
import { describeIssues } from '../protocol';
import { wellFormedDeep } from '../unicode';
import { type CarrierTracking, CarrierTrackingSchema } from './carrier';
import {
  mergeEvents,
  orderFromShopify,
  orderIdFromFulfillmentName,
  orderIdFromShopifyName,
  ShopifyFulfillmentSchema,
  ShopifyOrderSchema,
  shipmentFromFulfillment,
  UnmappableOrderError,
} from './shopify';
import { verifyCarrierSignature, verifyShopifyHmac } from './signatures';

export const SHOPIFY_TOPICS = [
  'orders/create',
  'orders/updated',
  'orders/cancelled',
  'fulfillments/create',
  'fulfillments/update',
] as const;
export type ShopifyTopic = (typeof SHOPIFY_TOPICS)[number];

/** What became of one delivery; each has its own status code and metric. */
export type WebhookOutcome =
  | 'applied'
  | 'unchanged'
  | 'duplicate'
  | 'bad_signature'
  | 'stale'
  | 'malformed'
  | 'unknown_topic'
  | 'unknown_order'
  | 'busy';

/**
 * 2xx only when the delivery is done with (applied, already applied, or older than what is stored), so the
 * sender stops retrying; 404 and 409 are worth a retry (the order may arrive, the claim may free up);
 * 401, 403, 400 and 422 are not.
 */
export const OUTCOME_STATUS: Readonly<Record<WebhookOutcome, number>> = {
  applied: 200,
  unchanged: 200,
  duplicate: 200,
  bad_signature: 401,
  stale: 403,
  malformed: 422,
  unknown_topic: 400,
  unknown_order: 404,
  busy: 409,
};

export interface WebhookResult {
  readonly status: number;
  readonly outcome: WebhookOutcome;
  /** Safe to return to the sender: never echoes payload values (they hold shoppers' PII). */
  readonly message: string;
  readonly orderId?: string;
}

export interface WebhookDeps {
  readonly secrets: WebhookSecrets;
  readonly orders: WebhookOrderStore;
  /** Delivery ids already handled (durable, expiring markers): the dedupe of redeliveries. */
  readonly deliveries: ProcessedEvents;
  readonly now: () => number;
  readonly replayWindow: { readonly shopifySeconds: number; readonly carrierSeconds: number };
}

/** Clocks disagree: a delivery stamped up to this far in the future is still accepted. */
const FUTURE_SKEW_MS = 5 * 60_000;
/** Concurrent writers to one order (two webhooks at once): reload and merge again this many times. */
const SAVE_ATTEMPTS = 4;

const result = (outcome: WebhookOutcome, message: string, orderId?: string): WebhookResult => ({
  status: OUTCOME_STATUS[outcome],
  outcome,
  message,
  ...(orderId ? { orderId } : {}),
});

function parseJson<S extends z.ZodType>(
  schema: S,
  rawBody: Uint8Array,
): { ok: true; value: z.output<S> } | { ok: false; message: string } {
  let json: unknown;
  try {
    // Valid UTF-8 can still spell a lone surrogate as a JSON escape ("\ud800"): made well-formed here,
    // where the seller's data enters, before an item name reaches replies and facts (core/unicode.ts).
    json = wellFormedDeep(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(rawBody)));
  } catch {
    return { ok: false, message: 'The body is not UTF-8 JSON.' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: `The body does not match the schema: ${describeIssues(parsed.error)}` };
}

function withinWindow(at: number, now: number, windowSeconds: number): boolean {
  return Number.isFinite(at) && at <= now + FUTURE_SKEW_MS && now - at <= windowSeconds * 1000;
}

/**
 * Claims the delivery id, applies the change, and marks the delivery done only once the change is stored:
 * a failure releases the claim, so the sender's retry applies it instead of being taken for a duplicate.
 */
async function once(
  deps: WebhookDeps,
  deliveryId: string,
  apply: () => Promise<WebhookResult>,
): Promise<WebhookResult> {
  const claim = await deps.deliveries.claim(deliveryId);
  if (claim === 'done') return result('duplicate', 'This delivery was already applied.');
  if (claim === 'busy') return result('busy', 'This delivery is being applied; retry later.');
  let outcome: WebhookResult;
  try {
    outcome = await apply();
  } catch (error) {
    await deps.deliveries.release([deliveryId]);
    throw error;
  }
  if (outcome.status < 300) await deps.deliveries.complete([deliveryId]);
  else await deps.deliveries.release([deliveryId]);
  return outcome;
}

/** Orders carry a string `status`; only results carry a numeric one. */
const isResult = (value: Order | WebhookResult): value is WebhookResult => typeof value.status === 'number';

/** Load, change, conditional save; on a concurrent write, load and change again. */
async function updateOrder(
  store: WebhookOrderStore,
  orderId: string,
  change: (current: StoredOrder | undefined) => Order | WebhookResult,
): Promise<WebhookResult> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const current = await store.load(orderId);
    const next = change(current);
    if (isResult(next)) return next;
    if ((await store.save(next, current)) === 'saved') return result('applied', 'Applied.', orderId);
  }
  return result('busy', 'The order kept changing while this delivery was applied; retry later.', orderId);
}

const newerOrSame = (candidate: string, stored: unknown): boolean =>
  typeof stored !== 'string' || Date.parse(candidate) >= Date.parse(stored);

export interface ShopifyDelivery {
  readonly topic: string | undefined;
  readonly webhookId: string | undefined;
  readonly hmac: string | undefined;
  readonly triggeredAt: string | undefined;
  readonly rawBody: Uint8Array;
}

/**
 * A Shopify order or fulfillment webhook: verified on the raw body, refused outside the replay window,
 * applied once per `X-Shopify-Webhook-Id`, and applied only when newer than what is stored (Shopify does
 * not guarantee order of delivery). The order's state comes from the signed body, never from the unsigned
 * topic header, so a swapped header cannot cancel an order.
 */
export async function receiveShopifyWebhook(
  deps: WebhookDeps,
  delivery: ShopifyDelivery,
): Promise<WebhookResult> {
  if (!verifyShopifyHmac(await deps.secrets.shopify(), delivery.rawBody, delivery.hmac))
    return result('bad_signature', 'The X-Shopify-Hmac-Sha256 signature does not match the body.');
  const topic = SHOPIFY_TOPICS.find((known) => known === delivery.topic);
  if (!topic) return result('unknown_topic', `Supported topics: ${SHOPIFY_TOPICS.join(', ')}.`);
  const webhookId = delivery.webhookId?.trim();
  if (!webhookId || webhookId.length > 200) return result('malformed', 'X-Shopify-Webhook-Id is missing.');
  const now = deps.now();

  if (topic.startsWith('orders/')) {
    const parsed = parseJson(ShopifyOrderSchema, delivery.rawBody);
    if (!parsed.ok) return result('malformed', parsed.message);
    const payload = parsed.value;
    const at = Date.parse(delivery.triggeredAt ?? payload.updated_at);
    if (!withinWindow(at, now, deps.replayWindow.shopifySeconds))
      return result('stale', 'The delivery is outside the replay window.');
    return once(deps, `shopify:${webhookId}`, async () => {
      try {
        return await updateOrder(deps.orders, orderIdFromShopifyName(payload.name), (current) => {
          if (
            current &&
            !newerOrSame(payload.updated_at, (current.order as { sourceUpdatedAt?: unknown }).sourceUpdatedAt)
          )
            return result(
              'unchanged',
              'A newer version of this order is already stored.',
              current.order.orderId,
            );
          return orderFromShopify(payload, current?.order);
        });
      } catch (error) {
        if (error instanceof UnmappableOrderError)
          return result('malformed', `The order cannot be stored: ${error.message}.`);
        throw error;
      }
    });
  }

  const parsed = parseJson(ShopifyFulfillmentSchema, delivery.rawBody);
  if (!parsed.ok) return result('malformed', parsed.message);
  const fulfillment = parsed.value;
  const at = Date.parse(delivery.triggeredAt ?? fulfillment.updated_at ?? fulfillment.created_at);
  if (!withinWindow(at, now, deps.replayWindow.shopifySeconds))
    return result('stale', 'The delivery is outside the replay window.');
  let orderId: string;
  try {
    orderId = orderIdFromFulfillmentName(fulfillment.name);
  } catch (error) {
    if (error instanceof UnmappableOrderError)
      return result('malformed', `The fulfillment cannot be stored: ${error.message}.`);
    throw error;
  }
  return once(deps, `shopify:${webhookId}`, () =>
    updateOrder(deps.orders, orderId, (current) => {
      const shopifyId = (current?.order as { shopifyOrderId?: unknown } | undefined)?.shopifyOrderId;
      if (!current || (shopifyId !== undefined && shopifyId !== String(fulfillment.order_id)))
        return result('unknown_order', 'No order matches this fulfillment (yet).');
      const shipment = shipmentFromFulfillment(fulfillment, current.order.shipment);
      if (!shipment || shipment === current.order.shipment)
        return result('unchanged', 'The fulfillment has no tracking number yet.', orderId);
      return {
        ...current.order,
        status: orderStatusAfterShipment(current.order.status, shipment.status),
        shipment,
      };
    }),
  );
}

/** A parcel moving changes the order's status forward, never back from cancelled or returned. */
function orderStatusAfterShipment(
  status: Order['status'],
  shipment: Order['status'] | string,
): Order['status'] {
  if (status === 'cancelled' || status === 'returned') return status;
  if (shipment === 'delivered') return 'delivered';
  return status === 'delivered' ? status : 'shipped';
}

export interface CarrierDelivery {
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly rawBody: Uint8Array;
}

/**
 * The generic carrier-tracking webhook: `Afterdesk-Timestamp` (Unix seconds) and `Afterdesk-Signature`
 * (HMAC over timestamp and body) are checked first, then the body; events are appended to the order's
 * shipment, each once, applied once per `eventId`.
 */
export async function receiveCarrierWebhook(
  deps: WebhookDeps,
  delivery: CarrierDelivery,
): Promise<WebhookResult> {
  const timestamp = delivery.timestamp?.trim();
  if (!verifyCarrierSignature(await deps.secrets.carrier(), timestamp, delivery.rawBody, delivery.signature))
    return result('bad_signature', 'The Afterdesk-Signature does not match the timestamp and body.');
  const at = /^\d{1,12}$/.test(timestamp ?? '') ? Number(timestamp) * 1000 : Number.NaN;
  if (!withinWindow(at, deps.now(), deps.replayWindow.carrierSeconds))
    return result('stale', 'Afterdesk-Timestamp is outside the replay window.');
  const parsed = parseJson(CarrierTrackingSchema, delivery.rawBody);
  if (!parsed.ok) return result('malformed', parsed.message);
  const update = parsed.value;
  const orderId = update.orderId.toUpperCase();
  return once(deps, `carrier:${update.eventId}`, () =>
    updateOrder(deps.orders, orderId, (current) => applyTracking(current, update, orderId)),
  );
}

function applyTracking(
  current: StoredOrder | undefined,
  update: CarrierTracking,
  orderId: string,
): Order | WebhookResult {
  if (!current) return result('unknown_order', 'No order has this orderId (yet).');
  const existing = current.order.shipment;
  if (existing && existing.trackingNumber !== update.trackingNumber)
    return result('unknown_order', "The trackingNumber is not this order's shipment.");
  const events = mergeEvents(existing?.events ?? [], update.events);
  const latestStored = Math.max(-Infinity, ...(existing?.events ?? []).map((event) => Date.parse(event.at)));
  const latestHere = Math.max(...update.events.map((event) => Date.parse(event.at)));
  // Updates may arrive out of order: the status follows the newest event, not the newest delivery.
  const statusMoves = !existing || latestHere >= latestStored;
  if (
    existing &&
    events.length === existing.events.length &&
    (!statusMoves || existing.status === update.status)
  )
    return result('unchanged', 'These tracking events are already stored.', orderId);
  const shipment = {
    ...(existing ?? {}),
    carrier: existing?.carrier ?? update.carrier,
    trackingNumber: update.trackingNumber,
    status: statusMoves ? update.status : (existing?.status ?? update.status),
    ...(update.estimatedDelivery ? { estimatedDelivery: update.estimatedDelivery } : {}),
    ...(update.trackingUrl ? { trackingUrl: update.trackingUrl } : {}),
    events,
  };
  return {
    ...current.order,
    status: statusMoves
      ? orderStatusAfterShipment(current.order.status, shipment.status)
      : current.order.status,
    shipment,
  };
}
