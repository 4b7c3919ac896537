import type { PhotoStore } from '../../ports/photo-store';
import { newPhotoKey } from '../photos/photo-keys';
import {
  describeIssues,
  errorEvent,
  MAX_PHOTO_BYTES,
  RequestUploadSchema,
  type ServerEvent,
} from '../protocol';
import { readFrame } from './read-frame';

/** Long enough for a slow mobile upload of a compressed photo, short enough that a leaked grant is stale. */
const UPLOAD_GRANT_SECONDS = 300;

/**
 * The requestUpload route: the socket carries a reference, never the bytes (API Gateway's 32 KB frame
 * limit), so the shopper gets a short-lived grant to upload one photo of a declared type and size cap.
 */
export async function grantPhotoUpload(
  deps: { photos: Pick<PhotoStore, 'grantUpload'> },
  input: { customerId: string; body: string | undefined | null },
): Promise<ServerEvent> {
  const frame = readFrame(input.body);
  if (!frame.ok) return frame.error;
  const parsed = RequestUploadSchema.safeParse(frame.value);
  if (!parsed.success) return errorEvent('invalid_message', describeIssues(parsed.error));
  const { requestId, contentType } = parsed.data;
  const key = newPhotoKey(input.customerId, contentType);
  const grant = await deps.photos.grantUpload({
    key,
    contentType,
    maxBytes: MAX_PHOTO_BYTES,
    expiresInSeconds: UPLOAD_GRANT_SECONDS,
  });
  return { type: 'upload', requestId, key, maxBytes: MAX_PHOTO_BYTES, ...grant };
}
