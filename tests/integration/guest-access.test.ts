import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
let db: DynamoDBDocumentClient;
const clients: ShopperClient[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  // Room for every proof below from this one loopback address; the per-client test uses up the rest.
  process.env.GUEST_ATTEMPTS_PER_CLIENT = '14';
  process.env.GUEST_ATTEMPTS_PER_ORDER = '3';
  test = await startTestStack({ log: (line) => logLines.push(line) });
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' }),
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  db?.destroy();
  await test?.stop();
  delete process.env.GUEST_ATTEMPTS_PER_CLIENT;
  delete process.env.GUEST_ATTEMPTS_PER_ORDER;
});

async function prove(body: unknown): Promise<{ status: number; text: string; retryAfter: string | null }> {
  const response = await fetch(new URL('api/guest/token', test.stack.info.webUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    text: await response.text(),
    retryAfter: response.headers.get('retry-after'),
  };
}

describe('guest access over the local web server', () => {
  it('lets a guest who proves an order chat about that order and no other', async () => {
    // Sam has A1006 and A1007; the guest proved only A1007.
    const proof = await prove({ orderId: 'a1007', email: ' SAM@Example.com ' });
    expect(proof.status).toBe(200);
    const { token, orderId } = JSON.parse(proof.text) as { token: string; orderId: string };
    expect(orderId).toBe('A1007');
    const guest = await ShopperClient.connect(test.stack.info.websocketUrl, { token });
    clients.push(guest);

    const other = await guest.ask('Where is my order A1006?');
    expect(other.text).not.toMatch(/Desk lamp|1Z999AA10123456784|delivered/i);
    const own = await guest.ask('Where is my order A1007?');
    expect(own.text).toContain('A1007');
    expect(own.text).not.toContain('A1006');
  });

  it('answers a wrong email and an unknown order number with the same bytes', async () => {
    const wrongEmail = await prove({ orderId: 'A1002', email: 'someone@example.com' });
    const noSuchOrder = await prove({ orderId: 'Z9999', email: 'someone@example.com' });
    expect(wrongEmail.status).toBe(401);
    expect(noSuchOrder).toEqual(wrongEmail);
  });

  it('refuses a malformed proof with a typed error', async () => {
    const result = await prove({ orderId: 'A1002' });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.text)).toMatchObject({ error: 'invalid_request' });
  });

  it('limits attempts per order in DynamoDB, with TTL and without the order or email in the item', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++)
      statuses.push((await prove({ orderId: 'A1004', email: `guess${attempt}@example.com` })).status);
    expect(statuses).toEqual([401, 401, 401]);
    // The right email is refused too now: the limit never confirms a guess.
    const right = await prove({ orderId: 'A1004', email: 'mei@example.com' });
    expect(right.status).toBe(429);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(right.text)).toMatchObject({ error: 'rate_limited' });

    const counters = await db.send(new ScanCommand({ TableName: test.stack.info.tables.connections }));
    const guestCounters = (counters.Items ?? []).filter((item) =>
      String(item.connectionId).includes('#w900#'),
    );
    expect(guestCounters.length).toBeGreaterThan(0);
    for (const item of guestCounters) {
      expect(typeof item.expiresAt).toBe('number');
      expect(JSON.stringify(item)).not.toMatch(/A1004|mei@|127\.0\.0\.1/);
    }
  });

  it('limits attempts per client across orders', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++)
      statuses.push((await prove({ orderId: `C${2000 + attempt}`, email: 'x@example.com' })).status);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThan(0);
    expect(statuses.slice(statuses.indexOf(429)).every((status) => status === 429)).toBe(true);
  });

  it('never logs the email or the token', () => {
    expect(logLines.join('\n')).not.toMatch(/sam@example\.com|someone@example\.com|eyJ/i);
  });
});
