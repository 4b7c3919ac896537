import type { HandoffPriority, HandoffReason } from '../../ports/repositories';

/**
 * One conversation on the agents' queue, as agents see it. Pure data, also bundled into the console, so
 * the browser and the server order the queue with the same function.
 */
export interface QueueEntry {
  sessionId: string;
  status: 'queued' | 'assigned' | 'closed';
  reason: HandoffReason;
  priority: HandoffPriority;
  requestedAt: string;
  updatedAt: string;
  language?: string;
  intent?: string;
  /** The complaint category and the owner queue that complaint routing chose (quality, logistics…). */
  category?: string;
  ownerQueue?: string;
  orderId?: string;
  orderValue?: { currency: string; minor: number };
  vip: boolean;
  /** 0..1: the sentiment engine's urgency when it gives one, else how negative the shopper sounds. */
  anger: number;
  ownerAgentId?: string;
  ownerName?: string;
  assignedAt?: string;
  closedAt?: string;
  resolution?: string;
  lastShopperMessageAt?: string;
}

/**
 * The entry as stored: also whose conversation it is (their closed hand-offs are filed under it, VIP is
 * decided by it). Agents need the conversation, not the shopper's internal id: `forAgents` drops it.
 */
export interface StoredQueueEntry extends QueueEntry {
  customerId: string;
}

export function entryForAgents(entry: QueueEntry | StoredQueueEntry): QueueEntry {
  const { customerId: _customerId, ...visible } = entry as StoredQueueEntry;
  return visible;
}

const PRIORITY_ANGER: Readonly<Record<HandoffPriority, number>> = {
  urgent: 0.9,
  high: 0.7,
  normal: 0.3,
  low: 0.1,
};

/** Minor-unit exponents of the few zero-decimal currencies sellers here use; others have two. */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'IDR']);

/**
 * Higher first. Anger weighs most (an angry shopper waiting is the costliest), then time waited against
 * the store's response target, then order value (log-scaled: there is no exchange rate here), then VIP.
 */
export function priorityScore(entry: QueueEntry, now: number, responseTargetMinutes: number): number {
  const anger = Math.max(entry.anger, PRIORITY_ANGER[entry.priority] ?? 0);
  const waitedMinutes = Math.max(0, now - Date.parse(entry.requestedAt)) / 60_000;
  const overdue = Math.min(waitedMinutes / Math.max(responseTargetMinutes, 1), 2) / 2;
  const major = entry.orderValue
    ? entry.orderValue.minor / (ZERO_DECIMAL.has(entry.orderValue.currency) ? 1 : 100)
    : 0;
  // KRW and IDR amounts are large numbers of small units: a rough scale keeps them comparable.
  const scaled = entry.orderValue && ZERO_DECIMAL.has(entry.orderValue.currency) ? major / 1000 : major;
  const value = Math.min(Math.log10(1 + scaled) / 3, 1);
  return anger * 50 + overdue * 25 + value * 15 + (entry.vip ? 10 : 0);
}

export function sortQueue(entries: readonly QueueEntry[], now: number, responseTargetMinutes: number) {
  return [...entries].sort(
    (a, b) =>
      priorityScore(b, now, responseTargetMinutes) - priorityScore(a, now, responseTargetMinutes) ||
      a.requestedAt.localeCompare(b.requestedAt),
  );
}

export type QueueFilter =
  | { kind: 'all' }
  | { kind: 'mine'; agentId: string }
  | { kind: 'unassigned' }
  | { kind: 'language'; language: string }
  | { kind: 'ownerQueue'; ownerQueue: string };

export function matchesFilter(entry: QueueEntry, filter: QueueFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return entry.status !== 'closed';
    case 'mine':
      return entry.status === 'assigned' && entry.ownerAgentId === filter.agentId;
    case 'unassigned':
      return entry.status === 'queued';
    case 'language':
      return entry.status !== 'closed' && entry.language === filter.language;
    case 'ownerQueue':
      return entry.status !== 'closed' && entry.ownerQueue === filter.ownerQueue;
  }
}

/** Where a waiting conversation stands among the waiting ones (1-based), by the same order agents see. */
export function positionInQueue(
  entries: readonly QueueEntry[],
  sessionId: string,
  now: number,
  responseTargetMinutes: number,
): number | undefined {
  const waiting = sortQueue(
    entries.filter((entry) => entry.status === 'queued'),
    now,
    responseTargetMinutes,
  );
  const index = waiting.findIndex((entry) => entry.sessionId === sessionId);
  return index < 0 ? undefined : index + 1;
}

/** A new hand-off that should raise a browser notification: an angry shopper or an urgent case. */
export const isUrgent = (entry: QueueEntry): boolean => entry.priority === 'urgent' || entry.anger >= 0.8;
