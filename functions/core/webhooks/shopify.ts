import * as z from 'zod';
import type { Order, Shipment, TrackingEvent } from '../orders';

/**
 * The parts of Shopify's order and fulfillment webhook payloads (Admin REST resources, as delivered to
 * `orders/*` and `fulfillments/*` subscriptions) that become Afterdesk orders and shipments. Everything
 * else in the payload is ignored, so new Shopify fields never break a delivery.
 */
const money = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const amount = Number(value);
  if (!Number.isFinite(amount) || amount < 0) {
    ctx.addIssue({ code: 'custom', message: 'not a price' });
    return z.NEVER;
  }
  return amount;
});
const timestamp = z.iso.datetime({ offset: true });

export const ShopifyFulfillmentSchema = z.object({
  id: z.number().int(),
  order_id: z.number().int(),
  /** `<order name>.<n>`, e.g. `#1001.1`: the order name is how Afterdesk names the order. */
  name: z.string().min(1).max(60),
  status: z.string().max(40).nullish(),
  created_at: timestamp,
  updated_at: timestamp.nullish(),
  tracking_company: z.string().max(100).nullish(),
  tracking_number: z.string().max(100).nullish(),
  tracking_url: z.string().max(2000).nullish(),
  shipment_status: z.string().max(40).nullish(),
  estimated_delivery_at: timestamp.nullish(),
});

export const ShopifyOrderSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1).max(60),
  email: z.string().max(320).nullish(),
  contact_email: z.string().max(320).nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  cancelled_at: timestamp.nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  financial_status: z.string().max(40).nullish(),
  fulfillment_status: z.string().max(40).nullish(),
  customer: z.object({ id: z.number().int() }).nullish(),
  shipping_address: z.object({ country_code: z.string().nullish() }).nullish(),
  billing_address: z.object({ country_code: z.string().nullish() }).nullish(),
  line_items: z
    .array(
      z.object({
        id: z.number().int(),
        sku: z.string().max(100).nullish(),
        variant_id: z.number().int().nullish(),
        title: z.string().max(300).nullish(),
        name: z.string().max(300).nullish(),
        quantity: z.number().int().positive(),
        price: money,
      }),
    )
    .min(1)
    .max(200),
  fulfillments: z
    .array(ShopifyFulfillmentSchema.partial({ order_id: true, name: true }))
    .max(50)
    .default([]),
});

export type ShopifyOrder = z.infer<typeof ShopifyOrderSchema>;
export type ShopifyFulfillment = z.infer<typeof ShopifyFulfillmentSchema>;

/** A payload that parsed but cannot name an Afterdesk order (e.g. an order name of fewer than 3 characters). */
export class UnmappableOrderError extends Error {
  override readonly name = 'UnmappableOrderError';
}

/**
 * Shopify's order name (`#1001`, or whatever prefix and suffix the shop set) without its punctuation is the
 * Afterdesk order id: it is what the shopper sees on their confirmation and types into the chat. The order
 * import maps Shopify's CSV `Name` column the same way.
 */
export function orderIdFromShopifyName(name: string): string {
  const id = name.replace(/[^A-Za-z0-9-]/g, '').replace(/^-+/, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/.test(id))
    throw new UnmappableOrderError('the order name does not make a 3-40 character order id');
  return id.toUpperCase();
}

/** A fulfillment's name is `<order name>.<n>`. */
export function orderIdFromFulfillmentName(name: string): string {
  const dot = name.lastIndexOf('.');
  return orderIdFromShopifyName(dot > 0 ? name.slice(0, dot) : name);
}

const SHIPMENT_STATUS: Record<string, Shipment['status']> = {
  label_printed: 'label_created',
  label_purchased: 'label_created',
  confirmed: 'label_created',
  in_transit: 'in_transit',
  ready_for_pickup: 'out_for_delivery',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  attempted_delivery: 'exception',
  failure: 'exception',
};

function shipmentStatus(
  fulfillment: Pick<ShopifyFulfillment, 'status' | 'shipment_status'>,
): Shipment['status'] {
  // A cancelled or failed fulfillment means the parcel is not on its way: the assistant should say so.
  if (
    fulfillment.status === 'cancelled' ||
    fulfillment.status === 'error' ||
    fulfillment.status === 'failure'
  )
    return 'exception';
  return SHIPMENT_STATUS[fulfillment.shipment_status ?? ''] ?? 'label_created';
}

/** The tracking event a fulfillment change adds, so the shopper's timeline shows it. */
function fulfillmentEvent(
  fulfillment: Pick<ShopifyFulfillment, 'status' | 'shipment_status' | 'created_at' | 'updated_at'>,
): TrackingEvent {
  const what =
    fulfillment.status === 'cancelled'
      ? 'Fulfillment cancelled'
      : `Shipment ${(fulfillment.shipment_status ?? 'label_created').replaceAll('_', ' ')}`;
  return { at: fulfillment.updated_at ?? fulfillment.created_at, description: what };
}

/**
 * The shipment a fulfillment describes, merged into what the order already has: events are only ever
 * appended (each once), and the status moves only when this fulfillment change is the newest seen.
 */
export function shipmentFromFulfillment(
  fulfillment: Pick<
    ShopifyFulfillment,
    | 'id'
    | 'status'
    | 'shipment_status'
    | 'created_at'
    | 'updated_at'
    | 'tracking_company'
    | 'tracking_number'
    | 'tracking_url'
    | 'estimated_delivery_at'
  >,
  existing: Shipment | undefined,
): Shipment | undefined {
  const trackingNumber = fulfillment.tracking_number?.trim();
  if (!trackingNumber) return existing;
  const changedAt = fulfillment.updated_at ?? fulfillment.created_at;
  const sameParcel = existing?.trackingNumber === trackingNumber;
  const previousChange = sameParcel ? (existing as { sourceUpdatedAt?: unknown }).sourceUpdatedAt : undefined;
  const newer = typeof previousChange !== 'string' || Date.parse(changedAt) >= Date.parse(previousChange);
  const events = mergeEvents(sameParcel ? existing.events : [], [fulfillmentEvent(fulfillment)]);
  const url = fulfillment.tracking_url ?? undefined;
  return {
    ...(sameParcel ? existing : {}),
    carrier: fulfillment.tracking_company?.trim() || (sameParcel ? existing.carrier : 'Unknown carrier'),
    trackingNumber,
    status: newer || !sameParcel ? shipmentStatus(fulfillment) : existing.status,
    ...(url && URL.canParse(url) ? { trackingUrl: url } : {}),
    ...(fulfillment.estimated_delivery_at
      ? { estimatedDelivery: fulfillment.estimated_delivery_at.slice(0, 10) }
      : {}),
    events,
    shopifyFulfillmentId: String(fulfillment.id),
    sourceUpdatedAt: newer ? changedAt : previousChange,
  } as Shipment;
}

/** Appends events not already present (same time and description), oldest first, at most 500. */
export function mergeEvents(
  existing: readonly TrackingEvent[],
  added: readonly TrackingEvent[],
): TrackingEvent[] {
  const seen = new Set(existing.map((event) => `${Date.parse(event.at)}|${event.description}`));
  const merged = [...existing];
  for (const event of added) {
    const key = `${Date.parse(event.at)}|${event.description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(event);
  }
  merged.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return merged.slice(-500);
}

function orderStatus(order: ShopifyOrder, shipment: Shipment | undefined): Order['status'] {
  if (order.cancelled_at || order.financial_status === 'voided') return 'cancelled';
  if (order.financial_status === 'refunded') return 'returned';
  if (shipment?.status === 'delivered') return 'delivered';
  if (order.fulfillment_status === 'fulfilled' || shipment) return 'shipped';
  if (order.fulfillment_status === 'partial') return 'processing';
  if (order.financial_status === 'paid' || order.financial_status === 'partially_refunded') return 'paid';
  return 'pending';
}

/**
 * The Afterdesk order a Shopify order payload describes, keeping what Afterdesk already knows that
 * Shopify's payload does not carry (carrier events appended by the carrier webhook).
 */
export function orderFromShopify(payload: ShopifyOrder, existing: Order | undefined): Order {
  const orderId = orderIdFromShopifyName(payload.name);
  const email = payload.email || payload.contact_email;
  if (!email || !z.email().safeParse(email).success)
    throw new UnmappableOrderError('the order has no valid email');
  const country = (payload.shipping_address?.country_code ?? payload.billing_address?.country_code ?? '')
    .trim()
    .toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new UnmappableOrderError('the order has no country code');
  let shipment = existing?.shipment;
  const fulfillments = [...payload.fulfillments].sort(
    (a, b) => Date.parse(a.updated_at ?? a.created_at) - Date.parse(b.updated_at ?? b.created_at),
  );
  for (const fulfillment of fulfillments) shipment = shipmentFromFulfillment(fulfillment, shipment);
  return {
    ...(existing ?? {}),
    orderId,
    // Guests have no Shopify customer: their order is theirs by order number and email (guest access).
    customerId: payload.customer ? String(payload.customer.id) : `guest-${payload.id}`,
    email,
    placedAt: payload.created_at,
    country,
    currency: payload.currency,
    status: orderStatus(payload, shipment),
    items: payload.line_items.map((item) => ({
      sku: item.sku?.trim() || `shopify-variant-${item.variant_id ?? item.id}`,
      name: (item.name ?? item.title ?? 'Item').slice(0, 300) || 'Item',
      quantity: item.quantity,
      unitPrice: item.price,
    })),
    ...(shipment ? { shipment } : {}),
    shopifyOrderId: String(payload.id),
    sourceUpdatedAt: payload.updated_at,
  } as Order;
}
