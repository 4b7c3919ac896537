import type { PhotoRefusal } from '../core/photos/refusals';
import type { NormalisedPhoto } from './photo-processing';

/**
 * Raw uploads waiting for the normaliser (S3 `incoming/` in the cloud). Only the normaliser reads them;
 * what it keeps is written once under the photo key and the upload is then discarded.
 */
export interface UploadQuarantine {
  /** The upload's bytes, or undefined once it is gone (the same event delivered twice). */
  readUpload(uploadKey: string): Promise<Uint8Array | undefined>;
  /**
   * Writes the normalised photo and its fingerprint under the photo key, never over an existing one:
   * 'exists' when a photo is already there (a re-used upload grant, or a retried event).
   */
  keepPhoto(photoKey: string, photo: NormalisedPhoto): Promise<'kept' | 'exists'>;
  /** Records why the upload was refused, so the shopper's next message learns it. No bytes are kept. */
  recordRefusal(photoKey: string, refusal: PhotoRefusal): Promise<void>;
  discardUpload(uploadKey: string): Promise<void>;
}
