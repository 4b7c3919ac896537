import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
const written: string[] = [];

beforeAll(async () => {
  // The most talkative level, so anything a handler could log is captured.
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    });
  }
  test = await startTestStack();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await test?.stop();
});

describe('logs', () => {
  it('never contain message text, emails, tokens or order data, even at debug level', async () => {
    const token = await test.token('c-ana');
    const client = await ShopperClient.connect(test.stack.info.websocketUrl, { token });
    const reply = await client.ask('Hi, my email is ana.secret@example.com, where is my order A1001?');
    expect(reply.text).toContain('JD014600006254');
    client.sendRaw('{"action":"sendMessage", broken');
    await client.next((event) => event.type === 'error');
    await client.close();
    await expect(
      ShopperClient.connect(test.stack.info.websocketUrl, { token: 'forged.token.value' }),
    ).rejects.toThrow();
    await test.stack.streamsDrained();

    const logs = written.join('');
    // The handlers did log: the refusal and the answer, by reason and intent only.
    expect(logs).toContain('connection refused');
    expect(logs).toContain('"intent":"track_order"');
    for (const secret of [
      'ana.secret@example.com',
      'where is my order',
      'JD014600006254',
      token,
      'forged.token.value',
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
