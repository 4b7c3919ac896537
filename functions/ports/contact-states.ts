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
  /**
   * Several sessions' states in one call where the store allows. `remembered`: a state this process saved
   * last may stand in for a read (the save's version condition catches one that moved since).
   */
  getMany?(
    sessionIds: readonly string[],
    options?: { remembered?: boolean },
  ): Promise<Map<string, ContactState | undefined>>;
  /** Stores `state` if the stored version is still `state.version`, raising it; `conflict` otherwise. */
  save(state: ContactState): Promise<'saved' | 'conflict'>;
  /**
   * `save` for several sessions in one call where the store allows, each with its own condition. Throws
   * when the store fails other than by a condition; the caller then saves each on its own.
   */
  saveMany?(states: readonly ContactState[]): Promise<Map<string, 'saved' | 'conflict'>>;
  /** Open contacts of one shard whose last message is before `before`, oldest first. */
  listIdle(shard: number, before: string, limit: number): Promise<IdleContact[]>;
  /**
   * Closes the contact at its last message if it is still open and nobody wrote since it was listed;
   * `changed` when either is no longer true.
   */
  close(contact: IdleContact): Promise<'closed' | 'changed'>;
}
