import type { PhotoContentType } from '../core/protocol';

/** What the browser needs to upload one photo itself: a multipart POST of `fields`, then the file. */
export interface PhotoUploadGrant {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/**
 * Where shoppers' photos live: S3 with presigned POSTs in the cloud, a local folder and endpoint locally.
 * Whether an upload is ready to show is asked elsewhere (ports/photo-readiness), without the store.
 */
export interface PhotoStore {
  grantUpload(input: {
    key: string;
    contentType: PhotoContentType;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PhotoUploadGrant>;
  /** The normalised photo and the fingerprint recorded when it was normalised; undefined if absent. */
  read(key: string): Promise<StoredPhoto | undefined>;
}

export interface StoredPhoto {
  bytes: Uint8Array;
  contentType: string;
  /** dHash written at normalisation (S3 object metadata, or a sidecar file locally). */
  fingerprint?: string;
}
