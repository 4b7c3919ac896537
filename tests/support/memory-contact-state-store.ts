import { type ContactState, openContactShard } from '../../functions/core/analytics/conversation-contacts';
import type { ContactStateStore, IdleContact } from '../../functions/ports/contact-states';

/** The contact state store's contract in memory: versioned saves and the closer's conditional close. */
export class MemoryContactStateStore implements ContactStateStore {
  readonly states = new Map<string, ContactState>();
  /** Closes reported as MODIFY transitions, in order: what the stream would carry. */
  readonly closes: Array<{ before: ContactState; after: ContactState }> = [];

  constructor(private readonly shards = 4) {}

  async get(sessionId: string) {
    const state = this.states.get(sessionId);
    return state ? structuredClone(state) : undefined;
  }

  async save(state: ContactState): Promise<'saved' | 'conflict'> {
    const current = this.states.get(state.sessionId);
    if ((current?.version ?? 0) !== state.version) return 'conflict';
    this.states.set(state.sessionId, { ...structuredClone(state), version: state.version + 1 });
    return 'saved';
  }

  async listIdle(shard: number, before: string, limit: number): Promise<IdleContact[]> {
    return [...this.states.values()]
      .filter(
        (state) =>
          state.status === 'open' &&
          openContactShard(state.sessionId, this.shards) === shard &&
          state.lastMessageAt < before,
      )
      .sort((a, b) => a.lastMessageAt.localeCompare(b.lastMessageAt))
      .slice(0, limit)
      .map((state) => ({ sessionId: state.sessionId, lastMessageAt: state.lastMessageAt }));
  }

  async close(contact: IdleContact): Promise<'closed' | 'changed'> {
    const current = this.states.get(contact.sessionId);
    if (current?.status !== 'open' || current.lastMessageAt !== contact.lastMessageAt) return 'changed';
    const after: ContactState = {
      ...current,
      status: 'closed',
      closedAt: current.lastMessageAt,
      version: current.version + 1,
    };
    this.states.set(contact.sessionId, after);
    this.closes.push({ before: current, after });
    return 'closed';
  }
}
