import * as z from 'zod';
import { routeComplaint } from '../../after-sales/complaints';
import { decideCancellation, decideChange, ORDER_CHANGES, type OrderChange } from '../../after-sales/policy';
import { personRepliesFromField } from '../../handoff/out-of-hours';
import {
  failure,
  invalid,
  itemView,
  OrderIdSchema,
  orderIdProperty,
  orderNotFound,
  orderOnlyInputSchema,
  ownOrder,
  pickLine,
  SkuSchema,
  success,
  type ToolDefinition,
} from './common';
import type { AfterSalesDeps } from './deps';
import { confirmedAs, propose } from './propose';

const CancelInput = z.object({ orderId: OrderIdSchema }).strict();
const ChangeInput = z
  .object({
    orderId: OrderIdSchema,
    change: z.enum(ORDER_CHANGES),
    sku: SkuSchema.optional(),
    /** The new size or colour; a new address is taken by a person, never stored from model text. */
    to: z.string().trim().min(1).max(50).optional(),
  })
  .strict();

export const cancelOrder: ToolDefinition<AfterSalesDeps> = {
  spec: {
    name: 'cancel_order',
    description:
      "Cancels one of the shopper's orders when the store's policy allows it (before shipping). It never cancels at once: it returns outcome needs_confirmation with a summary (order, items, refund) to put to the shopper; the store cancels only after their explicit yes. Large refunds wait for a person (outcome needs_person): tell the shopper a person will confirm the cancellation here; if the result has personRepliesFrom, nobody is online: say a person will confirm from that time (in the store's time zone), never \"shortly\". After shipping it returns the alternatives instead. Only call it when the shopper clearly asked to cancel.",
    inputSchema: orderOnlyInputSchema,
  },
  async run(deps, input, context) {
    const parsed = CancelInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const order = await ownOrder(deps.orders, parsed.data.orderId, context);
    if (!order) return orderNotFound(parsed.data.orderId);
    const { policy } = await deps.rules.get();
    const now = deps.now();
    const decision = decideCancellation(order, now, policy);
    if (decision.outcome === 'not_allowed') {
      return success({
        orderId: order.orderId,
        outcome: 'not_allowed',
        reason: decision.reason,
        alternatives: decision.alternatives,
      });
    }
    if (decision.outcome === 'needs_human') {
      await deps.handoffs.requestHandoff({
        sessionId: context.sessionId,
        customerId: context.customerId,
        reason: 'needs_agent',
        priority: 'normal',
        intent: 'cancel_order',
        requestedAt: now.toISOString(),
      });
      return success({
        orderId: order.orderId,
        outcome: 'needs_person',
        refund: decision.refund,
        ...(await personRepliesFromField(deps)),
      });
    }
    const summary = {
      action: 'cancel' as const,
      orderId: order.orderId,
      items: order.items.map(itemView),
      refund: decision.refund,
    };
    if (!confirmedAs(context, summary))
      return propose(deps, context, { tool: 'cancel_order', input: parsed.data, summary });
    const written = await deps.orderUpdates.cancelOrder(order.orderId, order.status, now.toISOString());
    if (written === 'stale') {
      return failure('conflict', 'The order changed while cancelling; check its status again.');
    }
    return success({ orderId: order.orderId, outcome: 'cancelled', refund: decision.refund });
  },
};

export const changeOrder: ToolDefinition<AfterSalesDeps> = {
  spec: {
    name: 'change_order',
    description:
      "Asks for a change to one of the shopper's orders before it ships: the delivery address, or an item's size or colour. When the policy allows it, it first returns outcome needs_confirmation with a summary to put to the shopper; after their explicit yes a ticket goes to the team, who confirm in the chat. After shipping it returns the alternatives.",
    inputSchema: {
      type: 'object',
      properties: {
        orderId: orderIdProperty,
        change: { type: 'string', enum: [...ORDER_CHANGES] },
        sku: {
          type: 'string',
          description: 'The item to change; may be left out when the order has one item',
        },
        to: { type: 'string', description: 'The new size or colour' },
      },
      required: ['orderId', 'change'],
      additionalProperties: false,
    },
  },
  async run(deps, input, context) {
    const parsed = ChangeInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const request = parsed.data;
    const order = await ownOrder(deps.orders, request.orderId, context);
    if (!order) return orderNotFound(request.orderId);
    let change: OrderChange = { kind: 'address' };
    let item: ReturnType<typeof itemView> | undefined;
    if (request.change !== 'address') {
      const picked = pickLine(order, request.sku);
      if ('error' in picked) return picked.error;
      item = itemView(picked.line);
      // Without the new value the change cannot be judged yet; the shopper is asked for it.
      if (!request.to) return success({ orderId: order.orderId, outcome: 'needs_detail', ask: 'to', item });
      change = { kind: request.change, sku: picked.line.sku, to: request.to };
    }
    const { policy, routing } = await deps.rules.get();
    const decision = decideChange(order, change, policy);
    if (decision.outcome === 'not_allowed') {
      return success({
        orderId: order.orderId,
        outcome: 'not_allowed',
        reason: decision.reason,
        alternatives: decision.alternatives,
      });
    }
    const summary = {
      action: `change_${change.kind}` as const,
      orderId: order.orderId,
      items: item ? [item] : order.items.map(itemView),
      ...('to' in change ? { to: change.to } : {}),
    };
    if (!confirmedAs(context, summary))
      return propose(deps, context, { tool: 'change_order', input: request, summary });
    const route = routeComplaint('delivery', routing);
    const claimId = `T-${deps.newId('order-change')}`;
    await deps.claims.open({
      claimId,
      kind: 'order_change',
      customerId: context.customerId,
      sessionId: context.sessionId,
      orderId: order.orderId,
      category: route.category,
      owner: route.owner,
      status: 'open',
      change: {
        kind: change.kind,
        ...('sku' in change ? { sku: change.sku, to: change.to } : {}),
      },
      photoKeys: [],
      terms: [],
      createdAt: deps.now().toISOString(),
    });
    return success({
      orderId: order.orderId,
      outcome: 'requested',
      change: request.change,
      ticketId: claimId,
      ...(item ? { item } : {}),
    });
  },
};
