import type { AgentIdentity, AgentRole } from '../core/console/agent-identity';
import type { AgentEvent } from '../core/console/agent-protocol';
import type { StoredQueueEntry } from '../core/console/queue';

/** Verifies an agent's token: Cognito's user pool in AWS, the local signing key under npm start. */
export interface AgentTokenVerifier {
  /** Throws AgentTokenRejectedError for a missing, forged, expired or non-agent token. */
  verify(token: string | undefined): Promise<AgentIdentity>;
}

/** The live queue: one entry per conversation waiting for or owned by a person. */
export interface HandoffQueueStore {
  putEntry(entry: StoredQueueEntry): Promise<void>;
  getEntry(sessionId: string): Promise<StoredQueueEntry | undefined>;
  /** Every open entry (queued or assigned). */
  listEntries(): Promise<StoredQueueEntry[]>;
  removeEntry(sessionId: string): Promise<void>;
  /** Closed entries of one customer, newest first: their earlier conversations with the team. */
  listClosedForCustomer(customerId: string, limit: number): Promise<StoredQueueEntry[]>;
}

export interface AgentConnection {
  connectionId: string;
  agentId: string;
  firstName: string;
  role: AgentRole;
  connectedAt: string;
  /** The conversation this agent has open, for "who is viewing", and the language they read in. */
  viewing?: string;
  language?: string;
}

export interface AgentConnectionStore {
  addConnection(connection: AgentConnection): Promise<void>;
  removeConnection(connectionId: string): Promise<void>;
  getConnection(connectionId: string): Promise<AgentConnection | undefined>;
  listConnections(): Promise<AgentConnection[]>;
  setViewing(connectionId: string, sessionId: string | undefined, language?: string): Promise<void>;
}

export type PresenceStatus = 'online' | 'away';

export interface AgentPresence {
  agentId: string;
  firstName: string;
  status: PresenceStatus;
  updatedAt: string;
}

export interface PresenceStore {
  setPresence(presence: AgentPresence): Promise<void>;
  listPresence(): Promise<AgentPresence[]>;
}

export interface AuditEntry {
  at: string;
  agentId: string;
  agentEmail: string;
  action: string;
  sessionId?: string;
  /** Ids and outcomes only (category, rmaId, claimId…): never message text, which is PII. */
  detail?: Record<string, string | number | boolean>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<AuditEntry[]>;
}

export interface InternalNote {
  sessionId: string;
  at: string;
  agentId: string;
  firstName: string;
  text: string;
}

/** Notes agents leave on a case: never shown to the shopper nor replayed on resume. */
export interface NoteStore {
  addNote(note: InternalNote): Promise<void>;
  listNotes(sessionId: string): Promise<InternalNote[]>;
}

/** Pushes to agents' connections on the agent API (API Gateway @connections, or the local gateway's). */
export interface AgentPush {
  send(connectionId: string, event: AgentEvent): Promise<'delivered' | 'gone'>;
}

export type Translation =
  | { translated: true; text: string; sourceLanguage: string }
  /** No translation model (local mode), or the language pair is not supported: the text as written. */
  | { translated: false; text: string };

/** Two-way translation for agents: Amazon Translate in AWS; none locally. */
export interface Translator {
  readonly available: boolean;
  translate(text: string, to: string, from?: string): Promise<Translation>;
}
