import type { ContactState } from '../core/analytics/conversation-contacts';

/** An open contact the closer found idle, as the index shows it. */
export interface IdleContact {
  sessionId: string;
  lastMessageAt: string;
}

/**
 * Per-session contact state (the Conversations table in both modes). Writes are conditional on the version
 * read, so the stream handler and the closer never overwrite each other's change.
 */
export interface ContactStateStore {
  get(sessionId: string): Promise<ContactState | undefined>;
  /** Stores `state` if the stored version is still `state.version`, raising it; `conflict` otherwise. */
  save(state: ContactState): Promise<'saved' | 'conflict'>;
  /** Open contacts of one shard whose last message is before `before`, oldest first. */
  listIdle(shard: number, before: string, limit: number): Promise<IdleContact[]>;
  /**
   * Closes the contact at its last message if it is still open and nobody wrote since it was listed;
   * `changed` when either is no longer true.
   */
  close(contact: IdleContact): Promise<'closed' | 'changed'>;
}
