import { HeadObjectCommand, NotFound, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3PhotoStore } from '../../functions/adapters/aws/s3-photo-store';
import {
  LocalPhotoStore,
  localPhotoPath,
  verifyUploadPolicy,
} from '../../functions/adapters/local/local-photo-store';

const s3 = mockClient(S3Client);
const client = () =>
  new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });

beforeEach(() => s3.reset());

describe('photos in S3', () => {
  it('grants a presigned POST to the quarantine prefix that pins the key and content type and caps the size', async () => {
    const store = new S3PhotoStore(client(), 'afterdesk-photos');
    const grant = await store.grantUpload({
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

  it('knows a finished upload from a missing one (404, or 403 without s3:ListBucket) and does not hide other failures', async () => {
    s3.on(HeadObjectCommand, { Key: 'photos/a/present.jpg' })
      .resolves({ ContentLength: 1234, ContentType: 'image/jpeg', $metadata: { httpStatusCode: 200 } })
      .on(HeadObjectCommand, { Key: 'photos/a/missing.jpg' })
      .rejects(new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } }))
      .on(HeadObjectCommand, { Key: 'photos/a/unlisted.jpg' })
      .rejects(
        new S3ServiceException({
          name: 'Forbidden',
          $fault: 'client',
          message: 'Forbidden',
          $metadata: { httpStatusCode: 403 },
        }),
      )
      .on(HeadObjectCommand, { Key: 'photos/a/failing.jpg' })
      .rejects(
        new S3ServiceException({
          name: 'InternalError',
          $fault: 'server',
          message: 'We encountered an internal error. Please try again.',
          $metadata: { httpStatusCode: 500 },
        }),
      )
      .on(HeadObjectCommand, { Key: 'incoming/a/missing.jpg' })
      .rejects(new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } }))
      .on(HeadObjectCommand, { Key: 'incoming/a/unlisted.jpg' })
      .rejects(new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } }));
    const store = new S3PhotoStore(client(), 'afterdesk-photos');
    expect(await store.exists('photos/a/present.jpg')).toBe(true);
    expect(await store.exists('photos/a/missing.jpg')).toBe(false);
    expect(await store.exists('photos/a/unlisted.jpg')).toBe(false);
    await expect(store.exists('photos/a/failing.jpg')).rejects.toThrow('internal error');
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
