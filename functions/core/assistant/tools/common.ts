import * as z from 'zod';
import type { ToolSpec } from '../../../ports/chat-model';
import type { ProposalSummary } from '../../after-sales/confirmation';
import { ownedOrder } from '../../auth/guest-principal';
import type { Order } from '../../orders';

export interface ToolContext {
  /** From the verified shopper token; never from the model or the message text. */
  customerId: string;
  /** The conversation being answered, from the server's own job, never from the model. */
  sessionId: string;
  /**
   * Photos the shopper attached in the recent messages, already checked as theirs when they were sent:
   * evidence reaches a claim even when the model does not pass the keys on.
   */
  photoKeys?: readonly string[];
  /**
   * Urgency (0..1) of the shopper message being answered, read by the server (core/sentiment), never by
   * the model: a hand-off it asks for is queued at least as high as this calls for.
   */
  urgency?: number;
  /** The language the turn is answered in, when known: a proposal keeps it for the shopper's yes. */
  language?: string;
  /**
   * Set only by code (core/assistant/confirmation-turn.ts) once the shopper said yes to this proposal;
   * a model can never set it, so an irreversible tool without it only proposes.
   */
  confirmed?: { proposalId: string; summary: ProposalSummary };
}

export type ToolErrorCode =
  | 'invalid_input'
  | 'order_not_found'
  | 'unknown_tool'
  | 'unavailable'
  | 'sku_required'
  | 'order_required'
  | 'conflict';

export type ToolOutcome =
  | { status: 'success'; content: Record<string, unknown> }
  | { status: 'error'; content: { error: ToolErrorCode; message: string } & Record<string, unknown> };

export interface ToolDefinition<Deps> {
  spec: ToolSpec;
  run(deps: Deps, input: unknown, context: ToolContext): Promise<ToolOutcome>;
}

export const OrderIdSchema = z
  .string()
  .trim()
  .regex(/^#?[A-Za-z0-9][A-Za-z0-9-]{2,39}$/, 'orderId must be 3-40 letters, digits or dashes')
  .transform((id) => id.replace(/^#/, '').toUpperCase());

export const SkuSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'sku must be letters, digits, dots or dashes')
  .transform((sku) => sku.toUpperCase());

export const orderIdProperty = { type: 'string', description: 'The order number, e.g. A1001' };

/** The input of tools that need nothing but one of the shopper's orders. */
export const orderOnlyInputSchema = {
  type: 'object',
  properties: { orderId: orderIdProperty },
  required: ['orderId'],
  additionalProperties: false,
};

export function invalid(error: z.ZodError | string): ToolOutcome {
  const message =
    typeof error === 'string'
      ? error
      : error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
  return { status: 'error', content: { error: 'invalid_input', message } };
}

export function failure(
  error: ToolErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): ToolOutcome {
  return { status: 'error', content: { error, message, ...extra } };
}

export function success<T extends Record<string, unknown>>(content: T): ToolOutcome {
  return { status: 'success', content };
}

/** Same answer for "absent" and "someone else's", so order numbers cannot be probed. */
export function orderNotFound(orderId: string): ToolOutcome {
  return failure('order_not_found', `No order ${orderId} was found for this shopper.`);
}

export async function ownOrder(
  orders: { getOrder(orderId: string): Promise<Order | undefined> },
  orderId: string,
  context: ToolContext,
): Promise<Order | undefined> {
  return ownedOrder(orders, context.customerId, orderId);
}

/** The order line a request is about: the SKU named, or the only SKU the order has. */
export function pickLine(
  order: Order,
  sku: string | undefined,
): { line: Order['items'][number] } | { error: ToolOutcome } {
  const skus = [...new Set(order.items.map((item) => item.sku.toUpperCase()))];
  const wanted = sku ?? (skus.length === 1 ? skus[0] : undefined);
  if (!wanted) {
    return {
      error: failure('sku_required', 'The order has several items; ask the shopper which one.', {
        items: order.items.map((item) => ({ sku: item.sku, name: item.name, size: item.size })),
      }),
    };
  }
  const line = order.items.find((item) => item.sku.toUpperCase() === wanted);
  if (!line) {
    return {
      error: failure('invalid_input', `Order ${order.orderId} has no item ${wanted}.`, {
        items: order.items.map((item) => ({ sku: item.sku, name: item.name, size: item.size })),
      }),
    };
  }
  return { line };
}

export function itemView(line: Order['items'][number]): { sku: string; name: string; size?: string } {
  return { sku: line.sku, name: line.name, ...(line.size ? { size: line.size } : {}) };
}
