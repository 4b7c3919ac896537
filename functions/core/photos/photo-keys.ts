import { createHash, randomUUID } from 'node:crypto';
import { PHOTO_KEY_PATTERN, type PhotoContentType } from '../protocol';

const EXTENSIONS: Record<PhotoContentType, string> = {
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/png': 'png',
};

/**
 * The owner's folder is a hash of the customer id: object keys show up in S3 access logs and the console,
 * where a raw customer id would be personal data, yet every photo of one shopper stays under one prefix.
 */
export function photoOwnerPrefix(customerId: string): string {
  const hash = createHash('sha256').update(`afterdesk-photo:${customerId}`).digest('hex');
  return `photos/${hash.slice(0, 16)}/`;
}

export function newPhotoKey(customerId: string, contentType: PhotoContentType): string {
  return `${photoOwnerPrefix(customerId)}${randomUUID()}.${EXTENSIONS[contentType]}`;
}

export const isOwnPhoto = (customerId: string, key: string) => key.startsWith(photoOwnerPrefix(customerId));

/**
 * Three prefixes in the cloud bucket. Browsers POST raw uploads under `incoming/`, which only the normaliser
 * reads; the normaliser writes the upright, metadata-free photo under `photos/` (the evidence the assistant,
 * Bedrock and agents see) or, when it refuses the bytes, an empty marker under `refused/` saying why. Each
 * keeps the same `<owner hash>/<uuid>.<ext>` tail, so a photo key names all three.
 */
export const PHOTO_PREFIX = 'photos/';
export const UPLOAD_PREFIX = 'incoming/';
export const REFUSAL_PREFIX = 'refused/';

const tailOf = (photoKey: string) => photoKey.slice(PHOTO_PREFIX.length);
export const uploadKeyOf = (photoKey: string) => `${UPLOAD_PREFIX}${tailOf(photoKey)}`;
export const refusalKeyOf = (photoKey: string) => `${REFUSAL_PREFIX}${tailOf(photoKey)}`;

/** The photo key an upload becomes, or undefined for anything that is not one of our upload keys. */
export function photoKeyOfUpload(uploadKey: string): string | undefined {
  if (!uploadKey.startsWith(UPLOAD_PREFIX)) return undefined;
  const photoKey = `${PHOTO_PREFIX}${uploadKey.slice(UPLOAD_PREFIX.length)}`;
  return PHOTO_KEY_PATTERN.test(photoKey) ? photoKey : undefined;
}
