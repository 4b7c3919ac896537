import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type PutObjectCommandInput,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { sdkStreamMixin } from '@smithy/core/serde';
import { mockClient } from 'aws-sdk-client-mock';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CAMERA_MAKE, renderPhoto } from '../../bench/photos/render';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbPhotoReadiness } from '../../functions/adapters/aws/dynamodb-photo-readiness';
import { differenceHash } from '../../functions/adapters/images/sharp-photo-normaliser';
import { acceptMessage } from '../../functions/core/chat/accept-message';
import { photoOwnerPrefix } from '../../functions/core/photos/photo-keys';
import { MAX_NORMALISED_BYTES, MAX_PHOTO_EDGE } from '../../functions/core/photos/refusals';
import { lambdaContext } from '../../local/gateway/lambda-context';
import { startTestDynamoDb, type TestDynamoDb } from '../support/dynamodb';

const BUCKET = 'afterdesk-photos-test';
const s3 = mockClient(S3Client);
const tail = `${photoOwnerPrefix('cust-1').slice('photos/'.length)}0b6a3c52-1d2e-4f60-9a7b-8c9d0e1f2a3b.jpg`;
const UPLOAD_KEY = `incoming/${tail}`;
const PHOTO_KEY = `photos/${tail}`;
const REFUSAL_KEY = `refused/${tail}`;

type Handler = typeof import('../../functions/handlers/normalise-photo').handler;
let handler: Handler;
let dynamo: TestDynamoDb;
/** Where the normaliser records outcomes and sendMessage reads them: a real DynamoDB Local table. */
let readiness: (options?: ConstructorParameters<typeof DynamoDbPhotoReadiness>[2]) => DynamoDbPhotoReadiness;

beforeAll(async () => {
  dynamo = await startTestDynamoDb();
  const tables = await dynamo.createTables();
  const db = createDocumentClient({ region: 'eu-west-1', endpoint: dynamo.endpoint });
  readiness = (options) => new DynamoDbPhotoReadiness(db, tables.names.Conversations, options);
  // The function reads its configuration at import, as at a cold start.
  Object.assign(process.env, {
    AFTERDESK_MODE: 'aws',
    PHOTO_BUCKET: BUCKET,
    CONVERSATIONS_TABLE: tables.names.Conversations,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
  });
  ({ handler } = await import('../../functions/handlers/normalise-photo'));
}, 60_000);

afterAll(async () => {
  await dynamo?.stop();
});

beforeEach(() => s3.reset());

/** What EventBridge delivers for a presigned POST (source aws.s3, detail-type Object Created). */
function objectCreated(key: string, size: number) {
  return {
    version: '0',
    id: '17793124-05d4-b198-2fde-7ededc63b103',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '123456789012',
    time: '2026-12-05T23:59:01Z',
    region: 'eu-west-1',
    resources: [`arn:aws:s3:::${BUCKET}`],
    detail: {
      version: '0',
      bucket: { name: BUCKET },
      object: { key, size, etag: 'b1946ac92492d2347c6235b4d2611184', sequencer: '00617F08299329D189' },
      'request-id': 'N4N7GDK58NMKJ12R',
      requester: '123456789012',
      'source-ip-address': '203.0.113.15',
      reason: 'PostObject',
    },
  };
}

/** GetObject's Body as the SDK hands it over in Node: a stream with the transform helpers mixed in. */
function uploaded(bytes: Uint8Array, contentType: string) {
  s3.on(GetObjectCommand, { Bucket: BUCKET, Key: UPLOAD_KEY }).resolves({
    Body: sdkStreamMixin(Readable.from([Buffer.from(bytes)])),
    ContentLength: bytes.length,
    ContentType: contentType,
    ETag: '"b1946ac92492d2347c6235b4d2611184"',
    $metadata: { httpStatusCode: 200 },
  });
  s3.on(PutObjectCommand).resolves({
    ETag: '"9b2cf535f27731c974343645a3985328"',
    $metadata: { httpStatusCode: 200 },
  });
  s3.on(DeleteObjectCommand).resolves({ $metadata: { httpStatusCode: 204 } });
}

const run = (event: unknown) => handler(event, lambdaContext('normalisePhoto', 30_000));
const puts = () =>
  s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input as PutObjectCommandInput);
const deletes = () => s3.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input.Key);

describe('the photo normaliser in AWS', () => {
  it('stores a sideways phone photo upright, without EXIF or GPS, within Bedrock limits, with its hash, and deletes the upload', async () => {
    const upload = await renderPhoto({
      kind: 'item',
      colour: '#c0282d',
      stored: 90,
      exif: true,
      width: 2400,
      height: 1800,
    });
    const before = await sharp(upload).metadata();
    expect(before.orientation).toBe(6);
    expect(upload.toString('latin1')).toContain(CAMERA_MAKE);
    uploaded(upload, 'image/jpeg');

    await run(objectCreated(UPLOAD_KEY, upload.length));

    const [stored, ...others] = puts();
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      Bucket: BUCKET,
      Key: PHOTO_KEY,
      ContentType: 'image/jpeg',
      IfNoneMatch: '*',
    });
    const bytes = Buffer.from(stored?.Body as Uint8Array);
    const after = await sharp(bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(bytes.toString('latin1')).not.toContain(CAMERA_MAKE);
    expect(bytes.toString('latin1')).not.toContain('Exif');
    // Stood upright: landscape again, the long edge at Bedrock's limit.
    expect([after.width, after.height]).toEqual([MAX_PHOTO_EDGE, 1176]);
    expect(bytes.length).toBeLessThanOrEqual(MAX_NORMALISED_BYTES);
    expect(stored?.Metadata).toEqual({
      fingerprint: await differenceHash(bytes),
      width: String(MAX_PHOTO_EDGE),
      height: '1176',
    });
    expect(deletes()).toEqual([UPLOAD_KEY]);
    // The photo is written before the upload goes, so a reader never finds neither.
    const order = s3.calls().map((call) => call.args[0].constructor.name);
    expect(order).toEqual(['GetObjectCommand', 'PutObjectCommand', 'DeleteObjectCommand']);
  });

  it('refuses a file that is not an image: records why, stores no photo, deletes the upload', async () => {
    uploaded(new TextEncoder().encode('%PDF-1.7 this is a document, not a photo'), 'image/jpeg');
    await run(objectCreated(UPLOAD_KEY, 40));
    expect(puts()).toEqual([
      expect.objectContaining({ Key: REFUSAL_KEY, Metadata: { refusal: 'not_an_image' } }),
    ]);
    expect((puts()[0]?.Body as Uint8Array | undefined)?.length).toBe(0);
    expect(deletes()).toEqual([UPLOAD_KEY]);
  });

  it('refuses a decompression bomb by its header, without decoding it, and deletes the upload', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const ihdr = png.subarray(12, 29);
    ihdr.writeUInt32BE(30000, 4);
    ihdr.writeUInt32BE(30000, 8);
    const { crc32 } = await import('node:zlib');
    png.writeUInt32BE(crc32(ihdr), 29);
    uploaded(png, 'image/png');
    await run(objectCreated(UPLOAD_KEY, png.length));
    expect(puts()).toEqual([
      expect.objectContaining({ Key: REFUSAL_KEY, Metadata: { refusal: 'too_many_pixels' } }),
    ]);
    expect(deletes()).toEqual([UPLOAD_KEY]);
  });

  it('tells the shopper why, by code, when their message refers to a refused photo', async () => {
    uploaded(new TextEncoder().encode('%PDF-1.7 a refused upload, checked afterwards'), 'image/jpeg');
    await run(objectCreated(UPLOAD_KEY, 40));
    const reply = await acceptMessage(
      {
        photos: readiness(),
        conversations: {
          appendShopperMessage: async () => {
            throw new Error('a message with a refused photo must not be stored');
          },
        },
      },
      {
        connectionId: 'conn-1',
        customerId: 'cust-1',
        sessionId: 'session-1',
        body: JSON.stringify({
          action: 'sendMessage',
          clientMessageId: 'msg-00000001',
          text: 'the label',
          attachments: [{ key: PHOTO_KEY }],
        }),
      },
    );
    expect(reply).toEqual({
      type: 'error',
      code: 'invalid_attachment',
      message: expect.stringContaining('(not_an_image)'),
      clientMessageId: 'msg-00000001',
    });
  });

  it('does nothing for an upload already handled (the event delivered twice)', async () => {
    s3.on(GetObjectCommand).rejects(
      new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }),
    );
    await run(objectCreated(UPLOAD_KEY, 1000));
    expect(puts()).toEqual([]);
    expect(deletes()).toEqual([]);
  });

  it('never replaces a stored photo: a second POST with the same grant is discarded', async () => {
    uploaded(await renderPhoto({ kind: 'item', colour: '#2e7d32', seed: 4 }), 'image/jpeg');
    s3.on(PutObjectCommand).rejects(
      new S3ServiceException({
        name: 'PreconditionFailed',
        $fault: 'client',
        message: 'At least one of the pre-conditions you specified did not hold',
        $metadata: { httpStatusCode: 412 },
      }),
    );
    await run(objectCreated(UPLOAD_KEY, 1000));
    expect(puts().map((put) => put.Key)).toEqual([PHOTO_KEY]);
    expect(deletes()).toEqual([UPLOAD_KEY]);
  });

  it('keeps the upload for a retry when S3 fails, and says so by failing', async () => {
    uploaded(await renderPhoto({ kind: 'item', colour: '#1b2a5c', seed: 5 }), 'image/jpeg');
    s3.on(PutObjectCommand).rejects(
      new S3ServiceException({
        name: 'SlowDown',
        $fault: 'server',
        message: 'Please reduce your request rate.',
        $metadata: { httpStatusCode: 503 },
      }),
    );
    await expect(run(objectCreated(UPLOAD_KEY, 1000))).rejects.toThrow('reduce your request rate');
    expect(deletes()).toEqual([]);
  });

  it('ignores keys its grants never make and events that are not Object Created', async () => {
    await run(objectCreated('incoming/../photos/x.jpg', 10));
    await run({ source: 'aws.s3', 'detail-type': 'Object Deleted', detail: {} });
    expect(s3.calls()).toEqual([]);
  });
});

describe('checking an attached photo (the outcome the normaliser records)', () => {
  const keyOf = (n: number) =>
    `${photoOwnerPrefix('cust-2')}0b6a3c52-1d2e-4f60-9a7b-8c9d0e1f2a${String(n).padStart(2, '0')}.jpg`;

  it('finds a photo the normaliser kept, after its upload was normalised', async () => {
    uploaded(await renderPhoto({ kind: 'item', colour: '#2e7d32', seed: 7 }), 'image/jpeg');
    await run(objectCreated(UPLOAD_KEY, 1000));
    expect(await readiness({ settleMs: 0 }).exists(PHOTO_KEY)).toBe(true);
    expect(await readiness().refusal(PHOTO_KEY)).toBeUndefined();
  });

  it('waits while the upload is still being normalised, then finds the photo', async () => {
    const key = keyOf(1);
    const writer = readiness();
    const sleeps: number[] = [];
    const store = readiness({
      sleep: async (ms) => {
        sleeps.push(ms);
        // The normaliser finishes while the check waits.
        if (sleeps.length === 2) await writer.recordReady(key);
      },
    });
    expect(await store.exists(key)).toBe(true);
    expect(sleeps).toEqual([250, 250]);
  });

  it('gives up when the normaliser never finishes, and reports a refusal only when one is recorded', async () => {
    const key = keyOf(2);
    let clock = 0;
    const store = readiness({
      settleMs: 1000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    expect(await store.exists(key)).toBe(false);
    expect(clock).toBe(1000);
    expect(await store.refusal(key)).toBeUndefined();
    await readiness().recordRefused(key, 'too_small');
    expect(await store.exists(key)).toBe(false);
    expect(await store.refusal(key)).toBe('too_small');
  });

  it("refuses another shopper's photo, even a ready one, without looking it up", async () => {
    const key = keyOf(3);
    await readiness().recordReady(key);
    const looked: string[] = [];
    const reply = await acceptMessage(
      {
        photos: {
          exists: async (k) => {
            looked.push(k);
            return true;
          },
        },
        conversations: {
          appendShopperMessage: async () => {
            throw new Error("a message with another shopper's photo must not be stored");
          },
        },
      },
      {
        connectionId: 'conn-1',
        customerId: 'cust-1',
        sessionId: 'session-1',
        body: JSON.stringify({
          action: 'sendMessage',
          clientMessageId: 'msg-00000002',
          text: 'this one',
          attachments: [{ key }],
        }),
      },
    );
    expect(reply).toMatchObject({
      type: 'error',
      code: 'invalid_attachment',
      clientMessageId: 'msg-00000002',
    });
    expect(looked).toEqual([]);
    expect(await readiness().exists(key)).toBe(true);
  });
});
