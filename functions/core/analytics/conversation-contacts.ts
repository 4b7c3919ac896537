/**
 * Contacts: the conversations analysts count. A chat session has no explicit end, so a contact closes once
 * nobody has written for the idle threshold. A shopper who writes again within REOPEN_WINDOW_MS of the
 * close reopens the same contact (it was not solved at first contact); later, a new contact starts.
 *
 * The analytics stream handler folds message and hand-off events into one `ContactState` per session, the
 * closer closes idle ones, and the close transition becomes one `ConversationFact`. Pure: no I/O here.
 *
 * Every transition is idempotent: an event already reflected in the state leaves it unchanged, so a stream
 * record delivered twice changes nothing the second time.
 */

import type { FactRole } from './facts';
import { type ConversationFact, FACT_SCHEMA_VERSION, partitionDay, type SentimentLabel } from './facts';

export const REOPEN_WINDOW_MS = 7 * 86_400_000;
/** Shards of the open-contacts index: enough to spread a busy desk's open contacts across partitions. */
export const OPEN_CONTACT_SHARDS = 4;

/** Intents that say nothing about what the shopper needs, so never the contact's primary intent. */
const NON_PRIMARY_INTENTS: ReadonlySet<string> = new Set(['smalltalk', 'other']);

/** Most negative first: `worst_sentiment` is the lowest rank seen. */
export const SENTIMENT_RANK: Readonly<Record<SentimentLabel, number>> = {
  negative: 0,
  mixed: 1,
  neutral: 2,
  positive: 3,
};

export interface ContactState {
  sessionId: string;
  channel: string;
  status: 'open' | 'closed';
  contactNo: number;
  openedAt: string;
  lastMessageAt: string;
  /** Set while closed: the last message time when the closer found the contact idle. */
  closedAt: string | null;
  /** The previous contact's close; anything at or before it belongs to that contact. */
  previousClosedAt: string | null;
  firstReplyAt: string | null;
  assistantReplied: boolean;
  agentJoined: boolean;
  /** Request times of the hand-offs in this contact: a set, so a redelivered request counts once. */
  handoffRequests: string[];
  worstSentiment: SentimentLabel | null;
  primaryIntent: string | null;
  reopens: number;
  /** Optimistic-concurrency counter: every write (the closer's included) raises it. */
  version: number;
}

export type ContactEvent =
  | {
      kind: 'message';
      sessionId: string;
      at: string;
      role: FactRole;
      channel: string;
      intent: string | null;
      sentiment: SentimentLabel | null;
    }
  | { kind: 'handoff_requested'; sessionId: string; at: string }
  | { kind: 'agent_assigned'; sessionId: string; at: string };

const millis = (iso: string) => Date.parse(iso);
const earlier = (a: string, b: string) => (millis(a) <= millis(b) ? a : b);
const later = (a: string, b: string) => (millis(a) >= millis(b) ? a : b);

function opened(event: Extract<ContactEvent, { kind: 'message' }>, previous?: ContactState): ContactState {
  return {
    sessionId: event.sessionId,
    channel: event.channel,
    status: 'open',
    contactNo: (previous?.contactNo ?? 0) + 1,
    openedAt: event.at,
    lastMessageAt: event.at,
    closedAt: null,
    previousClosedAt: previous?.closedAt ?? null,
    firstReplyAt: null,
    assistantReplied: false,
    agentJoined: false,
    handoffRequests: [],
    worstSentiment: event.sentiment,
    primaryIntent: event.intent && !NON_PRIMARY_INTENTS.has(event.intent) ? event.intent : null,
    reopens: 0,
    version: previous?.version ?? 0,
  };
}

function worse(a: SentimentLabel | null, b: SentimentLabel | null): SentimentLabel | null {
  if (!a) return b;
  if (!b) return a;
  return SENTIMENT_RANK[b] < SENTIMENT_RANK[a] ? b : a;
}

/** A message inside an open contact: every field is a min, max, or, so applying it twice is a no-op. */
function withMessage(state: ContactState, event: Extract<ContactEvent, { kind: 'message' }>): ContactState {
  const next = { ...state, lastMessageAt: later(state.lastMessageAt, event.at) };
  if (event.role === 'shopper') {
    next.worstSentiment = worse(state.worstSentiment, event.sentiment);
    if (!state.primaryIntent && event.intent && !NON_PRIMARY_INTENTS.has(event.intent))
      next.primaryIntent = event.intent;
  }
  if ((event.role === 'assistant' || event.role === 'agent') && millis(event.at) >= millis(state.openedAt)) {
    next.firstReplyAt = state.firstReplyAt ? earlier(state.firstReplyAt, event.at) : event.at;
    if (event.role === 'assistant') next.assistantReplied = true;
    else next.agentJoined = true;
  }
  return next;
}

function sameState(a: ContactState, b: ContactState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The state after one event, or `undefined` when the event changes nothing (already applied, from an
 * earlier contact, or not something that opens a contact). `version` is left for the store to raise.
 */
export function applyContactEvent(
  state: ContactState | undefined,
  event: ContactEvent,
  reopenWindowMs = REOPEN_WINDOW_MS,
): ContactState | undefined {
  const at = millis(event.at);
  if (Number.isNaN(at)) throw new TypeError(`contact event: not a timestamp: ${event.at}`);
  let next: ContactState | undefined;
  if (event.kind === 'message') {
    if (!state) {
      // Only a shopper opens a contact: a greeting nobody answered is not a conversation.
      next = event.role === 'shopper' ? opened(event) : undefined;
    } else if (state.status === 'closed') {
      const closedAt = millis(state.closedAt ?? state.lastMessageAt);
      if (event.role !== 'shopper' || at <= closedAt) next = undefined;
      else if (at - closedAt <= reopenWindowMs)
        next = withMessage({ ...state, status: 'open', closedAt: null, reopens: state.reopens + 1 }, event);
      else next = opened(event, state);
    } else if (state.previousClosedAt && at <= millis(state.previousClosedAt)) {
      next = undefined;
    } else {
      next = withMessage(state, event);
    }
  } else if (state?.status === 'open' && at >= millis(state.openedAt)) {
    if (event.kind === 'handoff_requested') {
      next = state.handoffRequests.includes(event.at)
        ? undefined
        : { ...state, handoffRequests: [...state.handoffRequests, event.at] };
    } else {
      next = state.agentJoined ? undefined : { ...state, agentJoined: true };
    }
  }
  return next && state && sameState(next, state) ? undefined : next;
}

/** Folds events in order; `undefined` when none of them changed anything. */
export function applyContactEvents(
  state: ContactState | undefined,
  events: readonly ContactEvent[],
  reopenWindowMs = REOPEN_WINDOW_MS,
): ContactState | undefined {
  let current = state;
  let changed = false;
  for (const event of events) {
    const next = applyContactEvent(current, event, reopenWindowMs);
    if (next) {
      current = next;
      changed = true;
    }
  }
  return changed ? current : undefined;
}

/** Is this open contact idle past the threshold at `now`? */
export function isIdle(state: Pick<ContactState, 'status' | 'lastMessageAt'>, now: Date, idleMs: number) {
  return state.status === 'open' && now.getTime() - millis(state.lastMessageAt) >= idleMs;
}

/** The open-contacts index shard of a session: stable, so the closer and the writer agree. */
export function openContactShard(sessionId: string, shards = OPEN_CONTACT_SHARDS): number {
  let hash = 0;
  for (let i = 0; i < sessionId.length; i++) hash = (hash * 31 + sessionId.charCodeAt(i)) >>> 0;
  return hash % shards;
}

/**
 * Who resolved the contact: a person if an agent took part, the AI if only the assistant answered, nobody
 * (null) when a hand-off was queued and never taken, or when nothing answered at all.
 */
export function resolvedBy(state: ContactState): ConversationFact['resolved_by'] {
  if (state.agentJoined) return 'human';
  if (state.handoffRequests.length > 0) return null;
  return state.assistantReplied ? 'ai' : null;
}

/** The fact a closed contact becomes. */
export function toConversationFact(state: ContactState): ConversationFact {
  if (state.status !== 'closed' || !state.closedAt) throw new Error('only a closed contact is a fact');
  const firstResponse = state.firstReplyAt ? millis(state.firstReplyAt) - millis(state.openedAt) : null;
  return {
    schema_version: FACT_SCHEMA_VERSION,
    conversation_id: state.sessionId,
    contact_no: state.contactNo,
    reopens: state.reopens,
    channel: state.channel,
    opened_at: new Date(millis(state.openedAt)).toISOString(),
    closed_at: new Date(millis(state.closedAt)).toISOString(),
    first_response_ms: firstResponse !== null && firstResponse >= 0 ? firstResponse : null,
    resolved_by: resolvedBy(state),
    handoffs: state.handoffRequests.length,
    first_contact_resolution: state.reopens === 0,
    worst_sentiment: state.worstSentiment,
    primary_intent: state.primaryIntent,
    dt: partitionDay(state.closedAt),
  };
}
