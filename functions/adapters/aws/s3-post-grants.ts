import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { createScope, getSigningKey } from '@smithy/signature-v4';
import { uploadKeyOf } from '../../core/photos/photo-keys';
import type { PhotoStore, PhotoUploadGrant } from '../../ports/photo-store';

/**
 * SHA-256 (HMAC with a secret) in the shape the signing key derivation takes, on node:crypto: the pure-JS
 * @aws-crypto/sha256-js would add 6 KB to the bundle for what Node does natively.
 */
export class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const bytes = (data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Presigned POSTs to the photo bucket, signed here with Signature V4 (@smithy/signature-v4's signing
 * key) rather than by @aws-sdk/s3-presigned-post, which needs a whole S3Client (its endpoint rules and
 * protocol, 175 KB of the request-upload bundle) only to learn the region, credentials and bucket URL.
 * The policy is the one createPresignedPost writes (tests/unit/photo-storage checks its fields).
 *
 * Presigned POST rather than PUT: only a POST policy can cap the size (`content-length-range`) and pin
 * the content type, so a grant cannot be reused to park a large or non-image object in the bucket.
 *
 * The POST lands under `incoming/`, never under the photo key: the normaliser function (EventBridge on
 * Object Created) writes the photo key itself, so every object under `photos/` is normalised and the
 * assistant, Bedrock and agents never see raw bytes (docs/after-sales.md, "Photos in AWS").
 */
export class S3PostGrants implements Pick<PhotoStore, 'grantUpload'> {
  constructor(
    private readonly options: {
      bucket: string;
      region: string;
      credentials: () => Promise<SigningCredentials>;
      now?: () => Date;
    },
  ) {}

  async grantUpload(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PhotoUploadGrant> {
    const { bucket, region } = this.options;
    const now = this.options.now?.() ?? new Date();
    const credentials = await this.options.credentials();
    const amzDate = iso8601(now).replace(/[-:]/g, '');
    const shortDate = amzDate.slice(0, 8);
    const expiresAt = new Date(now.getTime() + input.expiresInSeconds * 1000);
    const key = uploadKeyOf(input.key);
    const fields: Record<string, string> = {
      'Content-Type': input.contentType,
      bucket,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${credentials.accessKeyId}/${createScope(shortDate, region, 's3')}`,
      'X-Amz-Date': amzDate,
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    };
    const policy = Buffer.from(
      JSON.stringify({
        expiration: iso8601(expiresAt),
        conditions: [
          ['content-length-range', 1, input.maxBytes],
          ['eq', '$Content-Type', input.contentType],
          ...Object.entries(fields).map(([name, value]) => ({ [name]: value })),
          { key },
        ],
      }),
    ).toString('base64');
    const signingKey = await getSigningKey(Sha256, credentials, shortDate, region, 's3');
    const hmac = new Sha256(signingKey);
    hmac.update(policy);
    const signature = Buffer.from(await hmac.digest()).toString('hex');
    return {
      // Virtual-hosted style, as the SDK builds it for a bucket name without dots (CDK names have none).
      url: `https://${bucket}.s3.${region}.amazonaws.com/`,
      fields: { ...fields, key, Policy: policy, 'X-Amz-Signature': signature },
      expiresAt: expiresAt.toISOString(),
    };
  }
}

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
