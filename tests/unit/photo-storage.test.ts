import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { S3PostGrants } from '../../functions/adapters/aws/s3-post-grants';
import {
  LocalPhotoStore,
  localPhotoPath,
  verifyUploadPolicy,
} from '../../functions/adapters/local/local-photo-store';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session-token' };
const grants = (now?: () => Date) =>
  new S3PostGrants({
    bucket: 'afterdesk-photos',
    region: 'eu-west-1',
    credentials: async () => credentials,
    ...(now ? { now } : {}),
  });

afterEach(() => vi.useRealTimers());

describe('photos in S3', () => {
  it('grants a presigned POST to the quarantine prefix that pins the key and content type and caps the size', async () => {
    const grant = await grants().grantUpload({
      key: 'photos/0123456789abcdef/x.jpg',
      contentType: 'image/jpeg',
      maxBytes: 5_000_000,
      expiresInSeconds: 300,
    });
    expect(grant.url).toBe('https://afterdesk-photos.s3.eu-west-1.amazonaws.com/');
    // The browser writes under incoming/; only the normaliser writes the photo key itself.
    expect(grant.fields).toMatchObject({
      key: 'incoming/0123456789abcdef/x.jpg',
      'Content-Type': 'image/jpeg',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Security-Token': 'session-token',
    });
    expect(grant.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    const policy = JSON.parse(Buffer.from(grant.fields.Policy ?? '', 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 5_000_000],
        ['eq', '$Content-Type', 'image/jpeg'],
        { key: 'incoming/0123456789abcdef/x.jpg' },
      ]),
    );
    expect(Date.parse(policy.expiration) - Date.now()).toBeLessThanOrEqual(300_000);
  });

  it('signs exactly the form the SDK presigner signs (same policy, same signature), without an S3 client', async () => {
    const at = new Date('2026-12-06T03:30:00.000Z');
    vi.useFakeTimers({ now: at, toFake: ['Date'] });
    const ours = await grants(() => at).grantUpload({
      key: 'photos/0123456789abcdef/y.png',
      contentType: 'image/png',
      maxBytes: 1234,
      expiresInSeconds: 300,
    });
    const sdk = await createPresignedPost(new S3Client({ region: 'eu-west-1', credentials }), {
      Bucket: 'afterdesk-photos',
      Key: 'incoming/0123456789abcdef/y.png',
      Conditions: [
        ['content-length-range', 1, 1234],
        ['eq', '$Content-Type', 'image/png'],
      ],
      Fields: { 'Content-Type': 'image/png' },
      Expires: 300,
    });
    expect(ours.url).toBe(sdk.url);
    expect(ours.fields).toEqual(sdk.fields);
  });

  it('signs differently for another secret key: the signature covers the credentials', async () => {
    const at = () => new Date('2026-12-06T03:30:00.000Z');
    const input = {
      key: 'photos/0123456789abcdef/z.jpg',
      contentType: 'image/jpeg' as const,
      maxBytes: 10,
      expiresInSeconds: 60,
    };
    const other = new S3PostGrants({
      bucket: 'afterdesk-photos',
      region: 'eu-west-1',
      credentials: async () => ({ ...credentials, secretAccessKey: 'another' }),
      now: at,
    });
    const a = await grants(at).grantUpload(input);
    const b = await other.grantUpload(input);
    expect(a.fields.Policy).toBe(b.fields.Policy);
    expect(a.fields['X-Amz-Signature']).not.toBe(b.fields['X-Amz-Signature']);
  });
});

describe('photos on this machine', () => {
  const secret = new TextEncoder().encode('a local store secret of enough length');
  const store = new LocalPhotoStore(
    { getSigningSecret: async () => secret },
    'http://127.0.0.1:1/uploads',
    '/tmp/afterdesk-uploads',
  );

  it('signs a policy that only the same secret verifies, and only until it expires', async () => {
    const grant = await store.grantUpload({
      key: 'photos/0123456789abcdef/x.jpg',
      contentType: 'image/jpeg',
      maxBytes: 100,
      expiresInSeconds: 60,
    });
    expect(verifyUploadPolicy(secret, grant.fields)).toMatchObject({
      ok: true,
      policy: { key: 'photos/0123456789abcdef/x.jpg', maxBytes: 100 },
    });
    expect(verifyUploadPolicy(new TextEncoder().encode('another secret'), grant.fields)).toMatchObject({
      ok: false,
    });
    expect(verifyUploadPolicy(secret, grant.fields, new Date(Date.now() + 61_000))).toEqual({
      ok: false,
      reason: 'the upload grant has expired',
    });
  });

  it('never resolves a key outside the uploads folder', () => {
    expect(localPhotoPath('/tmp/up', 'photos/a/b.jpg')).toBe('/tmp/up/photos/a/b.jpg');
    expect(localPhotoPath('/tmp/up', '../secret')).toBeUndefined();
    expect(localPhotoPath('/tmp/up', '/etc/passwd')).toBe('/tmp/up/etc/passwd');
  });
});
