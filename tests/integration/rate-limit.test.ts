import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;

beforeAll(async () => {
  process.env.MAX_MESSAGES_PER_MINUTE = '5';
  test = await startTestStack();
});

afterAll(async () => {
  await test?.stop();
  delete process.env.MAX_MESSAGES_PER_MINUTE;
});

describe('per-session rate limiting', () => {
  it('refuses a burst beyond the limit with a typed error, stores none of it, and keeps the connection', async () => {
    const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-ana'),
    });
    // Twelve against a limit of five: even if the burst straddles a minute boundary, one window overflows.
    const ids = Array.from({ length: 12 }, (_, n) => `burst-${String(n).padStart(4, '0')}`);
    for (const id of ids) client.say(`message ${id}`, id);
    const outcomes = await Promise.all(
      ids.map((id) =>
        client.waitFor(
          (event) => (event.type === 'ack' || event.type === 'error') && event.clientMessageId === id,
        ),
      ),
    );
    const limited = outcomes.filter((event) => event.type === 'error');
    const acked = outcomes.filter((event) => event.type === 'ack');
    expect(limited.length).toBeGreaterThan(0);
    expect(acked.length).toBeGreaterThanOrEqual(5);
    expect(limited[0]).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/wait \d+ s/) });

    const limitedIds = new Set(
      limited.map((event) => (event as { clientMessageId: string }).clientMessageId),
    );
    client.sendRaw(JSON.stringify({ action: 'resume', cursor: 0 }));
    await client.waitFor((event) => event.type === 'resumed');
    const stored = client.events.filter((event) => event.type === 'message' && event.role === 'shopper');
    expect(
      stored.some((event) => limitedIds.has((event as { clientMessageId?: string }).clientMessageId ?? '')),
    ).toBe(false);

    client.sendRaw('{"action":"ping"}');
    await expect(client.next((event) => event.type === 'pong')).resolves.toMatchObject({ type: 'pong' });
    await client.close();
  });
});
