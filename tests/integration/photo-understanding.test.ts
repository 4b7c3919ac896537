import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMERA_MAKE, type RenderSpec, renderPhoto } from '../../bench/photos/render';
import { DynamoDbClaimRepository } from '../../functions/adapters/aws/dynamodb-claim-repository';
import { DynamoDbConversationRepository } from '../../functions/adapters/aws/dynamodb-conversation-repository';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import { DynamoDbReturnRepository } from '../../functions/adapters/aws/dynamodb-return-repository';
import { sharedOcrWorker } from '../../functions/adapters/local/ocr-worker';
import type { Order } from '../../functions/core/orders';
import { readableParts, runNamedQuery } from '../../local/analytics/duckdb';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

/**
 * The real upload flow with generated photos, through the local reader (one shared OCR worker for the
 * whole file), to the reply and the case. Few photos on purpose: each OCR read costs about a second.
 */
let test: TestStack;
let db: DynamoDBDocumentClient;
const clients: ShopperClient[] = [];
const DAY = 86_400_000;

function delivered(orderId: string, customerId: string, item: Order['items'][number]): Order {
  return {
    orderId,
    customerId,
    email: `${customerId}@example.com`,
    placedAt: new Date(Date.now() - 9 * DAY).toISOString(),
    country: 'DE',
    currency: 'EUR',
    status: 'delivered',
    items: [item],
    shipment: {
      carrier: 'DHL',
      trackingNumber: `JJD${orderId}`,
      status: 'delivered',
      events: [{ at: new Date(Date.now() - 3 * DAY).toISOString(), description: 'Delivered' }],
    },
  };
}

const SHOE = {
  sku: 'RUN-42-BLK',
  name: 'Trail running shoe',
  size: 'EU 42',
  color: 'black',
  quantity: 1,
  unitPrice: 89,
};
const JACKET = {
  sku: 'JKT-M-NVY',
  name: 'Rain jacket',
  size: 'M',
  color: 'navy',
  quantity: 1,
  unitPrice: 129,
};

async function shopper(customerId: string): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  clients.push(client);
  return client;
}

/** requestUpload → multipart POST of the generated photo → sendMessage with the key; the assistant's reply. */
async function sendPhoto(client: ShopperClient, spec: RenderSpec, caption: string) {
  const requestId = randomUUID();
  const bytes = await renderPhoto({ ...spec, exif: true });
  client.sendRaw(
    JSON.stringify({ action: 'requestUpload', requestId, contentType: 'image/jpeg', bytes: bytes.length }),
  );
  const grant = await client.waitFor((event) => event.type === 'upload' && event.requestId === requestId);
  if (grant.type !== 'upload') throw new Error('no grant');
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
  expect((await fetch(grant.url, { method: 'POST', body: form })).status).toBe(204);
  const clientMessageId = randomUUID();
  client.sendRaw(
    JSON.stringify({
      action: 'sendMessage',
      clientMessageId,
      text: caption,
      attachments: [{ key: grant.key }],
    }),
  );
  // OCR on a shared, loaded machine can take several seconds: a longer wait than a text reply's.
  const reply = await client.waitFor(
    (event) => event.type === 'message' && event.role === 'assistant' && event.replyTo === clientMessageId,
    90_000,
  );
  if (reply.type !== 'message') throw new Error('no reply');
  return { key: grant.key, reply };
}

async function storedReply(sessionId: string) {
  const conversations = new DynamoDbConversationRepository(db, test.stack.info.tables.conversations, 30);
  const messages = await conversations.listRecentMessages(sessionId, 20);
  return messages.filter((message) => message.role === 'assistant').at(-1);
}

beforeAll(async () => {
  test = await startTestStack();
  // The worker the stack's photo reader shares: started once here rather than inside the first reply.
  await sharedOcrWorker.warm();
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' }),
  );
  const orders = new DynamoDbOrderRepository(db, test.stack.info.tables.store);
  await orders.putOrder(delivered('P3001', 'c-photo-es', SHOE));
  await orders.putOrder(delivered('P3002', 'c-photo-de', JACKET));
  await orders.putOrder(delivered('P3003', 'c-photo-en', JACKET));
  await orders.putOrder(delivered('P3004', 'c-photo-ja', SHOE));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  db?.destroy();
  await test?.stop();
});

// Generous waits: OCR on a shared two-core machine under heavy load can take tens of seconds.
describe('a shopper sends a photo of what arrived', { timeout: 180_000 }, () => {
  it('reads a size label that differs from the order and opens the exchange, in Spanish, with no video call', async () => {
    const ana = await shopper('c-photo-es');
    const { key, reply } = await sendPhoto(
      ana,
      {
        kind: 'label',
        lines: ['TALLA', 'EU 44  US 10', 'UK 9.5  CM 28'],
        colour: '#1f3a6b',
        tilt: 4,
        stored: 90,
      },
      'Foto del daño',
    );
    expect(reply.text).toMatch(/^La etiqueta indica EU 44; pediste EU 42\./);
    expect(reply.text).toContain('R-P3001-');
    expect(reply.text.toLowerCase()).not.toMatch(/v[ií]deo/);
    const [rma] = await new DynamoDbReturnRepository(db, test.stack.info.tables.store).listForOrder('P3001');
    expect(rma).toMatchObject({ kind: 'exchange', replacementSku: 'RUN-42-BLK', photoRefs: [key] });
    const stored = await storedReply(reply.sessionId);
    expect(stored?.photoReadings?.[0]).toMatchObject({
      key,
      reader: 'local-ocr',
      shows: 'wrong_size',
      flow: 'exchange',
      readSize: 'EU 44',
      orderedSize: 'EU 42',
      sku: 'RUN-42-BLK',
    });
    expect(stored?.photoReadings?.[0]?.labelText).not.toContain(CAMERA_MAKE);
  });

  it('sees another colour than ordered and opens a wrong-item case with the photo, in German', async () => {
    const jonas = await shopper('c-photo-de');
    const { key, reply } = await sendPhoto(
      jonas,
      { kind: 'item', colour: '#2e7d32', tilt: -4 },
      'Bitte schauen Sie sich das an',
    );
    expect(reply.text).toMatch(/^Der Artikel auf dem Foto hat nicht die bestellte Farbe \(navy\)\./);
    const claims = await new DynamoDbClaimRepository(db, test.stack.info.tables.store).listForCustomer(
      'c-photo-de',
      5,
    );
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ kind: 'wrong_item', orderId: 'P3002', photoKeys: [key] });
    expect(claims[0]?.evidence?.[0]).toMatchObject({
      shows: 'wrong_colour',
      colour: 'green',
      damageJudged: false,
    });
    expect(reply.text).toContain(claims[0]?.claimId ?? 'no claim');
  });

  it('adds a photo sent after a complaint to that open case instead of opening a second one', async () => {
    const sam = await shopper('c-photo-en');
    const complaint = await sam.ask('The rain jacket from order P3003 arrived torn at the sleeve.');
    const repository = new DynamoDbClaimRepository(db, test.stack.info.tables.store);
    const [opened] = await repository.listForCustomer('c-photo-en', 5);
    expect(complaint.text).toContain(opened?.claimId ?? 'no claim');

    const { key, reply } = await sendPhoto(
      sam,
      { kind: 'item', colour: '#1b2a5c', tilt: 3 },
      'please have a look',
    );
    expect(reply.text).toContain(`I have added the photo to your case ${opened?.claimId}`);
    const claims = await repository.listForCustomer('c-photo-en', 5);
    expect(claims).toHaveLength(1);
    expect(claims[0]?.photoKeys).toContain(key);
    expect(claims[0]?.evidence?.[0]).toMatchObject({ key, damageJudged: false });
  });

  it('asks for another shot of a dark photo in Japanese, and changes nothing', async () => {
    const mei = await shopper('c-photo-ja');
    await mei.ask('こんにちは、注文P3004について');
    const { reply } = await sendPhoto(
      mei,
      { kind: 'label', lines: ['サイズ', 'EU 44'], colour: '#333333', light: 0.1 },
      '見てください',
    );
    expect(reply.text).toBe('写真が暗すぎて読み取れません。明るい場所でもう一度撮っていただけますか？');
    expect(
      await new DynamoDbReturnRepository(db, test.stack.info.tables.store).listForOrder('P3004'),
    ).toEqual([]);
    expect(
      await new DynamoDbClaimRepository(db, test.stack.info.tables.store).listForCustomer('c-photo-ja', 5),
    ).toEqual([]);
  });

  it("turns every photo read into a fact with its order line's SKU, which the weekly query counts", async () => {
    await test.stack.streamsDrained();
    const { files } = readableParts(test.dataDir, 'photo_facts');
    expect(files.length).toBeGreaterThan(0);
    const at = (millis: number) => new Date(millis).toISOString().slice(0, 19).replace('T', ' ');
    const bySku = await runNamedQuery(test.dataDir, 'photo-findings-by-sku', {
      since: at(Date.now() - DAY),
      until: at(Date.now() + DAY),
      timezone: 'UTC',
    });
    // The Spanish shoe label (EU 44 for EU 42) is a wrong-size photo of the shoe's SKU; the German
    // wrong-colour photo is counted on the jacket only if the jacket also drew a wrong-size or damaged one.
    expect(bySku).toContainEqual(
      expect.objectContaining({ sku: 'RUN-42-BLK', wrong_size_photos: 1, damaged_photos: 0 }),
    );
    expect(bySku.map((row) => row.sku)).not.toContain('JKT-M-NVY');
  });
});
