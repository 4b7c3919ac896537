import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbConsoleStore } from '../../functions/adapters/aws/dynamodb-console-store';
import { DynamoDbConversationRepository } from '../../functions/adapters/aws/dynamodb-conversation-repository';
import { DynamoDbCustomerData } from '../../functions/adapters/aws/dynamodb-customer-data';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import { DynamoDbPhotoFingerprints } from '../../functions/adapters/aws/dynamodb-photo-fingerprints';
import { DynamoDbPhotoReadiness } from '../../functions/adapters/aws/dynamodb-photo-readiness';
import { DynamoDbVideoSessionRepository } from '../../functions/adapters/aws/dynamodb-video-session-repository';
import { guestPrincipal } from '../../functions/core/auth/guest-principal';
import type { StoredQueueEntry } from '../../functions/core/console/queue';
import type { Order } from '../../functions/core/orders';
import { photoOwnerPrefix } from '../../functions/core/photos/photo-keys';
import { inviteVideo } from '../../functions/core/video/session';
import { startTestDynamoDb, type TestDynamoDb, type TestTables } from '../support/dynamodb';

/**
 * Every kind of item a shopper's data lives in, planted with the adapters that write it in production, for
 * two customers: the erasure must find all of the first's and none of the second's.
 */
let dynamo: TestDynamoDb;
let tables: TestTables;
let db: ReturnType<typeof createDocumentClient>;
let data: DynamoDbCustomerData;

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

const photoOf = (principal: string, name: string) => `${photoOwnerPrefix(principal)}${name}.webp`;

const entry = (
  sessionId: string,
  customerId: string,
  status: StoredQueueEntry['status'],
): StoredQueueEntry => ({
  sessionId,
  customerId,
  status,
  reason: 'shopper_request',
  priority: 'normal',
  requestedAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:05:00Z',
  ...(status === 'closed' ? { closedAt: '2026-11-20T10:05:00Z' } : {}),
  vip: false,
  anger: 0.2,
});

async function plant(customerId: string, tag: string, orderId: string): Promise<void> {
  const store = tables.names.Store;
  const conversations = tables.names.Conversations;
  await new DynamoDbOrderRepository(db, store).putOrder(order(orderId, customerId));
  const repository = new DynamoDbConversationRepository(db, conversations, 30);
  await repository.bindSession(`s-${tag}`, customerId, `conn-${tag}`);
  await repository.bindSession(`s-${tag}-guest`, guestPrincipal(orderId), `conn-${tag}-g`);
  await repository.bindSession(`s-${tag}-old`, customerId, `conn-${tag}-o`);
  const readiness = new DynamoDbPhotoReadiness(db, conversations);
  await readiness.recordReady(photoOf(customerId, tag));
  await readiness.recordRefused(photoOf(guestPrincipal(orderId), `${tag}-guest`), 'not_an_image');
  await new DynamoDbPhotoFingerprints(db, store).remember(
    {
      fingerprint: tag === 'ana' ? '0123456789abcdef' : '0123456789abcdee',
      key: photoOf(customerId, tag),
      customerId,
      sessionId: `s-${tag}`,
      at: '2026-11-20T10:01:00Z',
    },
    3,
  );
  const consoleStore = new DynamoDbConsoleStore(db, conversations, 30);
  await consoleStore.putEntry(entry(`s-${tag}`, customerId, 'queued'));
  await consoleStore.putEntry(entry(`s-${tag}-old`, customerId, 'closed'));
  await new DynamoDbVideoSessionRepository(db, store).create(
    inviteVideo({
      callId: `call-${tag}`,
      caseId: `s-${tag}`,
      customerId,
      startedBy: 'shopper',
      meetingId: `m-${tag}`,
      mediaRegion: 'eu-central-1',
      shopperAttendeeId: `a-${tag}`,
      agentAttendeeId: `b-${tag}`,
      now: new Date('2026-11-20T10:02:00Z'),
    }),
  );
  // An open contact's entry, as DynamoDbContactStateStore files it under its shard.
  await db.send(
    new PutCommand({
      TableName: conversations,
      Item: { pk: 'OPENCONTACTS#3', sk: `s-${tag}`, type: 'open_contact', sessionId: `s-${tag}` },
    }),
  );
  await db.send(
    new PutCommand({
      TableName: store,
      Item: { pk: `CUSTOMER#${customerId}`, sk: 'PROFILE', type: 'customer', customerId, firstName: tag },
    }),
  );
}

/** Every item of both tables that mentions the text anywhere (keys or attributes). */
async function itemsMentioning(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of [tables.names.Store, tables.names.Conversations]) {
    const page = await db.send(new ScanCommand({ TableName: table }));
    for (const item of page.Items ?? [])
      if (JSON.stringify(item).includes(text)) found.push(`${item.pk} / ${item.sk}`);
  }
  return found.sort();
}

beforeAll(async () => {
  dynamo = await startTestDynamoDb();
  tables = await dynamo.createTables();
  db = createDocumentClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
  data = new DynamoDbCustomerData(db, {
    store: tables.names.Store,
    conversations: tables.names.Conversations,
    connections: tables.names.Connections,
  });
  await plant('c-ana', 'ana', 'P3001');
  await plant('c-ben', 'ben', 'P3002');
}, 120_000);

afterAll(async () => {
  db?.destroy();
  await dynamo?.stop();
});

const footprintOf = async (customerId: string) => {
  const owned = await data.ownedOrderIds(customerId);
  return data.footprint(customerId, [customerId, ...owned.map(guestPrincipal)]);
};

describe('erasure and export cover every item kind a customer has', () => {
  it('exports the photo outcomes, hand-offs, video sessions, fingerprints and profile of the customer only', async () => {
    const exported = await data.read(await footprintOf('c-ana'));
    const text = JSON.stringify(exported);
    expect(exported).toMatchObject({
      photoOutcomes: expect.arrayContaining([
        expect.objectContaining({ photoKey: photoOf('c-ana', 'ana'), status: 'ready' }),
        expect.objectContaining({
          photoKey: photoOf(guestPrincipal('P3001'), 'ana-guest'),
          status: 'refused',
        }),
      ]),
      handoffs: expect.arrayContaining([
        expect.objectContaining({ sessionId: 's-ana', status: 'queued' }),
        expect.objectContaining({ sessionId: 's-ana-old', status: 'closed' }),
      ]),
      videoSessions: [expect.objectContaining({ callId: 'call-ana', caseId: 's-ana' })],
      photoFingerprints: [expect.objectContaining({ key: photoOf('c-ana', 'ana') })],
      profiles: [expect.objectContaining({ customerId: 'c-ana', firstName: 'ana' })],
    });
    for (const kind of ['photoOutcomes', 'handoffs', 'videoSessions', 'photoFingerprints', 'profiles'])
      expect(JSON.stringify(exported[kind])).not.toContain('ben');
    expect(text).not.toContain('c-ben');
  });

  it('erases every item that holds the customer, their guest sessions or their photos, and keeps the other customer', async () => {
    const anaPhoto = photoOwnerPrefix('c-ana');
    const anaGuestPhoto = photoOwnerPrefix(guestPrincipal('P3001'));
    expect((await itemsMentioning('c-ana')).length).toBeGreaterThan(0);
    const before = {
      ben: await itemsMentioning('c-ben'),
      benPhotos: await itemsMentioning(photoOwnerPrefix('c-ben')),
    };

    const counts = await data.erase(await footprintOf('c-ana'));

    expect(await itemsMentioning('c-ana')).toEqual([]);
    expect(await itemsMentioning('s-ana')).toEqual([]);
    expect(await itemsMentioning('P3001')).toEqual([]);
    expect(await itemsMentioning(anaPhoto)).toEqual([]);
    expect(await itemsMentioning(anaGuestPhoto)).toEqual([]);
    expect(counts).toMatchObject({
      photo_outcomes: 2,
      handoffs: 2,
      video_sessions: 1,
      photo_fingerprints: 4,
      profiles: 1,
      open_contacts: 1,
    });
    expect(await itemsMentioning('c-ben')).toEqual(before.ben);
    expect(await itemsMentioning(photoOwnerPrefix('c-ben'))).toEqual(before.benPhotos);
    // The open queue keeps Ben's conversation: agents still see it.
    const queue = await db.send(
      new QueryCommand({
        TableName: tables.names.Conversations,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'HANDOFFS' },
      }),
    );
    expect((queue.Items ?? []).map((item) => item.sk)).toEqual(['SESSION#s-ben']);
  });
});
