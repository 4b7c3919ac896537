import type { PhotoContentType } from './protocol';

/** Bedrock's long-edge limit, which the server normalises to anyway: big enough for a label or a scratch. */
export const MAX_PHOTO_SIDE = 1568;

export interface CompressedPhoto {
  blob: Blob;
  contentType: PhotoContentType;
  width: number;
  height: number;
}

/**
 * Shrinks a photo in the browser and re-encodes it from pixels. Re-encoding through a canvas keeps no
 * metadata at all, so EXIF (GPS location, camera serial) never leaves the phone; createImageBitmap applies
 * the EXIF orientation first, so the photo still stands the right way up. The browser's own encoder is
 * used instead of an image library: it costs the widget about 1 KB instead of tens.
 */
export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  // Browsers that cannot encode WebP silently return PNG, which would be larger than the original.
  const webp = await encode(canvas, 'image/webp', 0.82);
  if (webp?.type === 'image/webp') return { blob: webp, contentType: 'image/webp', width, height };
  const jpeg = await encode(canvas, 'image/jpeg', 0.85);
  if (!jpeg) throw new Error('the photo could not be encoded');
  return { blob: jpeg, contentType: 'image/jpeg', width, height };
}

function encode(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}
