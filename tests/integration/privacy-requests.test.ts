import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPrivacyDeps } from '../../cli/commands/privacy';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import { FACT_SCHEMA_VERSION, type MessageFact } from '../../functions/core/analytics/facts';
import type { Order } from '../../functions/core/orders';
import { photoOwnerPrefix } from '../../functions/core/photos/photo-keys';
import { eraseCustomer, exportCustomer, subjectHash } from '../../functions/core/privacy/requests';
import { runNamedQuery, writeFacts } from '../../local/analytics/duckdb';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
let db: ReturnType<typeof createDocumentClient>;

const order = (orderId: string, customerId: string): Order => ({
  orderId,
  customerId,
  email: `${customerId}@example.com`,
  placedAt: '2026-11-20T10:00:00Z',
  country: 'DE',
  currency: 'EUR',
  status: 'shipped',
  items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', size: 'EU 42', quantity: 1, unitPrice: 89.9 }],
});

const fact = (id: string, sessionId: string): MessageFact => ({
  event_id: id,
  schema_version: FACT_SCHEMA_VERSION,
  occurred_at: '2026-11-20T10:00:00Z',
  dt: '2026-11-20',
  conversation_id: sessionId,
  channel: 'web',
  language: 'en',
  intent: 'track_order',
  complaint_category: null,
  sentiment: null,
  sentiment_positive: null,
  sentiment_negative: null,
  sentiment_neutral: null,
  sentiment_mixed: null,
  key_phrases: [],
  defects: [],
  redacted_text: 'where is my order',
  role: 'shopper',
  response_time_ms: null,
  sku: null,
});

async function sessionOf(customerId: string, text = 'Where is my order?'): Promise<string> {
  return sessionWith(await test.token(customerId), text);
}

async function sessionWith(token: string, text: string): Promise<string> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, { token });
  const id = client.say(text);
  const ack = await client.waitFor((event) => event.type === 'ack' && event.clientMessageId === id);
  await client.replyTo(id);
  await client.close();
  return (ack as { sessionId: string }).sessionId;
}

let anaSession: string;
let benSession: string;
let anaGuestSession: string;

/** A guest proves the order with its number and email over the local web server, as the widget does. */
async function guestToken(orderId: string, email: string): Promise<string> {
  const response = await fetch(new URL('api/guest/token', test.stack.info.webUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderId, email }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

beforeAll(async () => {
  test = await startTestStack();
  db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
  const orders = new DynamoDbOrderRepository(db, test.stack.info.tables.store);
  await orders.putOrder(order('P2001', 'c-erase-ana'));
  await orders.putOrder(order('P2002', 'c-keep-ben'));
  anaSession = await sessionOf('c-erase-ana');
  benSession = await sessionOf('c-keep-ben');
  // Ana also asked once as a guest, proving her order P2001 without signing in.
  anaGuestSession = await sessionWith(
    await guestToken('p2001', 'c-erase-ana@example.com'),
    'Guest here: where is order P2001?',
  );
  for (const owner of ['c-erase-ana', 'guest:P2001']) {
    const photos = join(test.dataDir, 'uploads', photoOwnerPrefix(owner));
    await mkdir(photos, { recursive: true });
    await writeFile(join(photos, 'a.webp'), 'RIFF');
  }
  // Both shoppers' rows in one part file: erasure must rewrite it and keep Ben's.
  await writeFacts(test.dataDir, 'message_facts', [
    fact('f1', anaSession),
    fact('f2', benSession),
    fact('f3', anaSession),
  ]);
}, 120_000);

afterAll(async () => {
  await test?.stop();
});

describe('data-subject requests on the local stack', () => {
  it('exports orders, conversations, photos and analytics facts of one customer only', async () => {
    const deps = await localPrivacyDeps(test.stack.info, test.dataDir);
    const { data } = await exportCustomer(deps, { customerId: 'c-erase-ana', requestedBy: 'test' });
    const text = JSON.stringify(data);
    expect(text).toContain('P2001');
    expect(text).not.toContain('P2002');
    expect(text).toContain('Where is my order?');
    expect((data.photos as string[]).length).toBe(2);
    // The two planted rows, and the pipeline's own facts of the conversation.
    const facts = (data.facts as Record<string, Array<{ conversation_id: string }>>).message_facts ?? [];
    expect(facts.length).toBeGreaterThanOrEqual(2);
    expect(facts.every((row) => [anaSession, anaGuestSession].includes(row.conversation_id))).toBe(true);
  });

  it('exports the guest sessions opened with an order the customer owns', async () => {
    const deps = await localPrivacyDeps(test.stack.info, test.dataDir);
    const { data, record } = await exportCustomer(deps, { customerId: 'c-erase-ana', requestedBy: 'test' });
    const sessions = (data.conversations as Array<{ sessionId: string }>).map((c) => c.sessionId);
    expect(sessions.sort()).toEqual([anaSession, anaGuestSession].sort());
    expect(JSON.stringify(data)).toContain('Guest here: where is order P2001?');
    expect(data.guestPrincipals).toEqual(['guest:P2001']);
    expect(record.counts).toMatchObject({ conversations: 2, photos: 2 });
  });

  it('erases every store, keeps other shoppers, and records the request without the customer id', async () => {
    const deps = await localPrivacyDeps(test.stack.info, test.dataDir);
    const record = await eraseCustomer(deps, { customerId: 'c-erase-ana', requestedBy: 'dpo@example.com' });
    expect(record.counts).toMatchObject({ orders: 1, sessions: 2, photo_versions: 2 });
    expect(record.counts['facts.message_facts']).toBeGreaterThanOrEqual(2);
    expect(record.counts.messages).toBeGreaterThanOrEqual(2);

    // The stack's journal of acknowledged messages held Ana's words too; Ben's stay.
    expect(record.counts.journal_entries).toBeGreaterThanOrEqual(2);
    const journal = await readFile(join(test.dataDir, 'acked-messages.ndjson'), 'utf8');
    expect(journal).not.toContain(anaSession);
    expect(journal).not.toContain('Guest here');
    expect(journal).toContain(benSession);

    const again = await exportCustomer(deps, { customerId: 'c-erase-ana', requestedBy: 'test' });
    expect(again.record.counts).toMatchObject({
      orders: 0,
      conversations: 0,
      photos: 0,
      'facts.message_facts': 0,
    });
    // Nothing of the guest session is left either: no session record, no message, no connection.
    const guestRows = await db.send(
      new QueryCommand({
        TableName: test.stack.info.tables.conversations,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `SESSION#${anaGuestSession}` },
      }),
    );
    expect(guestRows.Items ?? []).toEqual([]);
    const ben = await exportCustomer(deps, { customerId: 'c-keep-ben', requestedBy: 'test' });
    expect(ben.record.counts).toMatchObject({ orders: 1, conversations: 1 });
    expect(ben.record.counts['facts.message_facts']).toBeGreaterThanOrEqual(1);

    // The rewritten partition still answers queries, with Ben's planted row in it.
    const rows = await runNamedQuery(test.dataDir, 'top-issues', {
      since: '2026-11-20 00:00:00',
      until: '2026-11-21 00:00:00',
      timezone: 'UTC',
    });
    expect(rows).toEqual([expect.objectContaining({ issue: 'track_order', messages: 1 })]);

    const audit = await readFile(join(test.dataDir, 'privacy', 'requests.jsonl'), 'utf8');
    expect(audit).not.toContain('c-erase-ana');
    const erase = audit
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((entry) => entry.kind === 'erase');
    expect(erase).toMatchObject({
      requestedBy: 'dpo@example.com',
      subject: subjectHash(deps.subjectKey, 'c-erase-ana'),
    });
    const leftovers = (
      await readdir(join(test.dataDir, 'analytics', 'message_facts', 'dt=2026-11-20'))
    ).filter((f) => f.startsWith('.'));
    expect(leftovers).toEqual([]);
  });

  it('refuses a customer id that is not one', async () => {
    const deps = await localPrivacyDeps(test.stack.info, test.dataDir);
    await expect(eraseCustomer(deps, { customerId: '', requestedBy: 'test' })).rejects.toThrow(RangeError);
  });
});
