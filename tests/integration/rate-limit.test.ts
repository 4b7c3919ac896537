import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;

beforeAll(async () => {
  process.env.MAX_MESSAGES_PER_MINUTE = '5';
  process.env.MAX_MESSAGES_PER_CUSTOMER_PER_MINUTE = '8';
  process.env.MAX_PINGS_PER_MINUTE = '3';
  test = await startTestStack();
});

afterAll(async () => {
  await test?.stop();
  delete process.env.MAX_MESSAGES_PER_MINUTE;
  delete process.env.MAX_MESSAGES_PER_CUSTOMER_PER_MINUTE;
  delete process.env.MAX_PINGS_PER_MINUTE;
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

describe('per-customer rate limiting', () => {
  it('limits one customer across all their sessions, each of which stays under its own limit', async () => {
    const token = await test.token('c-many-tabs');
    const clients = await Promise.all(
      Array.from({ length: 6 }, () => ShopperClient.connect(test.stack.info.websocketUrl, { token })),
    );
    // 6 sessions x 4 messages against a customer limit of 8: whatever minute boundary falls inside the
    // burst, one window holds at least 12 of them. No session reaches its own limit of 5.
    const sent = clients.flatMap((client, c) =>
      Array.from({ length: 4 }, (_, n) => ({ client, id: client.say(`tab ${c} message ${n}`) })),
    );
    const outcomes = await Promise.all(
      sent.map(({ client, id }) =>
        client.waitFor(
          (event) => (event.type === 'ack' || event.type === 'error') && event.clientMessageId === id,
        ),
      ),
    );
    const limited = outcomes.filter((event) => event.type === 'error');
    expect(limited.length).toBeGreaterThan(0);
    for (const event of limited) expect(event).toMatchObject({ code: 'rate_limited' });
    await Promise.all(clients.map((client) => client.close()));
  });
});

describe('pings', () => {
  it('are limited per connection, and the connection stays open', async () => {
    const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-pinger'),
    });
    for (let n = 0; n < 8; n++) client.sendRaw('{"action":"ping"}');
    const answered = () => client.events.filter((e) => e.type === 'pong' || e.type === 'error');
    await client.waitFor(() => answered().length >= 8);
    const answers = answered().map((event) => (event.type === 'error' ? event.code : event.type));
    expect(answers).toContain('rate_limited');
    expect(answers).toContain('pong');
    await client.close();
  });
});
