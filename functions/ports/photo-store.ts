import type { PhotoRefusal } from '../core/photos/refusals';
import type { PhotoContentType } from '../core/protocol';

/** What the browser needs to upload one photo itself: a multipart POST of `fields`, then the file. */
export interface PhotoUploadGrant {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/** Where shoppers' photos live: S3 with presigned POSTs in the cloud, a local folder and endpoint locally. */
export interface PhotoStore {
  grantUpload(input: {
    key: string;
    contentType: PhotoContentType;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PhotoUploadGrant>;
  /**
   * True once the upload has finished and been normalised; a message may only refer to a photo that
   * exists. In the cloud normalisation runs after the upload, so this waits briefly for it.
   */
  exists(key: string): Promise<boolean>;
  /**
   * Why an upload was refused after it arrived (the cloud normalises asynchronously); undefined when it
   * was not. Locally a refused upload is answered with 422 at once and nothing is recorded.
   */
  refusal(key: string): Promise<PhotoRefusal | undefined>;
  /** The normalised photo and the fingerprint recorded when it was normalised; undefined if absent. */
  read(key: string): Promise<StoredPhoto | undefined>;
}

export interface StoredPhoto {
  bytes: Uint8Array;
  contentType: string;
  /** dHash written at normalisation (S3 object metadata, or a sidecar file locally). */
  fingerprint?: string;
}
