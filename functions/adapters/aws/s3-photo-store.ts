import { HttpRequest } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { PhotoStore, StoredPhoto } from '../../ports/photo-store';
import { Sha256, type SigningCredentials } from './s3-post-grants';

/** A GetObject S3 refused or could not answer; the status and S3's error code, never the key. */
export class S3ReadError extends Error {
  override readonly name = 'S3ReadError';
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`S3 GetObject failed: ${status} ${code}`);
  }
}

const ATTEMPTS = 3;

/**
 * Reading normalised photos from the photo bucket (the assistant looks at them): one GetObject, signed with
 * Signature V4 by @smithy/signature-v4 and sent by @smithy/node-http-handler, the signer and handler every
 * SDK client in the bundle already uses. Hand-written rather than @aws-sdk/client-s3 because the client's
 * endpoint rules, XML protocol and checksum code (140 KB, 12% of the assistant bundle) served this one GET.
 * Upload grants are signed by S3PostGrants and readiness is recorded in DynamoDB (DynamoDbPhotoReadiness).
 */
export class S3PhotoStore implements Pick<PhotoStore, 'read'> {
  private readonly signer: SignatureV4;
  private readonly http: NodeHttpHandler;
  private readonly base: URL;

  constructor(options: {
    bucket: string;
    region: string;
    credentials: () => Promise<SigningCredentials>;
    /** Path-style endpoint (tests); the bucket's virtual-hosted endpoint otherwise. */
    endpoint?: string;
  }) {
    this.signer = new SignatureV4({
      service: 's3',
      region: options.region,
      credentials: options.credentials,
      sha256: Sha256,
      // S3 signs the path as sent (encoded once), unlike other services.
      uriEscapePath: false,
    });
    this.http = new NodeHttpHandler({ connectionTimeout: 3_000, requestTimeout: 10_000 });
    this.base = new URL(
      options.endpoint
        ? `${options.endpoint.replace(/\/$/, '')}/${options.bucket}`
        : `https://${options.bucket}.s3.${options.region}.amazonaws.com`,
    );
  }

  async read(key: string): Promise<StoredPhoto | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readOnce(key);
      } catch (error) {
        // As the SDK's standard retries: server errors, throttling and dropped connections, not refusals.
        const retryable = !(error instanceof S3ReadError) || error.status >= 500 || error.code === 'SlowDown';
        if (!retryable || attempt >= ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }

  private async readOnce(key: string): Promise<StoredPhoto | undefined> {
    const { base } = this;
    const request = new HttpRequest({
      method: 'GET',
      protocol: base.protocol,
      hostname: base.hostname,
      ...(base.port ? { port: Number(base.port) } : {}),
      path: `${base.pathname.replace(/\/$/, '')}/${key.split('/').map(encodeSegment).join('/')}`,
      headers: { host: base.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    const { response } = await this.http.handle((await this.signer.sign(request)) as HttpRequest);
    const body = await collect(response.body as AsyncIterable<Uint8Array> | undefined);
    if (response.statusCode === 404) return undefined;
    if (response.statusCode !== 200) {
      const code = /<Code>([^<]{1,64})<\/Code>/.exec(Buffer.from(body).toString('utf8'))?.[1] ?? 'Unknown';
      throw new S3ReadError(response.statusCode, code);
    }
    const header = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const fingerprint = header('x-amz-meta-fingerprint');
    return {
      bytes: body,
      contentType: header('content-type') ?? 'image/jpeg',
      ...(fingerprint && /^[0-9a-f]{16}$/.test(fingerprint) ? { fingerprint } : {}),
    };
  }
}

/** RFC 3986 encoding of one key segment, as S3 expects in the canonical request. */
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

async function collect(body: AsyncIterable<Uint8Array> | undefined): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
