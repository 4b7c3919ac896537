import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { PhotoStore, PhotoUploadGrant, StoredPhoto } from '../../ports/photo-store';

/**
 * Presigned POST rather than PUT: only a POST policy can cap the size (`content-length-range`) and pin
 * the content type, so a grant cannot be reused to park a large or non-image object in the bucket.
 */
export class S3PhotoStore implements PhotoStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async grantUpload(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PhotoUploadGrant> {
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: input.key,
      Conditions: [
        ['content-length-range', 1, input.maxBytes],
        ['eq', '$Content-Type', input.contentType],
      ],
      Fields: { 'Content-Type': input.contentType },
      Expires: input.expiresInSeconds,
    });
    return { url, fields, expiresAt: new Date(Date.now() + input.expiresInSeconds * 1000).toISOString() };
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return false;
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
