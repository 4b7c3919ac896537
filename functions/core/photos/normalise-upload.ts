import type { PhotoNormaliser } from '../../ports/photo-processing';
import type { UploadQuarantine } from '../../ports/photo-quarantine';
import type { PhotoOutcomes } from '../../ports/photo-readiness';
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
 * finds either the photo or the refusal; then it is recorded where chat routes check it (PhotoOutcomes),
 * also when the photo was already there (a retry after a crash between the two writes). Errors other than
 * a refusal propagate: the event is retried, the upload still in place.
 */
export async function normaliseUpload(
  deps: { quarantine: UploadQuarantine; normaliser: PhotoNormaliser; outcomes: PhotoOutcomes },
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
    await deps.outcomes.recordReady(photoKey);
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
    await deps.outcomes.recordRefused(photoKey, error.code);
    outcome = { status: 'refused', photoKey, refusal: error.code };
  }
  await deps.quarantine.discardUpload(uploadKey);
  return outcome;
}
