import type { PhotoRefusal } from '../core/photos/refusals';

/**
 * Whether an uploaded photo may be shown: a small record written where the photo lands (the normaliser in
 * the cloud, the upload endpoint locally), read with one DynamoDB call instead of asking the photo store.
 */
export interface PhotoReadiness {
  /**
   * True once the upload has finished and been normalised; a message may only refer to a photo that
   * exists. Normalisation may still be running when the message arrives, so this waits briefly for it.
   */
  exists(key: string): Promise<boolean>;
  /** Why the upload was refused after it arrived; undefined when it was not (or is not settled yet). */
  refusal(key: string): Promise<PhotoRefusal | undefined>;
}

/** The writer's side: the outcome of normalising one upload, recorded once the photo (or refusal) is stored. */
export interface PhotoOutcomes {
  recordReady(photoKey: string): Promise<void>;
  recordRefused(photoKey: string, refusal: PhotoRefusal): Promise<void>;
}
