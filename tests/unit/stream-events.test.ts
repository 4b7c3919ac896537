import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { decodeConversationRecord } from '../../functions/adapters/aws/conversation-stream-events';
import {
  ANALYTICS_CONVERSATION_FILTERS,
  CONVERSATION_ACTIVITY_FILTERS,
  matchesFilters,
  STORE_ANALYTICS_FILTERS,
} from '../../functions/adapters/aws/stream-filters';

let sequence = 0;
function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  keys: { pk: string; sk: string },
  images: { old?: Record<string, unknown>; new?: Record<string, unknown> },
  principalId?: string,
): DynamoDBRecord {
  sequence += 1;
  return {
    eventID: `e-${sequence}`,
    eventName,
    ...(principalId ? { userIdentity: { type: 'Service', principalId } } : {}),
    dynamodb: {
      SequenceNumber: String(sequence),
      Keys: marshall(keys) as never,
      ...(images.old ? { OldImage: marshall({ ...keys, ...images.old }) as never } : {}),
      ...(images.new ? { NewImage: marshall({ ...keys, ...images.new }) as never } : {}),
    },
  };
}

const AT = '2026-12-01T10:00:00.000Z';
const message = (seq: number, role: string) => ({
  type: 'message',
  sessionId: 's-1',
  seq,
  role,
  text: 'where is A1001?',
  createdAt: AT,
  clientMessageId: `c-${seq}`,
});
const msgKeys = (seq: number) => ({ pk: 'SESSION#s-1', sk: `MSG#${seq}` });
const meta = { pk: 'SESSION#s-1', sk: 'META' };
const contactKeys = { pk: 'SESSION#s-1', sk: 'CONTACT' };
const contact = (status: string) => ({
  type: 'contact',
  sessionId: 's-1',
  status,
  openedAt: AT,
  lastMessageAt: AT,
  closedAt: status === 'closed' ? AT : null,
});

/** Every kind of change the Conversations table makes, events and bookkeeping alike. */
const conversationRecords = [
  record('INSERT', msgKeys(1), { new: message(1, 'shopper') }),
  record('INSERT', msgKeys(2), { new: message(2, 'assistant') }),
  record('REMOVE', msgKeys(1), { old: message(1, 'shopper') }, 'dynamodb.amazonaws.com'),
  record('INSERT', meta, { new: { type: 'session', lastMessageSeq: 1 } }),
  record('MODIFY', meta, {
    old: { type: 'session' },
    new: { type: 'session', handoffStatus: 'queued', handoffRequestedAt: AT },
  }),
  record('MODIFY', meta, {
    old: { type: 'session', handoffStatus: 'queued', handoffRequestedAt: AT },
    new: { type: 'session', handoffStatus: 'assigned', handoffRequestedAt: AT, handoffAssignedAt: AT },
  }),
  record('MODIFY', meta, {
    old: { type: 'session', lastMessageSeq: 1 },
    new: { type: 'session', lastMessageSeq: 2 },
  }),
  record('INSERT', contactKeys, { new: contact('open') }),
  record('MODIFY', contactKeys, { old: contact('open'), new: contact('open') }),
  record('MODIFY', contactKeys, { old: contact('open'), new: contact('closed') }),
  record('INSERT', { pk: 'SESSION#s-1', sk: 'CMID#c-1' }, { new: { type: 'idempotency' } }),
  record('INSERT', { pk: 'ANALYTICS#e-1', sk: 'MARKER' }, { new: { status: 'claimed' } }),
];

describe('Conversations stream decoding', () => {
  it('names each change as the domain does and keeps storage keys out of the events', () => {
    const kinds = conversationRecords.map((r) => decodeConversationRecord(r).event?.kind ?? null);
    expect(kinds).toEqual([
      'message_stored',
      'message_stored',
      'message_removed',
      null,
      'handoff_requested',
      'agent_joined',
      null,
      null,
      null,
      'contact_closed',
      null,
      null,
    ]);
    for (const r of conversationRecords)
      expect(JSON.stringify(decodeConversationRecord(r).event ?? {})).not.toMatch(/SESSION#|META|CONTACT/);
  });

  it('orders every session item but the contact under its session', () => {
    expect(decodeConversationRecord(conversationRecords[0] as DynamoDBRecord).sessionId).toBe('s-1');
    expect(decodeConversationRecord(conversationRecords[9] as DynamoDBRecord).sessionId).toBeUndefined();
  });

  it('fails a message item that lacks what a stored message has', () => {
    const bad = record('INSERT', msgKeys(3), { new: { ...message(3, 'shopper'), createdAt: 'yesterday' } });
    expect(() => decodeConversationRecord(bad)).toThrow(/createdAt/);
  });
});

describe('event source mapping filters', () => {
  it('let through every record the analytics stream makes an event of, and drop the bookkeeping', () => {
    for (const r of conversationRecords) {
      const isEvent = decodeConversationRecord(r).event !== undefined;
      expect(
        matchesFilters(ANALYTICS_CONVERSATION_FILTERS, r),
        `${r.eventName} ${r.dynamodb?.Keys?.sk?.S}`,
      ).toBe(isEvent);
    }
  });

  it('invoke the session summary for replies and removed messages only', () => {
    const passed = conversationRecords.filter((r) => matchesFilters(CONVERSATION_ACTIVITY_FILTERS, r));
    expect(passed.map((r) => `${r.eventName}:${r.dynamodb?.Keys?.sk?.S}`)).toEqual([
      'INSERT:MSG#2',
      'REMOVE:MSG#1',
    ]);
  });

  it('invoke the store analytics for returns, claims and video calls, not orders', () => {
    const ret = record(
      'MODIFY',
      { pk: 'ORDER#A1', sk: 'RETURN#R1' },
      { old: { type: 'return' }, new: { type: 'return' } },
    );
    const claim = record('REMOVE', { pk: 'CLAIM#C1', sk: 'CLAIM' }, { old: { type: 'claim' } });
    const order = record(
      'MODIFY',
      { pk: 'ORDER#A1', sk: 'ORDER' },
      { old: { type: 'order' }, new: { type: 'order' } },
    );
    const call = record('INSERT', { pk: 'VIDEO#V1', sk: 'VIDEO' }, { new: { type: 'video' } });
    expect([ret, claim, call, order].map((r) => matchesFilters(STORE_ANALYTICS_FILTERS, r))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
