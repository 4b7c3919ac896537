import * as z from 'zod';
import {
  CLAIM_KINDS,
  type ClaimKind,
  DELIVERY_PROBLEMS,
  type DeliveryProblem,
} from '../../after-sales/claims';
import { categoriseComplaint, routeComplaint } from '../../after-sales/complaints';
import { lineTotal, type Money, orderTotal } from '../../after-sales/money';
import { caseItem, openCaseFor } from '../../after-sales/one-case';
import { personRepliesFromField } from '../../handoff/out-of-hours';
import type { Order } from '../../orders';
import { isOwnPhoto } from '../../photos/photo-keys';
import { decideVideoProposal } from '../../video/proposal';
import {
  failure,
  invalid,
  OrderIdSchema,
  orderIdProperty,
  orderNotFound,
  ownOrder,
  success,
  type ToolDefinition,
} from './common';
import type { AfterSalesDeps } from './deps';

const OPEN_KINDS = CLAIM_KINDS.filter(
  (kind): kind is Exclude<ClaimKind, 'order_change'> => kind !== 'order_change',
);
/** Problems with goods in hand or on the way are about one order; a complaint may be about anything. */
const NEEDS_ORDER: ReadonlySet<ClaimKind> = new Set(['delivery', 'damaged_item', 'wrong_item']);
const INTENT_OF: Record<(typeof OPEN_KINDS)[number], string> = {
  delivery: 'delivery_problem',
  damaged_item: 'damaged_item',
  wrong_item: 'wrong_item',
  complaint: 'complaint',
  payment: 'payment_issue',
};

const OpenClaimInput = z
  .object({
    kind: z.enum(OPEN_KINDS),
    orderId: OrderIdSchema.optional(),
    problem: z.enum(DELIVERY_PROBLEMS).optional(),
    /** The shopper's words, read for the category only and not stored: the transcript holds them. */
    description: z.string().max(2000).optional(),
    photoKeys: z.array(z.string().max(300)).max(10).optional(),
  })
  .strict();

/** What the claim is about: the named item's line when known, else the whole order. */
function claimValue(order: Order, sku: string | undefined): Money {
  const item = sku ? order.items.find((line) => line.sku.toUpperCase() === sku) : undefined;
  return item ? lineTotal(item.unitPrice, item.quantity, order.currency) : orderTotal(order);
}

function deliveryProblemOf(order: Order): DeliveryProblem {
  const status = order.shipment?.status;
  if (status === 'customs_hold') return 'customs';
  if (status === 'delivered' || order.status === 'delivered') return 'delivered_not_received';
  return 'late';
}

export const openClaim: ToolDefinition<AfterSalesDeps> = {
  spec: {
    name: 'open_claim',
    description:
      'Opens a case for a person and queues the chat for them: a delivery problem (late, customs, delivered but not received), a damaged or wrong item (with the keys of photos the shopper uploaded), a complaint or suggestion, or a payment problem. The store\'s routing picks the team. A follow-up about the same order and item joins the case already open for it (outcome joined) instead of opening another. Tell the shopper the case number and that a person will reply here; if the result has personRepliesFrom, nobody is online: say a person will reply from that time, never "shortly".',
    inputSchema: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: [...OPEN_KINDS] },
        orderId: orderIdProperty,
        problem: { type: 'string', enum: [...DELIVERY_PROBLEMS] },
        description: { type: 'string', description: "The shopper's words about the problem" },
        photoKeys: { type: 'array', items: { type: 'string' } },
      },
      required: ['kind'],
      additionalProperties: false,
    },
  },
  async run(deps, input, context) {
    const parsed = OpenClaimInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const request = parsed.data;
    let order: Order | undefined;
    if (request.orderId) {
      order = await ownOrder(deps.orders, request.orderId, context);
      if (!order) return orderNotFound(request.orderId);
    } else if (NEEDS_ORDER.has(request.kind)) {
      return failure('order_required', 'Ask the shopper for the order number first.');
    }
    // Keys of another shopper's photos are dropped, so a case cannot point at someone else's upload.
    const photoKeys = [...new Set([...(request.photoKeys ?? []), ...(context.photoKeys ?? [])])].filter(
      (key) => isOwnPhoto(context.customerId, key),
    );
    const intent = INTENT_OF[request.kind];
    const sku = order ? caseItem(order, request.description ?? '') : undefined;
    const open = openCaseFor(await deps.claims.listForCustomer(context.customerId, 20), {
      kind: request.kind,
      sessionId: context.sessionId,
      ...(order ? { orderId: order.orderId } : {}),
      ...(sku ? { sku } : {}),
    });
    const rules = await deps.rules.get();
    // Goods worth a look: the shopper gets the assistant's video-call card (core/video/proposal).
    const videoCall =
      order &&
      decideVideoProposal({ claim: { kind: request.kind, value: claimValue(order, sku) } }, rules.policy)
        .propose
        ? { videoCall: 'offered' as const }
        : {};
    if (open) {
      // A follow-up about the same goods: its photos join the case, and the chat keeps its place in the queue.
      const added = photoKeys.filter((key) => !open.photoKeys.includes(key));
      if (added.length > 0) await deps.claims.addEvidence(open.claimId, [], added);
      const queued = await deps.handoffs.requestHandoff({
        sessionId: context.sessionId,
        customerId: context.customerId,
        reason: 'needs_agent',
        priority: 'high',
        intent,
        requestedAt: deps.now().toISOString(),
      });
      return success({
        outcome: 'joined',
        claimId: open.claimId,
        kind: open.kind,
        ...(open.orderId ? { orderId: open.orderId } : {}),
        ...(open.sku ? { sku: open.sku } : {}),
        photos: open.photoKeys.length + added.length,
        handoff: queued,
        ...(await personRepliesFromField(deps)),
        ...videoCall,
      });
    }
    const { routing } = rules;
    const categorised = categoriseComplaint(request.description ?? '', intent);
    const route = routeComplaint(request.kind === 'payment' ? 'payment' : categorised.category, routing);
    const problem =
      request.kind === 'delivery'
        ? (request.problem ?? (order ? deliveryProblemOf(order) : 'other'))
        : undefined;
    const claimId = `C-${deps.newId('claim')}`;
    const now = deps.now().toISOString();
    await deps.claims.open({
      claimId,
      kind: request.kind,
      customerId: context.customerId,
      sessionId: context.sessionId,
      ...(order ? { orderId: order.orderId } : {}),
      ...(sku ? { sku } : {}),
      category: route.category,
      owner: route.owner,
      status: 'open',
      ...(problem ? { problem } : {}),
      photoKeys,
      terms: categorised.terms,
      createdAt: now,
    });
    const queued = await deps.handoffs.requestHandoff({
      sessionId: context.sessionId,
      customerId: context.customerId,
      reason: 'needs_agent',
      priority: 'high',
      intent,
      requestedAt: now,
    });
    return success({
      outcome: 'opened',
      claimId,
      kind: request.kind,
      category: route.category,
      owner: route.owner,
      ...(order ? { orderId: order.orderId } : {}),
      ...(sku ? { sku } : {}),
      ...(problem ? { problem } : {}),
      photos: photoKeys.length,
      handoff: queued,
      ...(await personRepliesFromField(deps)),
      ...videoCall,
    });
  },
};
