import { describe, expect, it } from 'vitest';
import { handoffEventOf as contactEventFromSessionChange } from '../../functions/adapters/aws/conversation-stream-events';
import { closeIdleConversations, recordContactEvents } from '../../functions/core/analytics/contact-tracking';
import {
  applyContactEvent,
  applyContactEvents,
  type ContactEvent,
  type ContactState,
  isIdle,
  toConversationFact,
} from '../../functions/core/analytics/conversation-contacts';
import type { FactRole, SentimentLabel } from '../../functions/core/analytics/facts';
import { MemoryContactStateStore } from '../support/memory-contact-state-store';

const SESSION = 's-1';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, 0) + minute * 60_000).toISOString();
const DAY_MINUTES = 24 * 60;

const msg = (
  minute: number,
  role: FactRole,
  extra: { intent?: string | null; sentiment?: SentimentLabel | null } = {},
): ContactEvent => ({
  kind: 'message',
  sessionId: SESSION,
  at: at(minute),
  role,
  channel: 'web',
  intent: extra.intent ?? null,
  sentiment: extra.sentiment ?? null,
});

function fold(...events: ContactEvent[]): ContactState {
  const state = applyContactEvents(undefined, events);
  if (!state) throw new Error('no contact opened');
  return state;
}

/** What the closer does to an idle contact. */
const close = (state: ContactState): ContactState => ({
  ...state,
  status: 'closed',
  closedAt: state.lastMessageAt,
  version: state.version + 1,
});

describe('contact state', () => {
  it('opens on the first shopper message, not on a reply nobody asked for', () => {
    expect(applyContactEvent(undefined, msg(0, 'assistant'))).toBeUndefined();
    const state = fold(msg(0, 'shopper'));
    expect(state).toMatchObject({
      status: 'open',
      contactNo: 1,
      openedAt: at(0),
      lastMessageAt: at(0),
      reopens: 0,
    });
  });

  it('measures the first response from the opening shopper message to the first reply', () => {
    const state = close(
      fold(msg(0, 'shopper'), msg(0.5, 'assistant'), msg(3, 'shopper'), msg(4, 'assistant')),
    );
    const fact = toConversationFact(state);
    expect(fact.first_response_ms).toBe(30_000);
    expect(fact.opened_at).toBe(at(0));
    expect(fact.closed_at).toBe(at(4));
    expect(fact.resolved_by).toBe('ai');
    expect(fact.first_contact_resolution).toBe(true);
    expect(fact).toMatchObject({ contact_no: 1, reopens: 0, conversation_id: SESSION, channel: 'web' });
    expect(fact.dt).toBe('2026-11-20');
  });

  it('changes nothing when the same message is applied twice', () => {
    const state = fold(msg(0, 'shopper', { sentiment: 'negative' }), msg(1, 'assistant'));
    expect(applyContactEvent(state, msg(0, 'shopper', { sentiment: 'negative' }))).toBeUndefined();
    expect(applyContactEvent(state, msg(1, 'assistant'))).toBeUndefined();
  });

  it("keeps the worst sentiment of the shopper's messages and the first intent that says what they need", () => {
    const state = fold(
      msg(0, 'shopper', { intent: 'smalltalk', sentiment: 'positive' }),
      msg(1, 'shopper', { intent: 'track_order', sentiment: 'negative' }),
      msg(2, 'shopper', { intent: 'return_request', sentiment: 'neutral' }),
      msg(3, 'assistant', { sentiment: 'positive' }),
    );
    expect(state.worstSentiment).toBe('negative');
    expect(state.primaryIntent).toBe('track_order');
  });

  it('counts a hand-off once however often its request is seen, and credits a person only when one joined', () => {
    const requested: ContactEvent = { kind: 'handoff_requested', sessionId: SESSION, at: at(1) };
    const queued = fold(msg(0, 'shopper'), msg(0.2, 'assistant'), requested);
    expect(applyContactEvent(queued, requested)).toBeUndefined();
    const unanswered = toConversationFact(close(queued));
    expect(unanswered.handoffs).toBe(1);
    expect(unanswered.resolved_by).toBeNull();

    const taken = applyContactEvents(queued, [{ kind: 'agent_assigned', sessionId: SESSION, at: at(2) }]);
    if (!taken) throw new Error('assignment changed nothing');
    expect(toConversationFact(close(taken)).resolved_by).toBe('human');
    const agentWrote = fold(msg(0, 'shopper'), msg(3, 'agent'));
    expect(toConversationFact(close(agentWrote))).toMatchObject({
      resolved_by: 'human',
      first_response_ms: 180_000,
    });
  });

  it('reopens the same contact when the shopper is back within 7 days, which is no longer first-contact resolution', () => {
    const closed = close(fold(msg(0, 'shopper', { intent: 'track_order' }), msg(1, 'assistant')));
    const reopened = applyContactEvent(closed, msg(3 * DAY_MINUTES, 'shopper', { sentiment: 'negative' }));
    expect(reopened).toMatchObject({
      status: 'open',
      contactNo: 1,
      reopens: 1,
      openedAt: at(0),
      closedAt: null,
      worstSentiment: 'negative',
    });
    if (!reopened) throw new Error('not reopened');
    // The reopening message redelivered: nothing more.
    expect(
      applyContactEvent(reopened, msg(3 * DAY_MINUTES, 'shopper', { sentiment: 'negative' })),
    ).toBeUndefined();
    const fact = toConversationFact(close(reopened));
    expect(fact).toMatchObject({
      contact_no: 1,
      reopens: 1,
      first_contact_resolution: false,
      primary_intent: 'track_order',
    });
    expect(fact.first_response_ms).toBe(60_000);
  });

  it('starts a new contact with fresh counters when the shopper is back after 7 days', () => {
    const closed = close(
      fold(msg(0, 'shopper', { intent: 'track_order', sentiment: 'negative' }), msg(1, 'assistant'), {
        kind: 'handoff_requested',
        sessionId: SESSION,
        at: at(1.5),
      }),
    );
    const later = 8 * DAY_MINUTES;
    const next = applyContactEvent(
      closed,
      msg(later, 'shopper', { intent: 'size_advice', sentiment: 'neutral' }),
    );
    expect(next).toMatchObject({
      status: 'open',
      contactNo: 2,
      reopens: 0,
      openedAt: at(later),
      previousClosedAt: at(1),
      handoffRequests: [],
      worstSentiment: 'neutral',
      primaryIntent: 'size_advice',
      firstReplyAt: null,
    });
    if (!next) throw new Error('no new contact');
    // A late copy of the previous contact's message belongs to that contact.
    expect(applyContactEvent(next, msg(1, 'assistant'))).toBeUndefined();
    expect(toConversationFact(close(next)).first_contact_resolution).toBe(true);
  });

  it('ignores a late message from before the close, and a reply that comes after it without the shopper', () => {
    const closed = close(fold(msg(0, 'shopper'), msg(5, 'assistant')));
    expect(applyContactEvent(closed, msg(2, 'shopper'))).toBeUndefined();
    expect(applyContactEvent(closed, msg(60, 'agent'))).toBeUndefined();
    expect(
      applyContactEvent(closed, { kind: 'handoff_requested', sessionId: SESSION, at: at(60) }),
    ).toBeUndefined();
  });

  it('is a fact only once closed', () => {
    expect(() => toConversationFact(fold(msg(0, 'shopper')))).toThrow(/closed/);
  });

  it('is idle once the threshold has passed since the last message', () => {
    const state = fold(msg(0, 'shopper'));
    expect(isIdle(state, new Date(at(29)), 30 * 60_000)).toBe(false);
    expect(isIdle(state, new Date(at(30)), 30 * 60_000)).toBe(true);
    expect(isIdle(close(state), new Date(at(90)), 30 * 60_000)).toBe(false);
  });
});

describe('hand-off changes on the session item', () => {
  const meta = (fields: Record<string, unknown>) => ({
    pk: `SESSION#${SESSION}`,
    sk: 'META',
    type: 'session',
    ...fields,
  });

  it('reads a new request and an assignment, and nothing from unrelated changes', () => {
    expect(
      contactEventFromSessionChange(
        meta({ seq: 3 }),
        meta({ seq: 3, handoffStatus: 'queued', handoffRequestedAt: at(1) }),
      ),
    ).toEqual({ kind: 'handoff_requested', sessionId: SESSION, at: at(1) });
    const queued = meta({ handoffStatus: 'queued', handoffRequestedAt: at(1) });
    expect(contactEventFromSessionChange(queued, { ...queued, seq: 9 })).toBeUndefined();
    expect(
      contactEventFromSessionChange(queued, {
        ...queued,
        handoffStatus: 'assigned',
        handoffAssignedAt: at(2),
      }),
    ).toEqual({ kind: 'agent_joined', sessionId: SESSION, at: at(2) });
    expect(
      contactEventFromSessionChange(undefined, { pk: 'SESSION#x', sk: 'MSG#1', type: 'message' }),
    ).toBeUndefined();
  });
});

describe('recording events and closing idle contacts', () => {
  it('folds events again onto fresh state when a concurrent write won', async () => {
    const store = new MemoryContactStateStore();
    await recordContactEvents(store, SESSION, [msg(0, 'shopper')]);
    let raced = false;
    const racing = Object.create(store) as MemoryContactStateStore;
    racing.save = async (state) => {
      if (!raced) {
        raced = true;
        // Someone else writes first: the version the caller read is stale now.
        await store.save({ ...((await store.get(SESSION)) as ContactState), worstSentiment: 'mixed' });
        return store.save(state);
      }
      return store.save(state);
    };
    expect(await recordContactEvents(racing, SESSION, [msg(1, 'assistant')])).toBe('updated');
    expect(await store.get(SESSION)).toMatchObject({
      worstSentiment: 'mixed',
      assistantReplied: true,
      lastMessageAt: at(1),
    });
    expect(await recordContactEvents(store, SESSION, [msg(1, 'assistant')])).toBe('unchanged');
  });

  it('closes contacts idle past the threshold at their last message, and leaves the others open', async () => {
    const store = new MemoryContactStateStore();
    await recordContactEvents(store, 'idle', [{ ...msg(0, 'shopper'), sessionId: 'idle' }]);
    await recordContactEvents(store, 'busy', [{ ...msg(50, 'shopper'), sessionId: 'busy' }]);
    const result = await closeIdleConversations(store, { now: new Date(at(60)), idleMs: 30 * 60_000 });
    expect(result).toEqual({ closed: 1, changed: 0 });
    expect(await store.get('idle')).toMatchObject({ status: 'closed', closedAt: at(0) });
    expect(await store.get('busy')).toMatchObject({ status: 'open', closedAt: null });
    expect(await closeIdleConversations(store, { now: new Date(at(60)), idleMs: 30 * 60_000 })).toEqual({
      closed: 0,
      changed: 0,
    });
  });

  it('does not close a contact the shopper wrote to after it was found idle', async () => {
    const store = new MemoryContactStateStore();
    await recordContactEvents(store, SESSION, [msg(0, 'shopper')]);
    const writing = Object.create(store) as MemoryContactStateStore;
    writing.listIdle = async (shard, before, limit) => {
      const idle = await store.listIdle(shard, before, limit);
      if (idle.length > 0) await recordContactEvents(store, SESSION, [msg(45, 'shopper')]);
      return idle;
    };
    expect(await closeIdleConversations(writing, { now: new Date(at(40)), idleMs: 30 * 60_000 })).toEqual({
      closed: 0,
      changed: 1,
    });
    expect(await store.get(SESSION)).toMatchObject({ status: 'open', lastMessageAt: at(45) });
  });
});
