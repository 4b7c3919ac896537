import type { StorePolicySource } from '../../ports/after-sales';
import type { ConversationRepository, OrderRepository, TurnSnapshot } from '../../ports/repositories';
import type { TurnRequest } from './answer-message';
import { primedOrders } from './primed-orders';

/** What a turn reads before it thinks, already on its way. */
export interface TurnReads {
  /** The session, its latest messages and its pending proposal (ConversationRepository.readTurn). */
  snapshot: Promise<TurnSnapshot>;
  /** The order store as the turn's tools see it: their first listing of the customer's orders is prefetched. */
  orders: ReturnType<typeof primedOrders>;
}

/**
 * Starts a turn's reads at once, so they cost the shopper one round trip rather than one each: the session
 * read, the customer's recent orders (named by the stored message's hint, used only if the session's own
 * owner matches) and the store's rules when its cache needs them. The caller starts them alongside the
 * turn's idempotency claim; if the claim finds the turn taken, the reads are dropped unawaited, so their
 * failures are caught here and surface only where a result is used.
 */
export function startTurnReads(
  deps: {
    conversations: Pick<ConversationRepository, 'readTurn'>;
    orders: OrderRepository;
    rules?: StorePolicySource;
    historyTurns: number;
    /** How many orders the tools list (tools.MAX_LISTED_ORDERS). */
    listedOrders: number;
    /**
     * False when the message clearly needs no order (a greeting, a thanks): its prefetch would be wasted.
     * A turn that lists orders anyway reads them then, one round trip later.
     */
    prefetchOrders?: boolean;
  },
  turn: TurnRequest,
): TurnReads {
  const snapshot = deps.conversations.readTurn(turn.sessionId, deps.historyTurns);
  snapshot.catch(() => undefined);
  // Warms the rules' cache only; a failure is the tool's to report when it asks again.
  deps.rules?.get().catch(() => undefined);
  const owner = deps.prefetchOrders === false ? undefined : turn.customerId;
  return { snapshot, orders: primedOrders(deps.orders, owner, deps.listedOrders) };
}

/** Intents whose turn lists no order; only a confident reading of one skips the orders prefetch. */
const NO_ORDER_INTENTS: ReadonlySet<string> = new Set(['smalltalk']);
const CONFIDENT = 0.5;

/** Whether a message may need the customer's orders, from the embedded classifier's reading of it. */
export function mayNeedOrders(
  text: string | undefined,
  classify: (text: string) => { intent: string; confidence: number },
): boolean {
  if (!text) return true;
  const { intent, confidence } = classify(text);
  return !(NO_ORDER_INTENTS.has(intent) && confidence >= CONFIDENT);
}
