import type { PhotoNormaliser } from '../../ports/photo-processing';
import type { UploadQuarantine } from '../../ports/photo-quarantine';
import { photoKeyOfUpload } from './photo-keys';
import { type PhotoRefusal, PhotoRefusedError } from './refusals';

export type NormaliseOutcome =
  | { status: 'kept'; photoKey: string; fingerprint: string; width: number; height: number; bytes: number }
  /** A photo already sits under this key: evidence is written once and never replaced. */
  | { status: 'exists'; photoKey: string }
  | { status: 'refused'; photoKey: string; refusal: PhotoRefusal }
  /** Nothing to do: the upload was already handled (events may arrive twice). */
  | { status: 'gone'; photoKey: string }
  /** Not a key our upload grants make; left to the quarantine's one-day expiry. */
  | { status: 'ignored' };

/**
 * The cloud's half of every photo upload: the raw bytes a browser POSTed are re-encoded (upright, no
 * metadata, within Bedrock's limits, fingerprinted) before anything else may see them, then discarded.
 * The outcome is written before the upload is discarded, so a reader that finds the upload gone always
 * finds either the photo or the refusal. Errors other than a refusal propagate: the event is retried.
 */
export async function normaliseUpload(
  deps: { quarantine: UploadQuarantine; normaliser: PhotoNormaliser },
  uploadKey: string,
): Promise<NormaliseOutcome> {
  const photoKey = photoKeyOfUpload(uploadKey);
  if (!photoKey) return { status: 'ignored' };
  const bytes = await deps.quarantine.readUpload(uploadKey);
  if (!bytes) return { status: 'gone', photoKey };
  let outcome: NormaliseOutcome;
  try {
    const photo = await deps.normaliser.normalise(bytes);
    const written = await deps.quarantine.keepPhoto(photoKey, photo);
    outcome =
      written === 'exists'
        ? { status: 'exists', photoKey }
        : {
            status: 'kept',
            photoKey,
            fingerprint: photo.fingerprint,
            width: photo.width,
            height: photo.height,
            bytes: photo.bytes.length,
          };
  } catch (error) {
    if (!(error instanceof PhotoRefusedError)) throw error;
    await deps.quarantine.recordRefusal(photoKey, error.code);
    outcome = { status: 'refused', photoKey, refusal: error.code };
  }
  await deps.quarantine.discardUpload(uploadKey);
  return outcome;
}
