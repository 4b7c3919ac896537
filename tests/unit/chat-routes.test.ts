import { describe, expect, it } from 'vitest';
import { acceptMessage } from '../../functions/core/chat/accept-message';
import { grantPhotoUpload } from '../../functions/core/chat/grant-photo-upload';
import { routeDefault } from '../../functions/core/chat/route-default';
import { newPhotoKey } from '../../functions/core/photos/photo-keys';
import type { AppendShopperResult } from '../../functions/ports/repositories';

function fakeConversations() {
  const seen = new Map<string, number>();
  let seq = 0;
  return {
    seen,
    stored: [] as unknown[],
    async appendShopperMessage(input: {
      sessionId: string;
      clientMessageId: string;
      text: string;
      attachments?: unknown[];
    }) {
      seq += 2;
      if (seen.has(input.clientMessageId))
        return { status: 'duplicate', seq: seq - 1 } as AppendShopperResult;
      seen.set(input.clientMessageId, seq - 1);
      this.stored.push(input);
      return {
        status: 'accepted',
        replySeq: seq,
        message: {
          sessionId: input.sessionId,
          seq: seq - 1,
          role: 'shopper',
          text: input.text,
          createdAt: 'now',
        },
      } as AppendShopperResult;
    },
  };
}

function setup() {
  const conversations = fakeConversations();
  const uploaded = new Set<string>();
  const photos = { exists: async (key: string) => uploaded.has(key) };
  const send = (body: string | undefined) =>
    acceptMessage(
      { conversations, photos },
      { connectionId: 'conn-1', customerId: 'c-ana', sessionId: 's-12345678', body },
    );
  return { conversations, send, uploaded };
}

const message = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    action: 'sendMessage',
    clientMessageId: 'cmid-0001',
    text: 'Where is my order?',
    ...extra,
  });

describe('photo attachments', () => {
  it("stores a message that refers to the shopper's own finished upload", async () => {
    const { send, uploaded, conversations } = setup();
    const key = newPhotoKey('c-ana', 'image/webp');
    uploaded.add(key);
    const reply = await send(message({ attachments: [{ key }] }));
    expect(reply).toMatchObject({ type: 'ack' });
    expect(conversations.stored).toEqual([expect.objectContaining({ attachments: [{ key }] })]);
  });

  it("refuses another customer's photo and an unfinished upload, storing nothing", async () => {
    const { send, uploaded, conversations } = setup();
    const theirs = newPhotoKey('c-jonas', 'image/jpeg');
    uploaded.add(theirs);
    expect(await send(message({ attachments: [{ key: theirs }] }))).toMatchObject({
      type: 'error',
      code: 'invalid_attachment',
      clientMessageId: 'cmid-0001',
    });
    const unfinished = newPhotoKey('c-ana', 'image/jpeg');
    expect(await send(message({ attachments: [{ key: unfinished }] }))).toMatchObject({
      code: 'invalid_attachment',
    });
    expect(await send(message({ attachments: [{ key: '../../store-secret' }] }))).toMatchObject({
      code: 'invalid_message',
    });
    expect(conversations.stored).toHaveLength(0);
  });

  it("grants an upload under the shopper's own prefix, with a size cap, and refuses non-images", async () => {
    const grants: unknown[] = [];
    const photos = {
      grantUpload: async (input: { key: string; maxBytes: number }) => {
        grants.push(input);
        return { url: 'https://bucket.example/', fields: { key: input.key }, expiresAt: 'later' };
      },
    };
    const request = (extra: Record<string, unknown>) =>
      grantPhotoUpload(
        { photos },
        {
          customerId: 'c-ana',
          body: JSON.stringify({ action: 'requestUpload', requestId: 'req-0001', ...extra }),
        },
      );
    const granted = await request({ contentType: 'image/jpeg', bytes: 200_000 });
    expect(granted).toMatchObject({ type: 'upload', requestId: 'req-0001', url: 'https://bucket.example/' });
    const key = granted.type === 'upload' ? granted.key : '';
    expect(key.startsWith(newPhotoKey('c-ana', 'image/jpeg').slice(0, 24))).toBe(true);
    expect(key.endsWith('.jpg')).toBe(true);
    expect(await request({ contentType: 'application/pdf', bytes: 10 })).toMatchObject({
      code: 'invalid_message',
    });
    expect(await request({ contentType: 'image/png', bytes: 50 * 1024 * 1024 })).toMatchObject({
      code: 'invalid_message',
    });
    expect(grants).toHaveLength(1);
  });
});

describe('the sendMessage route', () => {
  it('acknowledges a message with its cursor once it is stored (the stored message starts the turn)', async () => {
    const { send, conversations } = setup();
    const reply = await send(message());
    expect(reply).toEqual({ type: 'ack', clientMessageId: 'cmid-0001', sessionId: 's-12345678', cursor: 1 });
    expect(conversations.stored).toEqual([
      expect.objectContaining({ sessionId: 's-12345678', clientMessageId: 'cmid-0001' }),
    ]);
  });

  it('does not acknowledge a message the store failed to keep', async () => {
    const { conversations, send } = setup();
    conversations.appendShopperMessage = async () => {
      throw new Error('ProvisionedThroughputExceededException');
    };
    await expect(send(message())).rejects.toThrow();
  });

  it('answers a repeated clientMessageId with a typed error and does not process it twice', async () => {
    const { send, conversations } = setup();
    await send(message());
    const again = await send(message());
    expect(again).toMatchObject({ type: 'error', code: 'duplicate_message', clientMessageId: 'cmid-0001' });
    expect(conversations.stored).toHaveLength(1);
  });

  it('refuses malformed JSON, missing text and oversized bodies with typed errors', async () => {
    const { send, conversations } = setup();
    expect(await send('{"action":"sendMessage",')).toMatchObject({ type: 'error', code: 'invalid_json' });
    expect(await send(message({ text: undefined }))).toMatchObject({
      type: 'error',
      code: 'invalid_message',
      clientMessageId: 'cmid-0001',
    });
    expect(await send(message({ text: '   ' }))).toMatchObject({ code: 'invalid_message' });
    expect(await send(message({ text: 'x'.repeat(33 * 1024) }))).toMatchObject({ code: 'payload_too_large' });
    expect(await send(message({ clientMessageId: 'bad id with spaces' }))).toMatchObject({
      code: 'invalid_message',
    });
    expect(conversations.stored).toHaveLength(0);
  });

  it('never echoes internals in error messages', async () => {
    const { send } = setup();
    const reply = await send('[1,2,3]');
    expect(reply).toMatchObject({ type: 'error', code: 'invalid_json' });
    expect(JSON.stringify(reply)).not.toMatch(/at \w+ \(|node_modules|Error:/);
  });
});

describe('the $default route', () => {
  it('names an unknown action and lists the known ones', () => {
    expect(routeDefault('{"action":"refundEverything"}')).toMatchObject({
      type: 'error',
      code: 'unknown_action',
      message: expect.stringContaining('sendMessage'),
    });
  });

  it('tells malformed JSON apart from a missing action', () => {
    expect(routeDefault('not json')).toMatchObject({ code: 'invalid_json' });
    expect(routeDefault('{"text":"hi"}')).toMatchObject({ code: 'invalid_message' });
  });

  it('answers heartbeats with pong', () => {
    expect(routeDefault('{"action":"ping"}', new Date('2026-11-25T00:00:00Z'))).toEqual({
      type: 'pong',
      at: '2026-11-25T00:00:00.000Z',
    });
  });
});
