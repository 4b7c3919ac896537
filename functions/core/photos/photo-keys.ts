import { createHash, randomUUID } from 'node:crypto';
import type { PhotoContentType } from '../protocol';

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
