import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { refusalKeyOf } from '../../core/photos/photo-keys';
import type { PhotoRefusal } from '../../core/photos/refusals';
import type { NormalisedPhoto } from '../../ports/photo-processing';
import type { UploadQuarantine } from '../../ports/photo-quarantine';

const statusOf = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/**
 * The `incoming/` prefix of the photo bucket. The normaliser's role has no s3:ListBucket (it would list
 * every shopper's keys), so S3 answers a missing upload with 403 AccessDenied rather than 404 NoSuchKey;
 * both mean the upload is gone, as the role may read the whole prefix (tests/infra asserts the grant).
 */
export class S3UploadQuarantine implements UploadQuarantine {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async readUpload(uploadKey: string): Promise<Uint8Array | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: uploadKey }));
      return object.Body ? await object.Body.transformToByteArray() : undefined;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'AccessDenied' || statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async keepPhoto(photoKey: string, photo: NormalisedPhoto): Promise<'kept' | 'exists'> {
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: photoKey,
          Body: photo.bytes,
          ContentType: photo.contentType,
          // Read back by S3PhotoStore.read: the perceptual hash that flags a photo reused across claims.
          Metadata: {
            fingerprint: photo.fingerprint,
            width: String(photo.width),
            height: String(photo.height),
          },
          // Evidence is written once: a second POST with the same (still valid) grant cannot replace it.
          IfNoneMatch: '*',
        }),
      );
      return 'kept';
    } catch (error) {
      // 412: a photo is already there; 409: another write of the same key is in flight.
      const status = statusOf(error);
      if (status === 412 || status === 409) return 'exists';
      throw error;
    }
  }

  async recordRefusal(photoKey: string, refusal: PhotoRefusal): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: refusalKeyOf(photoKey),
        Body: new Uint8Array(0),
        ContentType: 'application/octet-stream',
        Metadata: { refusal },
      }),
    );
  }

  async discardUpload(uploadKey: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: uploadKey }));
  }
}
