import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { refusalKeyOf, uploadKeyOf } from '../../core/photos/photo-keys';
import { isPhotoRefusal, type PhotoRefusal } from '../../core/photos/refusals';
import type { PhotoStore, PhotoUploadGrant, StoredPhoto } from '../../ports/photo-store';

export interface SettleOptions {
  /** How long a check waits for the normaliser to finish an upload it finds still in `incoming/`. */
  settleMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

// sendMessage times out after 15 s and the agent's video routes (snapshots) after 10 s: a check gives up
// well before either; a cold normaliser (EventBridge delivery, start, sharp) takes a few seconds.
const SETTLE_MS = 6000;
const POLL_MS = 250;

/**
 * Presigned POST rather than PUT: only a POST policy can cap the size (`content-length-range`) and pin
 * the content type, so a grant cannot be reused to park a large or non-image object in the bucket.
 *
 * The POST lands under `incoming/`, never under the photo key: the normaliser function (EventBridge on
 * Object Created) writes the photo key itself, so every object under `photos/` is normalised and the
 * assistant, Bedrock and agents never see raw bytes (docs/after-sales.md, "Photos in AWS").
 */
export class S3PhotoStore implements PhotoStore {
  private readonly settleMs: number;
  private readonly pollMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    options: SettleOptions = {},
  ) {
    this.settleMs = options.settleMs ?? SETTLE_MS;
    this.pollMs = options.pollMs ?? POLL_MS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async grantUpload(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PhotoUploadGrant> {
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: uploadKeyOf(input.key),
      Conditions: [
        ['content-length-range', 1, input.maxBytes],
        ['eq', '$Content-Type', input.contentType],
      ],
      Fields: { 'Content-Type': input.contentType },
      Expires: input.expiresInSeconds,
    });
    return { url, fields, expiresAt: new Date(Date.now() + input.expiresInSeconds * 1000).toISOString() };
  }

  /**
   * True once the normalised photo exists. While the upload still waits in `incoming/` (the widget sends
   * its message right after the POST), the check waits for the normaliser, up to `settleMs`. The
   * normaliser writes its outcome before discarding the upload, so an upload found gone is settled.
   */
  async exists(key: string): Promise<boolean> {
    const deadline = Date.now() + this.settleMs;
    for (;;) {
      if (await this.present(key)) return true;
      if (!(await this.present(uploadKeyOf(key)))) return this.present(key);
      if (Date.now() >= deadline) return false;
      await this.sleep(this.pollMs);
    }
  }

  /** Why the normaliser refused this upload, if it did (an empty marker under `refused/`). */
  async refusal(key: string): Promise<PhotoRefusal | undefined> {
    const head = await this.head(refusalKeyOf(key));
    const refusal = head?.Metadata?.refusal;
    return isPhotoRefusal(refusal) ? refusal : undefined;
  }

  private async present(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  /**
   * HeadObject, undefined when absent. Roles that check photos have s3:GetObject on the prefixes but no
   * s3:ListBucket (which would list every shopper's keys), so S3 answers a missing key with 403, not 404:
   * both mean absent here. Throttling and server errors still throw.
   */
  private async head(key: string) {
    try {
      return await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || status === 403) return undefined;
      throw error;
    }
  }

  async read(key: string): Promise<StoredPhoto | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!object.Body) return undefined;
      const bytes = await object.Body.transformToByteArray();
      const fingerprint = object.Metadata?.fingerprint;
      return {
        bytes,
        contentType: object.ContentType ?? 'image/jpeg',
        ...(fingerprint && /^[0-9a-f]{16}$/.test(fingerprint) ? { fingerprint } : {}),
      };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
}
