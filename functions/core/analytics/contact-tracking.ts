/**
 * The two use cases around contact state: folding stream events into it, and closing idle contacts. Both
 * talk to the store through its port only.
 */

import type { ContactStateStore } from '../../ports/contact-states';
import {
  applyContactEvents,
  type ContactEvent,
  type ContactState,
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

/**
 * `recordContactEvents` for every session of a stream batch at once: one read of all their states (none
 * for states this process saved last) and one conditional write of those that changed, instead of a read
 * and a write per session. Sessions whose version moved are folded again onto a fresh read, as above. If
 * the store fails other than by a condition, each session is saved on its own, so one bad contact fails
 * alone. Returns each session's outcome, or the error that failed it.
 */
export async function recordContactEventsOfSessions(
  store: ContactStateStore,
  eventsBySession: ReadonlyMap<string, readonly ContactEvent[]>,
  options: { maxAttempts?: number; reopenWindowMs?: number } = {},
): Promise<Map<string, 'updated' | 'unchanged' | Error>> {
  const outcomes = new Map<string, 'updated' | 'unchanged' | Error>();
  const attempts = options.maxAttempts ?? 5;
  let pending = [...eventsBySession.keys()].filter((id) => (eventsBySession.get(id) ?? []).length > 0);
  for (let attempt = 0; attempt < attempts && pending.length > 0; attempt++) {
    let states: Map<string, ContactState | undefined>;
    try {
      states = await readStates(store, pending, attempt === 0);
    } catch (error) {
      for (const sessionId of pending) outcomes.set(sessionId, asError(error));
      return outcomes;
    }
    const changed: ContactState[] = [];
    for (const sessionId of pending) {
      const next = applyContactEvents(
        states.get(sessionId),
        eventsBySession.get(sessionId) ?? [],
        options.reopenWindowMs ?? REOPEN_WINDOW_MS,
      );
      if (next) changed.push(next);
      else outcomes.set(sessionId, 'unchanged');
    }
    const saved = await saveStates(store, changed);
    pending = [];
    for (const state of changed) {
      const outcome = saved.get(state.sessionId);
      if (outcome === 'saved') outcomes.set(state.sessionId, 'updated');
      else if (outcome === 'conflict' || outcome === undefined) pending.push(state.sessionId);
      else outcomes.set(state.sessionId, outcome);
    }
  }
  for (const sessionId of pending)
    outcomes.set(
      sessionId,
      new ContactConflictError(`contact state kept changing under ${attempts} attempts`),
    );
  return outcomes;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

async function readStates(store: ContactStateStore, sessionIds: string[], remembered: boolean) {
  if (store.getMany) return store.getMany(sessionIds, { remembered });
  const states = await Promise.all(sessionIds.map((sessionId) => store.get(sessionId)));
  return new Map(sessionIds.map((sessionId, index) => [sessionId, states[index]]));
}

async function saveStates(
  store: ContactStateStore,
  states: readonly ContactState[],
): Promise<Map<string, 'saved' | 'conflict' | Error>> {
  if (states.length === 0) return new Map();
  if (store.saveMany && states.length > 1) {
    try {
      return await store.saveMany(states);
    } catch {
      // One contact the store refuses must not hold back the others: each is saved on its own below.
    }
  }
  const results = await Promise.allSettled(states.map((state) => store.save(state)));
  return new Map(
    states.map((state, index) => {
      const result = results[index] as PromiseSettledResult<'saved' | 'conflict'>;
      return [state.sessionId, result.status === 'fulfilled' ? result.value : asError(result.reason)];
    }),
  );
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
