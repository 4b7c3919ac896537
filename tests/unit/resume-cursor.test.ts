import { describe, expect, it } from 'vitest';
import { ResumeCursor } from '../../web/widget/src/resume-cursor';

const reply = (cursor: number, replyTo: string) => ({ cursor, role: 'assistant' as const, replyTo });

describe('the resume cursor', () => {
  it('does not move past a reply still on its way when two quick messages were acknowledged', () => {
    const cursor = new ResumeCursor();
    cursor.acknowledged('m-1', 1);
    cursor.acknowledged('m-2', 3);
    expect(cursor.value).toBeLessThan(2);
    cursor.received(reply(4, 'm-2'));
    // Reply 2 (to m-1) has not arrived: resuming must replay it.
    expect(cursor.value).toBeLessThan(2);
    cursor.received(reply(2, 'm-1'));
    expect(cursor.value).toBe(4);
  });

  it('moves with delivered messages and never with acks alone', () => {
    const cursor = new ResumeCursor();
    cursor.received({ cursor: 7, role: 'agent' });
    cursor.acknowledged('m-9', 8);
    expect(cursor.value).toBe(7);
    cursor.received(reply(9, 'm-9'));
    expect(cursor.value).toBe(9);
  });

  it('holds back for a replayed question whose answer has not arrived, and not for one already answered', () => {
    const cursor = new ResumeCursor();
    cursor.received({ cursor: 1, role: 'shopper', clientMessageId: 'm-1' });
    cursor.received(reply(2, 'm-1'));
    cursor.received({ cursor: 3, role: 'shopper', clientMessageId: 'm-2' });
    cursor.received({ cursor: 5, role: 'system' });
    expect(cursor.value).toBe(3);
    cursor.received({ cursor: 1, role: 'shopper', clientMessageId: 'm-1' });
    expect(cursor.value).toBe(3);
  });

  it('stops waiting for the assistant once an agent writes after the question', () => {
    const cursor = new ResumeCursor();
    cursor.acknowledged('m-1', 1);
    cursor.received({ cursor: 3, role: 'agent' });
    expect(cursor.value).toBe(3);
  });
});
