import { describe, expect, it } from 'vitest';
import { acceptMessage } from '../../functions/core/chat/accept-message';
import { readFrame } from '../../functions/core/chat/read-frame';
import { resumeSession } from '../../functions/core/chat/resume-session';
import type { AppendShopperResult } from '../../functions/ports/repositories';

const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

describe('text entering through a frame', () => {
  it('is made well-formed: lone surrogates become U+FFFD, pairs and other text are kept', () => {
    const body =
      '{"action":"sendMessage","clientMessageId":"cmid-0001","text":"hello \\ud800 and \\udc00x 😀 ü"}';
    const frame = readFrame(body);
    expect(frame.ok).toBe(true);
    if (!frame.ok) return;
    const text = frame.value.text as string;
    expect(isWellFormed(text)).toBe(true);
    expect(text).toBe('hello \ufffd and \ufffdx 😀 ü');
  });

  it('stores the well-formed text of a message holding a lone surrogate', async () => {
    const stored: string[] = [];
    const reply = await acceptMessage(
      {
        conversations: {
          appendShopperMessage: async (input) => {
            stored.push(input.text);
            return {
              status: 'accepted',
              replySeq: 2,
              message: {
                sessionId: input.sessionId,
                seq: 1,
                role: 'shopper',
                text: input.text,
                createdAt: 'now',
              },
            } as AppendShopperResult;
          },
        },
        photos: { exists: async () => false },
      },
      {
        connectionId: 'conn-1',
        customerId: 'c-ana',
        sessionId: 's-12345678',
        body: '{"action":"sendMessage","clientMessageId":"cmid-0002","text":"hello \\ud800"}',
      },
    );
    expect(reply).toMatchObject({ type: 'ack' });
    expect(stored).toEqual(['hello \ufffd']);
  });
});

describe('resume cursors', () => {
  const resume = (cursor: unknown) =>
    resumeSession(
      {
        conversations: {
          listMessagesAfter: async (_session: string, after: number) => {
            if (String(after).length > 12) throw new Error('key out of range');
            return [];
          },
        },
        push: { send: async () => 'delivered' as const },
      },
      { connectionId: 'conn-1', sessionId: 's-12345678', body: JSON.stringify({ action: 'resume', cursor }) },
    );

  it('refuses a cursor of more than 12 digits as an invalid message', async () => {
    expect(await resume(10 ** 13)).toMatchObject({ type: 'error', code: 'invalid_message' });
    expect(await resume(999_999_999_999)).toMatchObject({ type: 'resumed' });
  });

  it('refuses negative, fractional and non-numeric cursors as invalid messages', async () => {
    for (const cursor of [-1, 1.5, '12', null])
      expect(await resume(cursor)).toMatchObject({ type: 'error', code: 'invalid_message' });
  });
});
