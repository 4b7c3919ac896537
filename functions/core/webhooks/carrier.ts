import * as z from 'zod';
import { ShipmentSchema, TrackingEventSchema } from '../orders';

/**
 * The generic carrier-tracking webhook body (docs/webhooks.md). A carrier, a tracking aggregator or the
 * seller's own relay posts one of these per tracking update; `eventId` is unique per update and is what
 * makes a redelivery harmless.
 */
export const CarrierTrackingSchema = z.object({
  eventId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'eventId must be 1-100 letters, digits or ._:-'),
  orderId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/, 'orderId must be 3-40 letters, digits or dashes'),
  carrier: z.string().min(1).max(100),
  trackingNumber: z.string().min(1).max(100),
  status: ShipmentSchema.shape.status,
  estimatedDelivery: z.iso.date().optional(),
  trackingUrl: z.url().max(2000).optional(),
  events: z.array(TrackingEventSchema).min(1).max(100),
});

export type CarrierTracking = z.infer<typeof CarrierTrackingSchema>;
