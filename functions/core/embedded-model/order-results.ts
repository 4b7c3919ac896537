import * as z from 'zod';
import { conceptRoles } from '../knowledge/tokenise';
import type { Entities } from '../nlu/entities';
import { foldLatin, normalise, words } from '../nlu/text';
import { OrderSchema, type OrderStatusView, ShipmentSchema, TrackingEventSchema } from '../orders';
import type { ToolResultTurn } from './conversation';

/** Tool results arrive as untyped JSON; parsing them keeps a malformed result from reaching a template. */
const OrderStatusViewSchema = z.object({
  orderId: z.string(),
  status: OrderSchema.shape.status,
  placedAt: z.string(),
  items: z.array(z.object({ name: z.string(), size: z.string().optional(), quantity: z.number() })),
  shipment: z
    .object({
      carrier: z.string(),
      trackingNumber: z.string(),
      status: ShipmentSchema.shape.status,
      estimatedDelivery: z.string().optional(),
      lastEvent: TrackingEventSchema.optional(),
    })
    .optional(),
});

export type OrderToolOutcome =
  | { kind: 'orders'; orders: OrderStatusView[] }
  | { kind: 'order'; order: OrderStatusView }
  | { kind: 'not_found' }
  | { kind: 'invalid_input' }
  | { kind: 'unusable' };

export function readOrderToolResult(result: ToolResultTurn): OrderToolOutcome {
  if (result.status === 'error') {
    return result.content.error === 'invalid_input' ? { kind: 'invalid_input' } : { kind: 'not_found' };
  }
  const list = z.object({ orders: z.array(OrderStatusViewSchema) }).safeParse(result.content);
  if (list.success && result.name !== 'get_order_status') return { kind: 'orders', orders: list.data.orders };
  const single = z.object({ order: OrderStatusViewSchema }).safeParse(result.content);
  if (single.success) return { kind: 'order', order: single.data.order };
  return { kind: 'unusable' };
}

/** Words too common in item names and questions to tell one order from another. */
const GENERIC_WORDS = new Set([
  'order',
  'orders',
  'item',
  'items',
  'pack',
  'set',
  'the',
  'and',
  'for',
  'with',
  'new',
]);

/**
 * Which of several orders the shopper means: by ordinal ("the second one", in the order the list was
 * shown), or by an item name the message mentions ("where are my running shoes?").
 */
export function pickOrder(
  orders: readonly OrderStatusView[],
  text: string,
  entities: Entities,
): OrderStatusView | undefined {
  const { ordinal } = entities;
  if (ordinal !== undefined) return ordinal === -1 ? orders.at(-1) : orders[ordinal - 1];
  const message = foldLatin(normalise(text));
  const messageWords = new Set(words(message).map(stem));
  // Catalogue names are in the seller's language, shoppers name the thing in theirs: "la lampe", "台灯" and
  // "lambayı" all name a "Desk lamp" through the shared product concept (#lamp).
  const named = new Set(conceptRoles(text).subjects);
  const scores = orders.map((order) =>
    order.items.reduce(
      (score, item) =>
        score +
        Math.max(
          itemMentions(item.name, message, messageWords),
          conceptRoles(item.name).subjects.some((subject) => named.has(subject)) ? 1 : 0,
        ),
      0,
    ),
  );
  const best = Math.max(0, ...scores);
  if (best === 0 || scores.filter((score) => score === best).length > 1) return undefined;
  return orders[scores.indexOf(best)];
}

function itemMentions(name: string, message: string, messageWords: ReadonlySet<string>): number {
  const folded = foldLatin(normalise(name));
  // Names in unspaced scripts ("跑鞋") can only be found as substrings.
  if (!/\s/.test(folded.trim()) && /[^\p{Script=Latin}\p{N}]/u.test(folded)) {
    return message.includes(folded) ? 2 : 0;
  }
  return words(folded)
    .filter((word) => word.length >= 3 && !GENERIC_WORDS.has(word))
    .filter((word) => messageWords.has(stem(word))).length;
}

/** Enough stemming for "shoes"/"shoe" and "dresses"/"dress" in English catalogue names. */
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (/(?:ss|x|ch|sh)es$/u.test(word)) return word.slice(0, -2);
  return /[^s]s$/u.test(word) ? word.slice(0, -1) : word;
}
