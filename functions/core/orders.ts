import * as z from 'zod';

/** The order import format (docs/data-import.md). Unknown fields are kept, never rejected. */
export const TrackingEventSchema = z.looseObject({
  at: z.iso.datetime({ offset: true }),
  location: z.string().max(200).optional(),
  description: z.string().max(500),
});

export const ShipmentSchema = z.looseObject({
  carrier: z.string().min(1).max(100),
  trackingNumber: z.string().min(1).max(100),
  status: z.enum([
    'label_created',
    'in_transit',
    'out_for_delivery',
    'delivered',
    'exception',
    'customs_hold',
    'returned',
  ]),
  estimatedDelivery: z.iso.date().optional(),
  trackingUrl: z.url().optional(),
  events: z.array(TrackingEventSchema).max(500).default([]),
});

export const OrderItemSchema = z.looseObject({
  sku: z.string().min(1).max(100),
  name: z.string().min(1).max(300),
  size: z.string().max(50).optional(),
  color: z.string().max(50).optional(),
  quantity: z.number().int().positive(),
  unitPrice: z.number().nonnegative(),
});

export const OrderSchema = z.looseObject({
  orderId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/, 'orderId must be 3-40 letters, digits or dashes'),
  customerId: z.string().min(1).max(100),
  email: z.email(),
  placedAt: z.iso.datetime({ offset: true }),
  country: z.string().regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code'),
  status: z.enum(['pending', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'returned']),
  items: z.array(OrderItemSchema).min(1).max(200),
  shipment: ShipmentSchema.optional(),
});

export type Order = z.infer<typeof OrderSchema>;
export type Shipment = z.infer<typeof ShipmentSchema>;
export type TrackingEvent = z.infer<typeof TrackingEventSchema>;

/** What the assistant may tell a shopper about one of their orders: no email, no prices of others. */
export interface OrderStatusView {
  orderId: string;
  status: Order['status'];
  placedAt: string;
  items: Array<{ name: string; size?: string; quantity: number }>;
  shipment?: {
    carrier: string;
    trackingNumber: string;
    status: Shipment['status'];
    estimatedDelivery?: string;
    lastEvent?: TrackingEvent;
  };
}

export function latestEvent(events: readonly TrackingEvent[]): TrackingEvent | undefined {
  let latest: TrackingEvent | undefined;
  for (const event of events) {
    if (!latest || Date.parse(event.at) > Date.parse(latest.at)) latest = event;
  }
  return latest;
}

export function toStatusView(order: Order): OrderStatusView {
  return {
    orderId: order.orderId,
    status: order.status,
    placedAt: order.placedAt,
    items: order.items.map((item) => ({ name: item.name, size: item.size, quantity: item.quantity })),
    shipment: order.shipment && {
      carrier: order.shipment.carrier,
      trackingNumber: order.shipment.trackingNumber,
      status: order.shipment.status,
      estimatedDelivery: order.shipment.estimatedDelivery,
      lastEvent: latestEvent(order.shipment.events),
    },
  };
}
