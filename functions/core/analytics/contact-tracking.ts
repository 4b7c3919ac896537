/**
 * The two use cases around contact state: folding stream events into it, and closing idle contacts. Both
 * talk to the store through its port only.
 */

import type { ContactStateStore } from '../../ports/contact-states';
import {
  applyContactEvents,
  type ContactEvent,
  OPEN_CONTACT_SHARDS,
  REOPEN_WINDOW_MS,
} from './conversation-contacts';

export class ContactConflictError extends Error {}

/**
 * Applies one session's events, in stream order, to its contact state. A concurrent write (the closer, or
 * another invocation) makes the conditional save fail; the events are then folded again onto the fresh
 * state, which is safe because applying an event twice changes nothing.
 */
export async function recordContactEvents(
  store: ContactStateStore,
  sessionId: string,
  events: readonly ContactEvent[],
  options: { maxAttempts?: number; reopenWindowMs?: number } = {},
): Promise<'updated' | 'unchanged'> {
  const attempts = options.maxAttempts ?? 5;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const next = applyContactEvents(
      await store.get(sessionId),
      events,
      options.reopenWindowMs ?? REOPEN_WINDOW_MS,
    );
    if (!next) return 'unchanged';
    if ((await store.save(next)) === 'saved') return 'updated';
  }
  throw new ContactConflictError(`contact state kept changing under ${attempts} attempts`);
}

export interface CloseIdleOptions {
  now: Date;
  idleMs: number;
  shards?: number;
  /** Contacts looked at per shard and run; the rest wait for the next run. */
  limitPerShard?: number;
}

/**
 * Closes every open contact idle for `idleMs` at `now`: each close is conditional on the contact still
 * being open with the last message the index showed, so a shopper writing meanwhile keeps it open.
 */
export async function closeIdleConversations(
  store: ContactStateStore,
  options: CloseIdleOptions,
): Promise<{ closed: number; changed: number }> {
  const before = new Date(options.now.getTime() - options.idleMs).toISOString();
  const shards = Array.from({ length: options.shards ?? OPEN_CONTACT_SHARDS }, (_, shard) => shard);
  const outcomes = await Promise.all(
    shards.map(async (shard) => {
      const idle = await store.listIdle(shard, before, options.limitPerShard ?? 500);
      const results: Array<'closed' | 'changed'> = [];
      for (const contact of idle) results.push(await store.close(contact));
      return results;
    }),
  );
  const all = outcomes.flat();
  return {
    closed: all.filter((outcome) => outcome === 'closed').length,
    changed: all.filter((outcome) => outcome === 'changed').length,
  };
}
