import type { Proposal } from '../core/after-sales/confirmation';
import type { ConversationActivity } from '../core/chat/conversation-activity';
import type { Order } from '../core/orders';

export interface OrderRepository {
  getOrder(orderId: string): Promise<Order | undefined>;
  /** Newest first. */
  listOrdersForCustomer(customerId: string, limit: number): Promise<Order[]>;
  /** Idempotent upsert keyed on orderId. */
  putOrder(order: Order): Promise<void>;
}

import type { PhotoEvidence } from '../core/photos/evidence';
import type { Attachment } from '../core/protocol';
import type { VideoCallCard } from '../core/video/proposal';

export type MessageRole = 'shopper' | 'assistant' | 'agent' | 'system';

export interface StoredMessage {
  sessionId: string;
  /** Monotonic per session; the resume cursor. */
  seq: number;
  role: MessageRole;
  text: string;
  createdAt: string;
  clientMessageId?: string;
  /** For assistant replies: the shopper message they answer. */
  replyTo?: string;
  language?: string;
  /**
   * Shopper messages: the language the storefront's widget reported with it (a supported language code), a
   * prior for reading the text's language, never trusted over it.
   */
  locale?: string;
  intent?: string;
  /** Photos the shopper attached: references to the photo store, never the bytes. */
  attachments?: Attachment[];
  /** Agent messages: who wrote it, and their own words before translation (both texts are kept). */
  agentId?: string;
  agentName?: string;
  original?: { text: string; language?: string };
  /** System messages: what happened (agent_joined, handed_back, resolved, waiting). */
  event?: string;
  /**
   * On the assistant's reply to a photo: what was read from each photo (core/photos/evidence.ts), for the
   * agent console. Never sent to the shopper's client.
   */
  photoReadings?: PhotoEvidence[];
  /** On an assistant reply: the video-call card offered with it (core/video/proposal). */
  card?: VideoCallCard;
}

export interface SessionRecord {
  sessionId: string;
  customerId: string;
  connectionId?: string;
  createdAt: string;
  language?: string;
  /** `assigned` while a person owns the conversation: the assistant stays silent then. */
  handoffStatus?: HandoffStatus;
  /** The agent who owns an assigned conversation. */
  handoffAgent?: string;
  handoffAgentName?: string;
}

/** What one assistant turn reads about its session (see ConversationRepository.readTurn). */
export interface TurnSnapshot {
  /** Undefined when the session is gone (erased or expired). */
  session: SessionRecord | undefined;
  /** The latest messages, oldest first, at most the history asked for. */
  recent: StoredMessage[];
  /** The proposal waiting for the shopper's yes, if any. */
  proposal: Proposal | undefined;
}

export type HandoffStatus = 'queued' | 'assigned' | 'closed';

export type AppendShopperResult =
  | { status: 'accepted'; message: StoredMessage; replySeq: number }
  | { status: 'duplicate'; seq: number }
  | { status: 'rate_limited'; retryAfterSeconds: number };

export type HandoffReason = 'shopper_request' | 'video_request' | 'needs_agent' | 'low_confidence';
export type HandoffPriority = 'urgent' | 'high' | 'normal' | 'low';

export interface HandoffRequest {
  sessionId: string;
  customerId: string;
  reason: HandoffReason;
  priority: HandoffPriority;
  /** Intent the assistant read, for the agent's queue; no message text (the transcript holds it). */
  intent?: string;
  requestedAt: string;
}

export interface ConversationRepository {
  getSession(sessionId: string): Promise<SessionRecord | undefined>;
  /** Creates the session for customerId if new and binds it to connectionId. Fails if owned by another. */
  bindSession(sessionId: string, customerId: string, connectionId: string): Promise<'bound' | 'forbidden'>;
  /**
   * Stores a shopper message once per clientMessageId, reserving the next sequence number for the reply
   * so that a reply always sorts after the message it answers.
   */
  appendShopperMessage(input: {
    sessionId: string;
    clientMessageId: string;
    text: string;
    attachments?: Attachment[];
    /** The storefront's language as the widget reported it (a supported language code). */
    locale?: string;
    /** The session's owner as the route verified them: lets the turn fetch their data with its first read. */
    customerId?: string;
    /** Also takes the message from the customer's own per-minute window (all their sessions), atomically. */
    customerLimit?: { key: string; perMinute: number };
  }): Promise<AppendShopperResult>;
  /** The session, its latest `historyTurns` messages and its pending proposal, in as few reads as it can. */
  readTurn(sessionId: string, historyTurns: number): Promise<TurnSnapshot>;
  putMessage(message: StoredMessage): Promise<void>;
  /** Stores the message unless its sequence is taken; then returns what holds it, which stays unchanged. */
  putMessageOnce(
    message: StoredMessage,
  ): Promise<{ status: 'stored' } | { status: 'exists'; message: StoredMessage }>;
  /** Reserves `count` more sequence numbers in the session; returns the first. */
  reserveSequences(sessionId: string, count: number): Promise<number>;
  /** Oldest first, strictly after `afterSeq`. */
  listMessagesAfter(sessionId: string, afterSeq: number, limit: number): Promise<StoredMessage[]>;
  /** The newest `limit` messages, oldest first. */
  listRecentMessages(sessionId: string, limit: number): Promise<StoredMessage[]>;
  /** Queues the session for a person; a session already waiting keeps its place and its first reason. */
  requestHandoff(request: HandoffRequest): Promise<'queued' | 'already_queued'>;
  /**
   * Raises the priority of a session waiting for a person; a session not waiting, or already at that
   * priority or above, is left as it is.
   */
  raiseHandoffPriority(sessionId: string, priority: HandoffPriority): Promise<'raised' | 'unchanged'>;
  /** An agent takes a waiting conversation; from then on the assistant does not answer in it. */
  assignHandoff(sessionId: string, agentId: string, agentName?: string): Promise<'assigned' | 'not_waiting'>;
  /** A supervisor moves an assigned conversation to another agent. */
  reassignHandoff(
    sessionId: string,
    agentId: string,
    agentName: string,
  ): Promise<'reassigned' | 'not_assigned'>;
  /** The agent hands the conversation back (or resolves it with a category); the assistant answers again. */
  closeHandoff(sessionId: string, resolution?: { category: string; by: string }): Promise<void>;
  /** Moves the session summary forward; older or repeated activity is a no-op. */
  recordActivity(activity: ConversationActivity): Promise<'recorded' | 'stale'>;
}

export interface ConnectionRecord {
  connectionId: string;
  customerId: string;
  sessionId: string;
  connectedAt: string;
}

export interface ConnectionRepository {
  put(record: ConnectionRecord): Promise<void>;
  get(connectionId: string): Promise<ConnectionRecord | undefined>;
  delete(connectionId: string): Promise<void>;
}
