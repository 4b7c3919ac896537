import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { S3PhotoStore, S3ReadError } from '../../functions/adapters/aws/s3-photo-store';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session-token' };

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A loopback stand-in for S3 that answers each GET with `respond` and keeps what it was sent. */
async function fakeS3(respond: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: IncomingMessage[] = [];
  server = createServer((req, res) => {
    seen.push(req);
    respond(req, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const store = new S3PhotoStore({
    bucket: 'afterdesk-photos',
    region: 'eu-west-1',
    credentials: async () => credentials,
    endpoint: `http://127.0.0.1:${port}`,
  });
  return { store, seen };
}

/** Signature V4 recomputed from the received request, written from the AWS documentation, not the signer. */
function expectedSignature(req: IncomingMessage): string {
  const auth = String(req.headers.authorization);
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const amzDate = String(req.headers['x-amz-date']);
  const scope = `${amzDate.slice(0, 8)}/eu-west-1/s3/aws4_request`;
  // Method, path, query, headers (each line ending in a newline), signed header names, payload hash.
  const canonical = [
    'GET',
    req.url,
    '',
    signedHeaders.map((name) => `${name}:${String(req.headers[name]).trim()}\n`).join(''),
    signedHeaders.join(';'),
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const toSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  let key = hmac(`AWS4${credentials.secretAccessKey}`, amzDate.slice(0, 8));
  for (const part of ['eu-west-1', 's3', 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('reading photos from S3 without the S3 client', () => {
  it('sends one GetObject signed with the role credentials and returns the bytes, type and fingerprint', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const { store, seen } = await fakeS3((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'x-amz-meta-fingerprint': '0123456789abcdef' });
      res.end(jpeg);
    });
    const photo = await store.read('photos/c-1/a b.jpg');
    expect(photo).toEqual({
      bytes: new Uint8Array(jpeg),
      contentType: 'image/jpeg',
      fingerprint: '0123456789abcdef',
    });
    const [req] = seen;
    expect(req?.method).toBe('GET');
    expect(req?.url).toBe('/afterdesk-photos/photos/c-1/a%20b.jpg');
    expect(req?.headers['x-amz-security-token']).toBe('session-token');
    expect(req?.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    const auth = String(req?.headers.authorization);
    expect(auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request, /);
    expect(auth).toMatch(/SignedHeaders=[^,]*host;[^,]*x-amz-content-sha256;x-amz-date;x-amz-security-token/);
    expect(/Signature=([0-9a-f]{64})$/.exec(auth)?.[1]).toBe(expectedSignature(req as IncomingMessage));
  });

  it('answers undefined for a missing photo and ignores a fingerprint that is not one', async () => {
    const { store } = await fakeS3((req, res) => {
      if (req.url?.endsWith('/gone.jpg')) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end('<Error><Code>NoSuchKey</Code></Error>');
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png', 'x-amz-meta-fingerprint': 'not-a-hash' });
      res.end('png');
    });
    expect(await store.read('photos/c-1/gone.jpg')).toBeUndefined();
    expect(await store.read('photos/c-1/here.png')).toEqual({
      bytes: new Uint8Array(Buffer.from('png')),
      contentType: 'image/png',
    });
  });

  it('throws a typed error with S3 code on a refusal, without retrying it', async () => {
    const { store, seen } = await fakeS3((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
    });
    const failure = await store.read('photos/c-1/x.jpg').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(S3ReadError);
    expect(failure).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect((failure as Error).message).not.toContain('c-1');
    expect(seen).toHaveLength(1);
  });

  it('retries a server error and returns the photo once S3 answers', async () => {
    let calls = 0;
    const { store, seen } = await fakeS3((_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(503, { 'content-type': 'application/xml' });
        res.end('<Error><Code>SlowDown</Code></Error>');
        return;
      }
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end('ok');
    });
    expect(await store.read('photos/c-1/x.jpg')).toMatchObject({ contentType: 'image/jpeg' });
    expect(seen).toHaveLength(2);
  });
});
