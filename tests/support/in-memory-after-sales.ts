import type { Claim } from '../../functions/core/after-sales/claims';
import type { Proposal } from '../../functions/core/after-sales/confirmation';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import type { Rma } from '../../functions/core/after-sales/rma';
import { AssistantTools } from '../../functions/core/assistant/tools';
import type { AfterSalesDeps } from '../../functions/core/assistant/tools/deps';
import type { Order } from '../../functions/core/orders';
import type { ReturnRecord } from '../../functions/core/sizing/returns';
import type { StoreProduct } from '../../functions/ports/after-sales';
import type { HandoffRequest } from '../../functions/ports/repositories';
import { DEMO_FAQ, DEMO_PRODUCTS } from '../../local/seed/demo-store';

/** The after-sales ports in memory, with the same contracts as the DynamoDB adapters. */
export function inMemoryAfterSales(
  orders: Order[],
  options: { now?: Date; products?: StoreProduct[]; productReturns?: ReturnRecord[] } = {},
) {
  const rmas = new Map<string, Rma>();
  const claims: Claim[] = [];
  const handoffs: HandoffRequest[] = [];
  const proposals = new Map<string, Proposal>();
  const products = options.products ?? (DEMO_PRODUCTS as unknown as StoreProduct[]);
  let counter = 0;
  const orderRepository = {
    getOrder: async (id: string) => orders.find((order) => order.orderId === id.toUpperCase()),
    listOrdersForCustomer: async (customerId: string, limit: number) =>
      orders.filter((order) => order.customerId === customerId).slice(0, limit),
    putOrder: async () => undefined,
  };
  const deps: AfterSalesDeps = {
    orders: orderRepository,
    orderUpdates: {
      cancelOrder: async (orderId, expected) => {
        const order = orders.find((candidate) => candidate.orderId === orderId);
        if (!order || order.status !== expected) return 'stale';
        order.status = 'cancelled';
        return 'cancelled';
      },
    },
    returns: {
      create: async (rma) => {
        if (rmas.has(rma.rmaId)) return 'exists';
        rmas.set(rma.rmaId, rma);
        return 'created';
      },
      get: async (_orderId, rmaId) => rmas.get(rmaId),
      listForOrder: async (orderId) => [...rmas.values()].filter((rma) => rma.orderId === orderId),
      saveTransition: async (rma) => {
        const stored = rmas.get(rma.rmaId);
        if (!stored || stored.history.length !== rma.history.length - 1) return 'stale';
        rmas.set(rma.rmaId, rma);
        return 'saved';
      },
      listReturnsForProduct: async (sku) => [
        ...(options.productReturns ?? []).filter((record) => record.sku === sku),
        ...[...rmas.values()].filter((rma) => rma.sku === sku).map((rma) => ({ sku, reason: rma.reason })),
      ],
    },
    knowledge: {
      listFaq: async () => [...DEMO_FAQ],
      listProducts: async () => products,
      getProduct: async (sku) => products.find((product) => product.sku === sku.toUpperCase()),
    },
    claims: {
      open: async (claim) => {
        claims.push(claim);
      },
      listForCustomer: async (customerId) => claims.filter((claim) => claim.customerId === customerId),
      addEvidence: async (claimId, evidence, photoKeys) => {
        const claim = claims.find((each) => each.claimId === claimId);
        if (!claim) throw new Error(`no claim ${claimId}`);
        claim.evidence = [...(claim.evidence ?? []), ...evidence];
        claim.photoKeys.push(...photoKeys);
      },
    },
    rules: { get: async () => ({ policy: DEMO_STORE_POLICY, routing: DEMO_COMPLAINT_ROUTING }) },
    proposals: {
      put: async (proposal) => {
        proposals.set(proposal.sessionId, structuredClone(proposal));
      },
      get: async (sessionId) => structuredClone(proposals.get(sessionId)),
      settle: async (sessionId, proposalId, status) => {
        const stored = proposals.get(sessionId);
        if (stored?.proposalId !== proposalId || stored.status !== 'pending') return 'stale';
        stored.status = status;
        return 'settled';
      },
      recordResult: async (sessionId, proposalId, result) => {
        const stored = proposals.get(sessionId);
        if (stored?.proposalId === proposalId) stored.result = result;
      },
    },
    handoffs: {
      requestHandoff: async (request) => {
        const waiting = handoffs.some((queued) => queued.sessionId === request.sessionId);
        handoffs.push(request);
        return waiting ? 'already_queued' : 'queued';
      },
    },
    now: () => options.now ?? new Date(),
    newId: () => `ID${String(++counter).padStart(4, '0')}`,
  };
  const tools = new AssistantTools(orderRepository, deps.handoffs, deps);
  return { deps, tools, rmas, claims, handoffs, proposals };
}
