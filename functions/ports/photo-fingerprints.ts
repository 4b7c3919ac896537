import type { PhotoSighting } from '../core/photos/evidence';

/** Remembers each photo's perceptual hash and finds earlier photos within a few bits of it. */
export interface PhotoFingerprints {
  /** Stores the sighting and returns earlier ones within `maxDistance` bits (itself excluded). */
  remember(sighting: PhotoSighting, maxDistance: number): Promise<PhotoSighting[]>;
}
