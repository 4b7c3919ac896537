import * as z from 'zod';
import type { Claim } from '../after-sales/claims';
import type { Rma } from '../after-sales/rma';
import { OrderSchema } from '../orders';
import type { Attachment } from '../protocol';
import type { AgentIdentity } from './agent-identity';
import { entryForAgents, type QueueEntry } from './queue';

/** The agent API's frames (docs/console.md). Every command may carry a requestId its answer echoes. */
const requestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional();
const sessionId = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'sessionId is not a session id');
const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'language must be a language tag such as en or zh-TW')
  .optional();
export const MAX_AGENT_TEXT_CHARS = 4000;
export const RESOLUTION_CATEGORIES = [
  'answered',
  'refund_approved',
  'refund_refused',
  'return_approved',
  'replacement_sent',
  'claim_closed',
  'no_response',
  'other',
] as const;
export const CLAIM_OUTCOMES = ['refunded', 'replaced', 'repaired', 'rejected', 'resolved_other'] as const;

export const AgentCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('listQueue'), requestId }),
  z.object({ action: z.literal('openConversation'), requestId, sessionId, agentLanguage: language }),
  z.object({ action: z.literal('takeOver'), requestId, sessionId }),
  z.object({ action: z.literal('handBack'), requestId, sessionId }),
  z.object({
    action: z.literal('resolve'),
    requestId,
    sessionId,
    category: z.enum(RESOLUTION_CATEGORIES, {
      error: `category must be one of ${RESOLUTION_CATEGORIES.join(', ')}`,
    }),
  }),
  z.object({
    action: z.literal('reply'),
    requestId,
    sessionId,
    text: z
      .string()
      .trim()
      .min(1, 'text must not be empty')
      .max(MAX_AGENT_TEXT_CHARS, `text must be at most ${MAX_AGENT_TEXT_CHARS} characters`),
    /** The language the agent wrote in; the shopper receives theirs when a translator is available. */
    agentLanguage: language,
    /** False sends the text exactly as written (a canned or suggested reply already in the shopper's language). */
    translate: z.boolean().default(true),
  }),
  z.object({ action: z.literal('typing'), requestId, sessionId }),
  z.object({ action: z.literal('setPresence'), requestId, status: z.enum(['online', 'away']) }),
  z.object({
    action: z.literal('reassign'),
    requestId,
    sessionId,
    agentId: z.string().min(1).max(128),
  }),
  z.object({
    action: z.literal('caseAction'),
    requestId,
    sessionId,
    kind: z.enum(['approveReturn', 'approveRefund', 'refuseRefund', 'closeClaim']),
    orderId: z.string().max(40).optional(),
    rmaId: z.string().max(60).optional(),
    claimId: z.string().max(60).optional(),
    outcome: z.enum(CLAIM_OUTCOMES).optional(),
  }),
  z.object({
    action: z.literal('addNote'),
    requestId,
    sessionId,
    text: z.string().trim().min(1, 'a note must not be empty').max(MAX_AGENT_TEXT_CHARS),
  }),
  z.object({
    action: z.literal('readAudit'),
    requestId,
    limit: z.number().int().min(1).max(500).default(100),
  }),
  z.object({ action: z.literal('suggestReply'), requestId, sessionId }),
  z.object({ action: z.literal('ping'), requestId }),
]);
export type AgentCommand = z.infer<typeof AgentCommandSchema>;
export type AgentAction = AgentCommand['action'];

export const AGENT_ERROR_CODES = [
  'invalid_json',
  'invalid_command',
  'forbidden',
  'not_owner',
  'not_waiting',
  'not_found',
  'supervisor_only',
  'policy_refused',
  'internal_error',
] as const;
export type AgentErrorCode = (typeof AGENT_ERROR_CODES)[number];

export interface ConsolePhoto {
  key: string;
  /** A presigned GET in AWS, a local URL under npm start; short-lived either way. */
  url?: string;
  /** What was read from the photo (labels, damage), when the photo pipeline stored it on the message. */
  reading?: string;
}

export interface ConsoleMessage {
  seq: number;
  role: 'shopper' | 'assistant' | 'agent' | 'system';
  text: string;
  createdAt: string;
  language?: string;
  intent?: string;
  /** For agent messages: who wrote it and what they wrote before translation. */
  agentName?: string;
  original?: { text: string; language?: string };
  /** For shopper messages shown to an agent: their language, or `untranslated` with no model. */
  translation?: { text: string; from: string } | { untranslated: true };
  photos?: ConsolePhoto[];
  event?: string;
}

export interface CannedReply {
  id: string;
  language: string;
  title: string;
  text: string;
}

export interface Viewer {
  agentId: string;
  firstName: string;
}

export type AgentEvent =
  | {
      type: 'queue';
      requestId?: string;
      me: AgentIdentity;
      entries: QueueEntry[];
      responseTargetMinutes: number;
      presence: Array<{ agentId: string; firstName: string; status: 'online' | 'away' }>;
    }
  | { type: 'queueEntry'; entry: QueueEntry; isNew: boolean }
  | {
      type: 'conversation';
      requestId?: string;
      sessionId: string;
      entry?: QueueEntry;
      messages: ConsoleMessage[];
      notes: Array<{ at: string; firstName: string; text: string }>;
      order?: AgentOrder;
      returns: AgentRma[];
      claims: AgentClaim[];
      earlier: QueueEntry[];
      viewers: Viewer[];
      cannedReplies: CannedReply[];
      translator: { available: boolean };
    }
  | { type: 'message'; sessionId: string; message: ConsoleMessage }
  | { type: 'viewers'; sessionId: string; viewers: Viewer[] }
  | {
      type: 'presence';
      presence: Array<{ agentId: string; firstName: string; status: 'online' | 'away' }>;
    }
  | { type: 'done'; requestId?: string; action: AgentAction; sessionId?: string; detail?: string }
  | { type: 'suggestion'; requestId?: string; sessionId: string; language: string; text: string }
  | {
      type: 'audit';
      requestId?: string;
      entries: Array<{
        at: string;
        agentEmail: string;
        action: string;
        sessionId?: string;
        detail?: Record<string, string | number | boolean>;
      }>;
    }
  | { type: 'note'; sessionId: string; note: { at: string; firstName: string; text: string } }
  | { type: 'pong'; requestId?: string }
  | { type: 'error'; requestId?: string; code: AgentErrorCode; message: string };

/**
 * The order, returns and cases as agents get them: everything about the purchase, not the shopper's
 * internal customer id nor the order's email (agents write through the conversation, never by mail).
 */
const AgentOrderSchema = OrderSchema.omit({ customerId: true, email: true });
// Through the schema: Omit<> over the order's open index signature would lose its named fields.
export type AgentOrder = z.infer<typeof AgentOrderSchema>;
export type AgentRma = Omit<Rma, 'customerId'>;
export type AgentClaim = Omit<Claim, 'customerId'>;

const without = <T extends object, K extends string>(value: T, keys: readonly K[]): Omit<T, K> => {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
};

/**
 * Every event on its way to an agent passes here (command answers and broadcasts): the stored records it
 * is built from carry the shopper's customer id, which an agent does not need, so it never leaves.
 */
export function forAgents(event: AgentEvent): AgentEvent {
  switch (event.type) {
    case 'queue':
      return { ...event, entries: event.entries.map(entryForAgents) };
    case 'queueEntry':
      return { ...event, entry: entryForAgents(event.entry) };
    case 'conversation':
      return {
        ...event,
        ...(event.entry ? { entry: entryForAgents(event.entry) } : {}),
        ...(event.order ? { order: without(event.order, ['customerId', 'email']) as AgentOrder } : {}),
        returns: event.returns.map((rma) => without(rma, ['customerId'])),
        claims: event.claims.map((claim) => without(claim, ['customerId'])),
        earlier: event.earlier.map(entryForAgents),
      };
    default:
      return event;
  }
}

export function agentError(code: AgentErrorCode, message: string, id?: string): AgentEvent {
  return id ? { type: 'error', requestId: id, code, message } : { type: 'error', code, message };
}

export type { Attachment };
