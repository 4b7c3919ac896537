import * as z from 'zod';
import {
  decideReturn,
  ITEM_CONDITIONS,
  RETURN_REASONS,
  type ReturnDecision,
  type ReturnReason,
  SELLER_FAULT_REASONS,
  type StorePolicy,
} from '../../after-sales/policy';
import { createRma, offerExchange, type Rma, transition } from '../../after-sales/rma';
import { personRepliesFromField } from '../../handoff/out-of-hours';
import type { Order } from '../../orders';
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
  type ToolContext,
  type ToolDefinition,
  type ToolOutcome,
} from './common';
import type { AfterSalesDeps } from './deps';

const PhotoKeys = z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9/._-]{0,255}$/)).max(10);

const CheckReturnInput = z
  .object({
    orderId: OrderIdSchema,
    sku: SkuSchema.optional(),
    quantity: z.number().int().positive().max(1000).optional(),
    reason: z.enum(RETURN_REASONS).optional(),
    condition: z.enum(ITEM_CONDITIONS).optional(),
  })
  .strict();

const StartReturnInput = CheckReturnInput.extend({
  /** What the shopper wants back: their money, another unit or size, or whichever the store offers. */
  resolution: z.enum(['refund', 'exchange', 'either']).default('either'),
  replacementSku: SkuSchema.optional(),
  photoKeys: PhotoKeys.optional(),
}).strict();

const ReturnStatusInput = z.object({ orderId: OrderIdSchema }).strict();

const returnProperties = {
  orderId: orderIdProperty,
  sku: { type: 'string', description: 'The SKU of the item; may be left out when the order has one item' },
  quantity: { type: 'integer', minimum: 1 },
  reason: {
    type: 'string',
    enum: [...RETURN_REASONS],
    description:
      "Why, in the shopper's own words mapped to one id: too_small or too_large for fit, damaged, wrong_item, not_as_described, changed_mind; leave out when they gave no reason",
  },
  condition: { type: 'string', enum: [...ITEM_CONDITIONS] },
};

/** Units of a SKU already in a return that was not rejected. */
function alreadyReturned(returns: readonly Rma[], sku: string): number {
  return returns
    .filter((rma) => rma.sku.toUpperCase() === sku.toUpperCase() && rma.state !== 'rejected')
    .reduce((sum, rma) => sum + rma.quantity, 0);
}

function decisionView(decision: ReturnDecision): Record<string, unknown> {
  if (decision.outcome === 'not_eligible') {
    return {
      outcome: 'not_eligible',
      reason: decision.reason,
      ...(decision.deadline ? { lastDay: decision.deadline.lastDay } : {}),
    };
  }
  return {
    outcome: 'eligible',
    quantity: decision.quantity,
    lastDay: decision.deadline.lastDay,
    refund: decision.refund.amount,
    refundNeedsPerson: decision.refund.outcome === 'needs_human',
    requiredConditions: decision.requiredConditions,
  };
}

export function rmaView(rma: Rma, order?: Order): Record<string, unknown> {
  const line = order?.items.find((item) => item.sku.toUpperCase() === rma.sku.toUpperCase());
  return {
    rmaId: rma.rmaId,
    orderId: rma.orderId,
    sku: rma.sku,
    ...(line ? { itemName: line.name } : {}),
    quantity: rma.quantity,
    kind: rma.kind,
    state: rma.state,
    refund: rma.refund,
    ...(rma.replacementSku ? { replacementSku: rma.replacementSku } : {}),
    updatedAt: rma.updatedAt,
  };
}

async function decide(
  deps: AfterSalesDeps,
  input: z.infer<typeof CheckReturnInput>,
  context: ToolContext,
): Promise<
  | { error: ToolOutcome }
  | { order: Order; line: Order['items'][number]; decision: ReturnDecision; existing: Rma[] }
> {
  // Read together, one round trip: the returns of an order that proves not to be the shopper's are
  // dropped unseen, exactly as if they had not been read.
  const [order, { policy }, listed] = await Promise.all([
    ownOrder(deps.orders, input.orderId, context),
    deps.rules.get(),
    deps.returns.listForOrder(input.orderId),
  ]);
  if (!order) return { error: orderNotFound(input.orderId) };
  const picked = pickLine(order, input.sku);
  if ('error' in picked) return picked;
  // Returns are keyed on the order's stored id: should it differ from the id asked for, read under it.
  const existing = order.orderId === input.orderId ? listed : await deps.returns.listForOrder(order.orderId);
  const decision = decideReturnFor(order, picked.line.sku, input, existing, deps.now(), policy);
  return { order, line: picked.line, decision, existing };
}

function decideReturnFor(
  order: Order,
  sku: string,
  input: z.infer<typeof CheckReturnInput>,
  existing: readonly Rma[],
  now: Date,
  policy: StorePolicy,
): ReturnDecision {
  return decideReturn(
    order,
    {
      sku,
      quantity: input.quantity,
      reason: input.reason,
      condition: input.condition,
      alreadyReturnedQuantity: alreadyReturned(existing, sku),
    },
    now,
    policy,
  );
}

export const checkReturn: ToolDefinition<AfterSalesDeps> = {
  spec: {
    name: 'check_return',
    description:
      "Checks, by the store's return policy, whether an item of the shopper's order can be returned, until when, and the refund it would get. Changes nothing.",
    inputSchema: {
      type: 'object',
      properties: returnProperties,
      required: ['orderId'],
      additionalProperties: false,
    },
  },
  async run(deps, input, context) {
    const parsed = CheckReturnInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const decided = await decide(deps, parsed.data, context);
    if ('error' in decided) return decided.error;
    return success({
      orderId: decided.order.orderId,
      item: itemView(decided.line),
      ...decisionView(decided.decision),
    });
  },
};

export const startReturn: ToolDefinition<AfterSalesDeps> = {
  spec: {
    name: 'start_return',
    description:
      "Opens a return (RMA) for an item of the shopper's order when the store's policy allows it. An exchange is set up instead of a refund when the shopper wants one or does not mind and stock allows. Refunds above the store's automatic limit wait for a person (outcome needs_person): tell the shopper a person will approve it here; if the result has personRepliesFrom, nobody is online: say a person will approve it from that time (in the store's time zone), never \"shortly\". Report the outcome; never promise other amounts or dates.",
    inputSchema: {
      type: 'object',
      properties: {
        ...returnProperties,
        resolution: { type: 'string', enum: ['refund', 'exchange', 'either'] },
        replacementSku: { type: 'string', description: 'For an exchange into another size or colour' },
        photoKeys: { type: 'array', items: { type: 'string' }, description: 'Keys of uploaded photos' },
      },
      required: ['orderId'],
      additionalProperties: false,
    },
  },
  async run(deps, input, context) {
    const parsed = StartReturnInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const request = parsed.data;
    const decided = await decide(deps, request, context);
    if ('error' in decided) return decided.error;
    const { order, line, decision, existing } = decided;
    const open = existing.find(
      (rma) =>
        rma.sku.toUpperCase() === line.sku.toUpperCase() &&
        !['refunded', 'exchanged', 'rejected'].includes(rma.state),
    );
    // A shopper repeating "I want to return it" gets the return already open, not a second one.
    if (open) {
      return success({
        outcome: 'already_open',
        orderId: order.orderId,
        item: itemView(line),
        rma: rmaView(open, order),
      });
    }
    if (decision.outcome === 'not_eligible') {
      return success({ orderId: order.orderId, item: itemView(line), ...decisionView(decision) });
    }
    const photoKeys = (request.photoKeys ?? []).filter((key) => key.startsWith('photos/'));
    const reason: ReturnReason =
      request.reason ?? (request.resolution === 'exchange' ? 'other' : 'changed_mind');
    const { policy } = await deps.rules.get();
    let kind: Rma['kind'] = 'refund';
    let replacementSku: string | undefined;
    let exchangeUnavailable: string | undefined;
    if (request.resolution !== 'refund') {
      // The same SKU again replaces a faulty or wrong item, or is what "exchange it" means without a size.
      const sameAgain = request.resolution === 'exchange' || SELLER_FAULT_REASONS.has(reason);
      const replacement = request.replacementSku ?? (sameAgain ? line.sku : undefined);
      const product = replacement ? await deps.knowledge.getProduct(replacement) : undefined;
      const offer = offerExchange(
        { sku: line.sku, quantity: decision.quantity, reason, replacementSku: replacement },
        replacement && product?.stock !== undefined ? { [replacement.toUpperCase()]: product.stock } : {},
        policy,
      );
      if (offer.offer === 'exchange') {
        kind = 'exchange';
        replacementSku = offer.replacementSku;
      } else exchangeUnavailable = offer.reason;
    }
    const now = deps.now().toISOString();
    const created = createRma(
      {
        rmaId: `R-${order.orderId}-${deps.newId(`return#${line.sku}`)}`,
        orderId: order.orderId,
        customerId: context.customerId,
        sku: line.sku,
        quantity: decision.quantity,
        kind,
        reason,
        photoRefs: photoKeys,
        refund: decision.refund.amount,
        ...(replacementSku ? { replacementSku } : {}),
      },
      now,
    );
    if (!created.ok)
      return failure('invalid_input', `The return could not be opened: ${created.error.code}.`);
    let rma = created.rma;
    if ((await deps.returns.create(created.rma)) === 'exists') {
      // A retried turn re-creates the same reference: the return its first run opened stands.
      const existing = await deps.returns.get(order.orderId, created.rma.rmaId);
      if (!existing || existing.customerId !== context.customerId)
        return failure('conflict', 'A return with that reference already exists; try again.');
      rma = existing;
    }
    const needsPerson = kind === 'refund' && decision.refund.outcome === 'needs_human';
    if (needsPerson) {
      await deps.handoffs.requestHandoff({
        sessionId: context.sessionId,
        customerId: context.customerId,
        reason: 'needs_agent',
        priority: 'normal',
        intent: 'return_request',
        requestedAt: now,
      });
    } else {
      // Within the automatic limit the policy has already decided, so the return is approved at once.
      const approved = transition(rma, { type: 'approve' }, now);
      if (approved.ok && (await deps.returns.saveTransition(approved.rma)) === 'saved') rma = approved.rma;
    }
    return success({
      outcome: needsPerson ? 'needs_person' : kind === 'exchange' ? 'exchange_opened' : 'refund_opened',
      orderId: order.orderId,
      item: itemView(line),
      lastDay: decision.deadline.lastDay,
      rma: rmaView(rma, order),
      ...(exchangeUnavailable ? { exchangeUnavailable } : {}),
      ...(needsPerson ? await personRepliesFromField(deps) : {}),
    });
  },
};

export const getReturnStatus: ToolDefinition<AfterSalesDeps> = {
  spec: {
    name: 'get_return_status',
    description:
      "Lists the returns and exchanges of one of the shopper's orders with their state and refund amount, so you can say where a return or refund stands.",
    inputSchema: orderOnlyInputSchema,
  },
  async run(deps, input, context) {
    const parsed = ReturnStatusInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const order = await ownOrder(deps.orders, parsed.data.orderId, context);
    if (!order) return orderNotFound(parsed.data.orderId);
    const returns = await deps.returns.listForOrder(order.orderId);
    return success({
      orderId: order.orderId,
      orderStatus: order.status,
      returns: returns.map((rma) => rmaView(rma, order)),
    });
  },
};
