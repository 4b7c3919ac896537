import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMERA_MAKE, renderPhoto } from '../../bench/photos/render';
import { sharedOcrWorker } from '../../functions/adapters/local/ocr-worker';
import type { ServerEvent } from '../../functions/core/protocol';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

type Upload = Extract<ServerEvent, { type: 'upload' }>;

let test: TestStack;
const clients: ShopperClient[] = [];

// A 640×480 phone photo stored sideways (480×640 pixels, EXIF orientation 6) with a camera make and GPS.
let JPEG: Uint8Array;

async function shopper(customerId: string): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  clients.push(client);
  return client;
}

async function requestUpload(client: ShopperClient, contentType = 'image/jpeg'): Promise<Upload> {
  const requestId = randomUUID();
  client.sendRaw(JSON.stringify({ action: 'requestUpload', requestId, contentType, bytes: JPEG.length }));
  const event = await client.waitFor(
    (each) => (each.type === 'upload' && each.requestId === requestId) || each.type === 'error',
  );
  if (event.type !== 'upload') throw new Error(`no upload grant: ${JSON.stringify(event)}`);
  return event;
}

function post(upload: Upload, bytes: Uint8Array, fields: Record<string, string> = upload.fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes.slice().buffer], { type: fields['Content-Type'] }), 'photo');
  return fetch(upload.url, { method: 'POST', body: form });
}

beforeAll(async () => {
  JPEG = new Uint8Array(
    await renderPhoto({ kind: 'item', colour: '#c0282d', stored: 90, exif: true, width: 640, height: 480 }),
  );
  test = await startTestStack();
  await sharedOcrWorker.warm();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await test?.stop();
});

describe('a shopper sends a photo', { timeout: 180_000 }, () => {
  it('uploads through the granted endpoint and the message carries only the reference', async () => {
    const ana = await shopper('c-ana');
    const upload = await requestUpload(ana);
    expect(upload.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads$/);
    const response = await post(upload, JPEG);
    expect(response.status).toBe(204);
    // What is stored is the re-encoded photo: upright, and with no EXIF, GPS or camera make left in it.
    const kept = await readFile(join(test.dataDir, 'uploads', upload.key));
    const meta = await sharp(kept).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.orientation]).toEqual([
      'jpeg',
      640,
      480,
      undefined,
      undefined,
    ]);
    expect(kept.toString('latin1')).not.toContain(CAMERA_MAKE);

    const clientMessageId = randomUUID();
    ana.sendRaw(
      JSON.stringify({
        action: 'sendMessage',
        clientMessageId,
        text: 'The sleeve arrived torn, see the photo',
        attachments: [{ key: upload.key }],
      }),
    );
    const ack = await ana.waitFor(
      (event) =>
        (event.type === 'ack' || event.type === 'error') &&
        'clientMessageId' in event &&
        event.clientMessageId === clientMessageId,
    );
    expect(ack.type).toBe('ack');
    // The reply follows a look at the photo (OCR locally), which a loaded machine makes slow.
    await ana.waitFor(
      (event) => event.type === 'message' && event.role === 'assistant' && event.replyTo === clientMessageId,
      90_000,
    );

    // A second device replaying the conversation sees the reference, as an agent's console would.
    const sessionId = ack.type === 'ack' ? ack.sessionId : '';
    const replay = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-ana'),
      session: sessionId,
    });
    clients.push(replay);
    replay.sendRaw(JSON.stringify({ action: 'resume', cursor: 0 }));
    const stored = await replay.waitFor(
      (event) => event.type === 'message' && event.clientMessageId === clientMessageId,
    );
    expect(stored).toMatchObject({ attachments: [{ key: upload.key }] });
  });

  it('refuses a forged grant, a non-image and a form that does not match its grant', async () => {
    const ana = await shopper('c-ana');
    const upload = await requestUpload(ana);
    const forged = await post(upload, JPEG, { ...upload.fields, signature: 'x'.repeat(43) });
    expect(forged.status).toBe(403);
    const pdf = new TextEncoder().encode('%PDF-1.7 not a photo');
    expect((await post(upload, pdf)).status).toBe(400);
    // Bytes that start like a JPEG but stop half-way: refused with a typed reason, and nothing is stored.
    const truncated = await post(upload, JPEG.slice(0, Math.floor(JPEG.length / 2)));
    expect(truncated.status).toBe(422);
    expect(await truncated.json()).toMatchObject({ code: 'truncated' });
    await expect(readFile(join(test.dataDir, 'uploads', upload.key))).rejects.toThrow();
    const otherKey = await post(upload, JPEG, { ...upload.fields, key: `${upload.key}.jpg` });
    expect(otherKey.status).toBe(403);
    const tooBig = await post(upload, new Uint8Array(upload.maxBytes + 1).fill(0xff));
    expect([400, 413]).toContain(tooBig.status);
  });

  it("will not let one shopper attach another shopper's photo", async () => {
    const ana = await shopper('c-ana');
    const upload = await requestUpload(ana);
    expect((await post(upload, JPEG)).status).toBe(204);
    const jonas = await shopper('c-jonas');
    const clientMessageId = randomUUID();
    jonas.sendRaw(
      JSON.stringify({
        action: 'sendMessage',
        clientMessageId,
        text: 'Look at this',
        attachments: [{ key: upload.key }],
      }),
    );
    const refused = await jonas.waitFor((event) => event.type === 'error');
    expect(refused).toMatchObject({ code: 'invalid_attachment', clientMessageId });
    // The connection survives, as API Gateway's would.
    expect(await jonas.ask('Where is my order?')).toMatchObject({ role: 'assistant' });
  });
});
