import { describe, expect, it } from 'vitest';
import { AssistantTools } from '../../functions/core/assistant/tools';
import { answerMessage } from '../../functions/core/chat/answer-message';
import { MAX_REPLY_PART_BYTES, splitReply } from '../../functions/core/chat/split-reply';
import { MAX_FRAME_BYTES, type ServerEvent } from '../../functions/core/protocol';
import type { ChatModel } from '../../functions/ports/chat-model';
import type { StoredMessage } from '../../functions/ports/repositories';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const bytes = (text: string) => Buffer.byteLength(JSON.stringify(text), 'utf8');

describe('replies longer than one WebSocket frame', () => {
  it('leaves a short reply whole', () => {
    expect(splitReply('Your parcel left Leipzig today.')).toEqual(['Your parcel left Leipzig today.']);
    expect(splitReply('')).toEqual(['']);
  });

  it('splits at paragraph breaks, and the parts give back the reply exactly', () => {
    const paragraph = `${'The care label says wash cold and hang to dry. '.repeat(60).trim()}\n\n`;
    const text = paragraph.repeat(40);
    const parts = splitReply(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(text);
    for (const part of parts) {
      expect(bytes(part)).toBeLessThanOrEqual(MAX_REPLY_PART_BYTES);
      expect(part.endsWith('\n\n') || part === parts.at(-1)).toBe(true);
    }
  });

  it('never cuts inside an emoji or a character, even with no break at all', () => {
    const text = '配送状况😀'.repeat(8000);
    const parts = splitReply(text, 4096);
    expect(parts.join('')).toBe(text);
    for (const part of parts) {
      expect(bytes(part)).toBeLessThanOrEqual(4096);
      expect(part).not.toMatch(LONE_SURROGATE);
    }
  });

  it('counts JSON escaping, so quotes and line breaks cannot push a part over the frame', () => {
    const text = '"\n'.repeat(20_000);
    for (const part of splitReply(text)) expect(bytes(part)).toBeLessThanOrEqual(MAX_REPLY_PART_BYTES);
  });

  it('stores and pushes a huge answer as several messages under the frame limit, in order', async () => {
    const stored: StoredMessage[] = [];
    const pushed: ServerEvent[] = [];
    let nextSeq = 3;
    const huge = 'Our warranty covers manufacturing defects for twelve months. '.repeat(2000);
    const model: ChatModel = {
      name: 'verbose',
      converse: async () => ({ stopReason: 'end_turn', content: [{ type: 'text', text: huge }] }),
    };
    const reply = await answerMessage(
      {
        conversations: {
          getSession: async () => undefined,
          readTurn: async () => ({
            session: { sessionId: 's-1', customerId: 'c-ana', connectionId: 'conn-1', createdAt: 'then' },
            recent: [
              { sessionId: 's-1', seq: 1, role: 'shopper', text: 'Tell me everything', createdAt: 'now' },
            ],
            proposal: undefined,
          }),
          putMessage: async (message) => void stored.push(message),
          putMessageOnce: async (message) => {
            stored.push(message);
            return { status: 'stored' };
          },
          reserveSequences: async (_session, count) => {
            const first = nextSeq;
            nextSeq += count;
            return first;
          },
        },
        model,
        tools: new AssistantTools(
          { getOrder: async () => undefined, listOrdersByCustomer: async () => [] } as never,
          {} as never,
        ),
        push: {
          send: async (_connection, event) => {
            pushed.push(event);
            return 'delivered';
          },
        },
        historyTurns: 10,
      },
      { sessionId: 's-1', messageSeq: 1, clientMessageId: 'cmid-0001' },
    );
    expect(reply?.seq).toBe(2);
    expect(stored.length).toBeGreaterThan(3);
    expect(stored.map((message) => message.seq)).toEqual(stored.map((_, index) => index + 2));
    expect(stored.map((message) => message.text).join('')).toBe(huge.trim());
    const messages = pushed.filter((event) => event.type === 'message');
    expect(messages).toHaveLength(stored.length);
    for (const event of messages) {
      expect(Buffer.byteLength(JSON.stringify(event), 'utf8')).toBeLessThanOrEqual(MAX_FRAME_BYTES);
      expect(event).toMatchObject({ replyTo: 'cmid-0001', role: 'assistant' });
    }
  });
});
