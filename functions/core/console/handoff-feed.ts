import type { HandoffPriority, HandoffReason, StoredMessage } from '../../ports/repositories';
import { orderTotal } from '../after-sales/money';
import { broadcast } from './broadcast';
import { toConsoleMessage } from './console-messages';
import type { ConsoleDeps } from './deps';
import type { StoredQueueEntry } from './queue';
import { tellShopperTheyWait } from './waiting-notice';

/** What the console hears from the store of conversations (decoded from the stream by an adapter). */
export type ConsoleStreamEvent =
  | {
      kind: 'handoffChanged';
      sessionId: string;
      customerId: string;
      status: 'queued' | 'assigned' | 'closed';
      previousStatus?: 'queued' | 'assigned' | 'closed';
      agentId?: string;
      agentName?: string;
      priority: HandoffPriority;
      reason: HandoffReason;
      intent?: string;
      requestedAt: string;
      language?: string;
      resolution?: string;
    }
  | { kind: 'messageStored'; message: StoredMessage };

type FeedDeps = Omit<ConsoleDeps, 'conversations'> & {
  conversations: Pick<
    ConsoleDeps['conversations'],
    'getSession' | 'listRecentMessages' | 'putMessage' | 'reserveSequences'
  >;
};

/**
 * The live queue's source: each stored hand-off change becomes a queue entry pushed to every connected
 * agent; each message of a conversation on the queue is pushed to the agents too. Idempotent on
 * redelivery: entries are overwritten with the same state, and agents' consoles dedupe messages by seq.
 */
export async function applyConsoleEvent(deps: FeedDeps, event: ConsoleStreamEvent): Promise<void> {
  if (event.kind === 'handoffChanged') return handoffChanged(deps, event);
  return messageStored(deps, event.message);
}

async function handoffChanged(
  deps: FeedDeps,
  event: Extract<ConsoleStreamEvent, { kind: 'handoffChanged' }>,
): Promise<void> {
  const now = deps.now().toISOString();
  const existing = await deps.queue.getEntry(event.sessionId);
  if (event.status === 'closed') {
    if (!existing) return;
    const closed: StoredQueueEntry = {
      ...existing,
      status: 'closed',
      closedAt: now,
      updatedAt: now,
      ...(event.resolution ? { resolution: event.resolution } : {}),
    };
    delete closed.ownerAgentId;
    delete closed.ownerName;
    await deps.queue.putEntry(closed);
    await broadcast(deps, { type: 'queueEntry', entry: closed, isNew: false });
    return;
  }
  const base = existing ?? (await newEntry(deps, event, now));
  const entry: StoredQueueEntry = {
    ...base,
    status: event.status,
    priority: event.priority,
    updatedAt: now,
    ...(event.language ? { language: event.language } : {}),
    ...(event.intent && !base.intent ? { intent: event.intent } : {}),
  };
  if (event.status === 'assigned' && event.agentId) {
    entry.ownerAgentId = event.agentId;
    if (event.agentName) entry.ownerName = event.agentName;
    entry.assignedAt ??= now;
  } else {
    delete entry.ownerAgentId;
    delete entry.ownerName;
  }
  await deps.queue.putEntry(entry);
  await broadcast(deps, { type: 'queueEntry', entry, isNew: !existing });
  if (!existing && event.status === 'queued') await tellShopperTheyWait(deps, entry);
}

async function newEntry(
  deps: FeedDeps,
  event: Extract<ConsoleStreamEvent, { kind: 'handoffChanged' }>,
  now: string,
): Promise<StoredQueueEntry> {
  const [session, recent, orders, claims, rules] = await Promise.all([
    deps.conversations.getSession(event.sessionId),
    deps.conversations.listRecentMessages(event.sessionId, 20),
    deps.orders.listOrdersForCustomer(event.customerId, 5),
    deps.claims.listForCustomer(event.customerId, 5),
    deps.rules.get(),
  ]);
  const claim = claims.find((candidate) => candidate.sessionId === event.sessionId);
  const mentioned = [...recent]
    .reverse()
    .map((message) => orders.find((order) => message.text.includes(order.orderId)))
    .find((order) => order !== undefined);
  const order = orders.find((candidate) => candidate.orderId === claim?.orderId) ?? mentioned ?? orders[0];
  const shopperTexts = recent.filter((message) => message.role === 'shopper').slice(-3);
  const language =
    event.language ?? session?.language ?? recent.findLast((message) => message.language)?.language;
  return {
    sessionId: event.sessionId,
    customerId: event.customerId,
    status: event.status === 'closed' ? 'queued' : event.status,
    reason: event.reason,
    priority: event.priority,
    requestedAt: event.requestedAt,
    updatedAt: now,
    ...(language ? { language } : {}),
    ...(event.intent ? { intent: event.intent } : {}),
    ...(claim ? { category: claim.category, ownerQueue: claim.owner.id } : {}),
    ...(order ? { orderId: order.orderId, orderValue: orderTotal(order) } : {}),
    vip: rules.policy.agentDesk.vipCustomerIds.includes(event.customerId),
    anger: await angerOf(deps, shopperTexts, language),
    ...(shopperTexts.at(-1) ? { lastShopperMessageAt: shopperTexts.at(-1)?.createdAt } : {}),
  };
}

/** The sentiment engine's urgency when it gives one, else how negative the angriest recent message is. */
async function angerOf(
  deps: Pick<ConsoleDeps, 'sentiment'>,
  messages: readonly StoredMessage[],
  language: string | undefined,
): Promise<number> {
  if (messages.length === 0) return 0;
  try {
    const results = await deps.sentiment.detect(
      messages.map((message) => ({ text: message.text, lang: message.language ?? language ?? null })),
    );
    return Math.max(
      0,
      ...results.map((result) => {
        const urgency = (result as { urgency?: unknown }).urgency;
        return typeof urgency === 'number' ? urgency : result.scores.negative + result.scores.mixed / 2;
      }),
    );
  } catch {
    // Ordering without anger beats no queue entry at all.
    return 0;
  }
}

async function messageStored(deps: FeedDeps, message: StoredMessage): Promise<void> {
  const entry = await deps.queue.getEntry(message.sessionId);
  if (!entry || entry.status === 'closed') return;
  // Translated once per language the viewing agents read in.
  const views = new Map<string, Awaited<ReturnType<typeof toConsoleMessage>>>();
  const viewFor = async (language: string | undefined) => {
    const key = language ?? '';
    let view = views.get(key);
    if (!view) {
      view = await toConsoleMessage(deps, message, language, entry.language);
      views.set(key, view);
    }
    return view;
  };
  const connections = await deps.agents.listConnections();
  await Promise.all(
    connections.map(async (connection) => {
      const view = await viewFor(connection.viewing === message.sessionId ? connection.language : undefined);
      const outcome = await deps.agentPush
        .send(connection.connectionId, { type: 'message', sessionId: message.sessionId, message: view })
        .catch(() => 'failed' as const);
      if (outcome === 'gone') await deps.agents.removeConnection(connection.connectionId);
    }),
  );
  if (message.role !== 'shopper') return;
  const anger = Math.max(entry.anger, await angerOf(deps, [message], entry.language));
  const updated: StoredQueueEntry = {
    ...entry,
    anger,
    lastShopperMessageAt: message.createdAt,
    updatedAt: deps.now().toISOString(),
  };
  await deps.queue.putEntry(updated);
  await broadcast(deps, { type: 'queueEntry', entry: updated, isNew: false });
}
