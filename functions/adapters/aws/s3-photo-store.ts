import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { PhotoStore, StoredPhoto } from '../../ports/photo-store';

/**
 * Reading normalised photos from the photo bucket (the assistant looks at them). Upload grants are
 * signed by S3PostGrants and readiness is recorded in DynamoDB (DynamoDbPhotoReadiness), so the chat
 * routes never carry this S3 client.
 */
export class S3PhotoStore implements Pick<PhotoStore, 'read'> {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

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
