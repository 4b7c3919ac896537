import { describe, expect, it } from 'vitest';
import { classifyChange, TTL_PRINCIPAL } from '../../functions/core/chat/conversation-activity';

const reply = {
  type: 'message',
  sessionId: 's-12345678',
  seq: 4,
  role: 'assistant',
  createdAt: '2026-11-25T10:00:00.000Z',
  language: 'fr',
  intent: 'track_order',
};

describe('conversation stream changes', () => {
  it('summarise an inserted reply with its language and intent', () => {
    expect(classifyChange({ eventName: 'INSERT', newImage: reply })).toEqual({
      kind: 'message',
      activity: {
        sessionId: 's-12345678',
        lastMessageSeq: 4,
        lastMessageAt: '2026-11-25T10:00:00.000Z',
        lastRole: 'assistant',
        language: 'fr',
        lastIntent: 'track_order',
      },
    });
  });

  it('tell a TTL expiry apart from a user erasure', () => {
    expect(classifyChange({ eventName: 'REMOVE', principalId: TTL_PRINCIPAL, oldImage: reply })).toEqual({
      kind: 'expired',
      sessionId: 's-12345678',
    });
    expect(classifyChange({ eventName: 'REMOVE', oldImage: reply })).toEqual({
      kind: 'erased',
      sessionId: 's-12345678',
    });
  });

  it('ignore expiring markers that are not messages', () => {
    expect(
      classifyChange({
        eventName: 'REMOVE',
        principalId: TTL_PRINCIPAL,
        oldImage: { pk: 'ANALYTICS#e1', sk: 'EVENT' },
      }),
    ).toEqual({ kind: 'ignored' });
  });

  it('ignore shopper messages, session updates and idempotency markers', () => {
    expect(classifyChange({ eventName: 'INSERT', newImage: { ...reply, role: 'shopper' } })).toEqual({
      kind: 'ignored',
    });
    expect(classifyChange({ eventName: 'MODIFY', newImage: reply })).toEqual({ kind: 'ignored' });
    expect(classifyChange({ eventName: 'INSERT', newImage: { pk: 'SESSION#x', sk: 'CMID#y' } })).toEqual({
      kind: 'ignored',
    });
  });

  it('reject a message record that lacks its keys, so the batch reports it as failed', () => {
    expect(() =>
      classifyChange({ eventName: 'INSERT', newImage: { type: 'message', role: 'assistant' } }),
    ).toThrow(/lacks sessionId/);
  });
});
