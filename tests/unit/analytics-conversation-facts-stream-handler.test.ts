import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeIdleConversations } from '../../functions/core/analytics/contact-tracking';
import type { ContactState } from '../../functions/core/analytics/conversation-contacts';
import type { FactName } from '../../functions/core/analytics/facts';
import { analyseSentiment } from '../../functions/core/sentiment/model';
import type { AnalyticsSink } from '../../functions/ports/analytics-sink';
import { type AnalyticsStreamFactory, loadAnalyticsStreamFactory } from '../support/analytics-stream';
import { MemoryContactStateStore } from '../support/memory-contact-state-store';
import { MemoryProcessedEvents } from '../support/memory-processed-events';

let createAnalyticsStreamHandler: AnalyticsStreamFactory;

beforeAll(async () => {
  createAnalyticsStreamHandler = await loadAnalyticsStreamFactory();
});

/** Rows per fact table; `failFor` makes writes to one table throw until cleared. */
class TableSink implements AnalyticsSink {
  readonly rows: Partial<Record<FactName, unknown[]>> = {};
  failFor?: FactName;
  async write<K extends FactName>(fact: K, rows: readonly unknown[]) {
    if (this.failFor === fact) throw new Error('sink down');
    this.rows[fact] = [...(this.rows[fact] ?? []), ...rows];
  }
}

const SESSION = 's-1';
const minute = (n: number) => new Date(Date.UTC(2026, 10, 20, 10, 0) + n * 60_000).toISOString();
let sequence = 1000;

function record(
  eventName: 'INSERT' | 'MODIFY',
  keys: { pk: string; sk: string },
  newImage: Record<string, unknown>,
  oldImage?: Record<string, unknown>,
  eventID = `evt-${sequence + 1}`,
): DynamoDBRecord {
  sequence++;
  return {
    eventID,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      SequenceNumber: String(sequence),
      Keys: marshall(keys) as never,
      NewImage: marshall({ ...keys, ...newImage }, { removeUndefinedValues: true }) as never,
      ...(oldImage
        ? { OldImage: marshall({ ...keys, ...oldImage }, { removeUndefinedValues: true }) as never }
        : {}),
    },
  };
}

const message = (seq: number, role: string, text: string, at: string, sessionId = SESSION) =>
  record(
    'INSERT',
    { pk: `SESSION#${sessionId}`, sk: `MSG#${String(seq).padStart(12, '0')}` },
    { type: 'message', sessionId, seq, role, text, createdAt: at, channel: 'web' },
  );

const handoff = (requestedAt: string) =>
  record(
    'MODIFY',
    { pk: `SESSION#${SESSION}`, sk: 'META' },
    { type: 'session', handoffStatus: 'queued', handoffRequestedAt: requestedAt },
    { type: 'session' },
  );

const closeRecord = (before: ContactState, after: ContactState, eventID?: string) =>
  record(
    'MODIFY',
    { pk: `SESSION#${after.sessionId}`, sk: 'CONTACT' },
    { type: 'contact', ...after },
    { type: 'contact', ...before },
    eventID,
  );

const ANGRY = {
  label: 'negative' as const,
  scores: { positive: 0.01, negative: 0.95, neutral: 0.03, mixed: 0.01 },
};

function setup(detect?: (text: string) => void) {
  const counted: string[] = [];
  const sink = new TableSink();
  const claims = new MemoryProcessedEvents();
  const contacts = new MemoryContactStateStore();
  const handler = createAnalyticsStreamHandler({
    sink,
    processedEvents: claims,
    contacts,
    sentiment: {
      detect: async (texts) =>
        texts.map((input) => {
          detect?.(input.text);
          return input.text.includes('furious') ? ANGRY : analyseSentiment(input);
        }),
    },
    answeredMessageAt: async () => null,
    count: (name) => counted.push(name),
  });
  return { sink, claims, contacts, handler, counted };
}

const conversationCounts = (counted: readonly string[]) =>
  counted.filter((name) => name === 'ConversationClosed' || name === 'ConversationResolvedByAi');

describe('analytics stream: contact state and conversation facts', () => {
  it('keeps contact state from messages and hand-off changes, and turns its close into one conversation fact', async () => {
    const { sink, contacts, handler } = setup();
    await handler({
      Records: [
        message(0, 'shopper', 'Where is my order A1006? I am furious', minute(0)),
        message(1, 'assistant', 'It left the warehouse yesterday.', minute(0.5)),
        handoff(minute(1)),
      ],
    });
    expect(await contacts.get(SESSION)).toMatchObject({
      status: 'open',
      openedAt: minute(0),
      firstReplyAt: minute(0.5),
      handoffRequests: [minute(1)],
      worstSentiment: 'negative',
    });
    expect(sink.rows.conversation_facts).toBeUndefined();

    await closeIdleConversations(contacts, { now: new Date(minute(45)), idleMs: 30 * 60_000 });
    const [close] = contacts.closes;
    if (!close) throw new Error('not closed');
    const closing = closeRecord(close.before, close.after);
    const response = await handler({ Records: [closing] });
    expect(response.batchItemFailures).toEqual([]);
    expect(sink.rows.conversation_facts).toEqual([
      expect.objectContaining({
        conversation_id: SESSION,
        contact_no: 1,
        reopens: 0,
        opened_at: minute(0),
        closed_at: minute(0.5),
        first_response_ms: 30_000,
        handoffs: 1,
        resolved_by: null,
        first_contact_resolution: true,
        worst_sentiment: 'negative',
        dt: '2026-11-20',
      }),
    ]);

    // Redelivered: the claim makes it a no-op.
    await handler({ Records: [closing] });
    expect(sink.rows.conversation_facts).toHaveLength(1);
  });

  it('counts each stored conversation fact once, and the ones the AI resolved alone (what afterdesk cost divides by)', async () => {
    const { sink, contacts, handler, counted } = setup();
    await handler({
      Records: [
        message(0, 'shopper', 'Where is my order A1006?', minute(0)),
        message(1, 'assistant', 'It left the warehouse yesterday.', minute(0.5)),
      ],
    });
    await closeIdleConversations(contacts, { now: new Date(minute(45)), idleMs: 30 * 60_000 });
    const [close] = contacts.closes;
    if (!close) throw new Error('not closed');
    const closing = closeRecord(close.before, close.after);
    sink.failFor = 'conversation_facts';
    await handler({ Records: [closing] });
    // Not stored, not counted: the retry counts it.
    expect(conversationCounts(counted)).toEqual([]);
    sink.failFor = undefined;
    await handler({ Records: [closing] });
    await handler({ Records: [closing] });
    expect(sink.rows.conversation_facts).toEqual([expect.objectContaining({ resolved_by: 'ai' })]);
    expect(conversationCounts(counted)).toEqual(['ConversationClosed', 'ConversationResolvedByAi']);
  });

  it('writes nothing for contact changes other than a close', async () => {
    const { sink, contacts, handler } = setup();
    await handler({ Records: [message(0, 'shopper', 'hello, where is my parcel?', minute(0))] });
    const open = (await contacts.get(SESSION)) as ContactState;
    await handler({
      Records: [closeRecord(open, { ...open, lastMessageAt: minute(1), version: open.version + 1 })],
    });
    expect(sink.rows.conversation_facts).toBeUndefined();
  });

  it('fails the close record when the sink fails, and writes the fact once on the retry', async () => {
    const { sink, claims, contacts, handler } = setup();
    await handler({ Records: [message(0, 'shopper', 'my shoes are too small', minute(0))] });
    await closeIdleConversations(contacts, { now: new Date(minute(45)), idleMs: 30 * 60_000 });
    const [close] = contacts.closes;
    if (!close) throw new Error('not closed');
    const closing = closeRecord(close.before, close.after);
    sink.failFor = 'conversation_facts';
    const failed = await handler({ Records: [closing] });
    expect(failed.batchItemFailures).toEqual([{ itemIdentifier: closing.dynamodb?.SequenceNumber }]);
    expect(claims.status.get(closing.eventID as string)).toBe('released');
    sink.failFor = undefined;
    expect((await handler({ Records: [closing] })).batchItemFailures).toEqual([]);
    await handler({ Records: [closing] });
    expect(sink.rows.conversation_facts).toHaveLength(1);
  });

  it("holds back a session's later messages when an earlier one failed, so the retry applies them in order", async () => {
    let failOnce = true;
    const { sink, claims, contacts, handler } = setup((text) => {
      if (text.includes('flaky') && failOnce) {
        failOnce = false;
        throw new Error('sentiment unavailable');
      }
    });
    const first = message(0, 'shopper', 'flaky question about my order', minute(0));
    const reply = message(1, 'assistant', 'Here is your order status.', minute(1));
    const other = message(0, 'shopper', 'where is my order?', minute(0), 's-2');
    const response = await handler({ Records: [first, reply, other] });
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(
      [first.dynamodb?.SequenceNumber, reply.dynamodb?.SequenceNumber].sort(),
    );
    expect(claims.status.get(reply.eventID as string)).toBe('released');
    expect(await contacts.get(SESSION)).toBeUndefined();
    expect(await contacts.get('s-2')).toMatchObject({ status: 'open', openedAt: minute(0) });
    expect(sink.rows.message_facts).toHaveLength(1);

    expect((await handler({ Records: [first, reply, other] })).batchItemFailures).toEqual([]);
    expect(await contacts.get(SESSION)).toMatchObject({ openedAt: minute(0), firstReplyAt: minute(1) });
    expect(sink.rows.message_facts).toHaveLength(3);
  });
});
