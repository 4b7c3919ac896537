/**
 * What happens in a conversation, as the domain names it. Adapters decode storage changes (DynamoDB stream
 * records in both modes) into these events; use cases (analytics, and later notifications and the agent
 * console's live queue) are fed by them and never see a storage key.
 */

import type { StoredMessage } from '../../ports/repositories';
import type { ContactState } from '../analytics/conversation-contacts';

/**
 * A stored message, with the storefront surface and product it came from when the item says, and for a
 * shopper message the session's owner as the sendMessage route verified it (absent on older items).
 */
export type ConversationMessage = StoredMessage & { channel?: string; sku?: string; customerId?: string };

/** A message was stored (shopper, assistant, agent or system). */
export interface MessageStored {
  kind: 'message_stored';
  message: ConversationMessage;
}

/** A message left the store: DynamoDB's TTL (retention at work) or a delete (an erasure request). */
export interface MessageRemoved {
  kind: 'message_removed';
  sessionId: string;
  cause: 'expired' | 'erased';
}

/** The shopper asked for a person (or the assistant handed over): the session joined the hand-off queue. */
export interface HandoffRequested {
  kind: 'handoff_requested';
  sessionId: string;
  at: string;
}

/** An agent took a queued conversation. */
export interface AgentJoined {
  kind: 'agent_joined';
  sessionId: string;
  at: string;
}

/** A contact went quiet for the idle threshold and closed: the conversation analysts count. */
export interface ContactClosed {
  kind: 'contact_closed';
  contact: ContactState;
}

/**
 * Other engineers add theirs here (video session ended, photo understood): a consumer that does not know an
 * event's kind ignores it.
 */
export type ConversationEvent =
  | MessageStored
  | MessageRemoved
  | HandoffRequested
  | AgentJoined
  | ContactClosed;
