import sharp from 'sharp';
import {
  MAX_INPUT_PIXELS,
  MAX_NORMALISED_BYTES,
  MAX_PHOTO_EDGE,
  PhotoRefusedError,
} from '../../core/photos/refusals';
import type { NormalisedPhoto, PhotoNormaliser } from '../../ports/photo-processing';

/** What the widget may upload (protocol PHOTO_CONTENT_TYPES); anything else is refused by its bytes. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);
const MIN_EDGE = 32;
const QUALITIES = [85, 75, 65, 50];

// Decoding stops at the pixel limit and on truncated data instead of padding it with grey.
const decodeOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' } as const;

/**
 * Every upload is re-encoded, never stored as sent: sharp drops all metadata (EXIF, GPS, XMP, ICC) unless
 * asked to keep it, autoOrient applies the EXIF rotation first so the stored pixels stand upright.
 */
export class SharpPhotoNormaliser implements PhotoNormaliser {
  async normalise(input: Uint8Array): Promise<NormalisedPhoto> {
    if (isJpeg(input) && !hasJpegFrame(input))
      throw new PhotoRefusedError('no_image_data', 'the file holds metadata but no picture');
    const meta = await sharp(input, decodeOptions)
      .metadata()
      .catch((error: unknown) => {
        throw refusalOf(error);
      });
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format))
      throw new PhotoRefusedError('unsupported_format', `${meta.format ?? 'this'} images are not accepted`);
    if ((meta.pages ?? 1) > 1) throw new PhotoRefusedError('animated', 'animated images are not accepted');
    if (!meta.width || !meta.height) throw new PhotoRefusedError('no_image_data', 'the file has no pixels');
    if (meta.width * meta.height > MAX_INPUT_PIXELS)
      throw new PhotoRefusedError('too_many_pixels', `the image is larger than ${MAX_INPUT_PIXELS} pixels`);
    if (Math.min(meta.width, meta.height) < MIN_EDGE)
      throw new PhotoRefusedError('too_small', `the image is smaller than ${MIN_EDGE} px`);
    for (const quality of QUALITIES) {
      const { data, info } = await sharp(input, decodeOptions)
        .autoOrient()
        .resize({ width: MAX_PHOTO_EDGE, height: MAX_PHOTO_EDGE, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality })
        .toBuffer({ resolveWithObject: true })
        .catch((error: unknown) => {
          throw refusalOf(error);
        });
      if (data.length <= MAX_NORMALISED_BYTES) {
        return {
          bytes: new Uint8Array(data.buffer, data.byteOffset, data.length),
          contentType: 'image/jpeg',
          width: info.width,
          height: info.height,
          fingerprint: await differenceHash(data),
        };
      }
    }
    /* c8 ignore next: a 1568 px JPEG at quality 50 is far below 3.75 MB. */
    throw new PhotoRefusedError('too_many_pixels', 'the image does not compress within the limit');
  }
}

/**
 * dHash: 9×8 greyscale, one bit per left/right brightness step. Robust to re-encoding and resizing,
 * so the same photo sent by two shoppers (or twice for two claims) lands within a few bits.
 */
export async function differenceHash(bytes: Uint8Array): Promise<string> {
  const pixels = await sharp(bytes).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let hash = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const left = pixels[y * 9 + x] ?? 0;
      const right = pixels[y * 9 + x + 1] ?? 0;
      hash = (hash << 1n) | (left > right ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8;

/**
 * Walks the JPEG marker segments up to the scan: a file of EXIF alone (a camera's sidecar, or metadata
 * sent to probe the parser) has no start-of-frame and is told apart from a photo cut short.
 */
function hasJpegFrame(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return true;
    if (marker === 0xda || marker === 0xd9) return false;
    at += 2 + (((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0));
  }
  return false;
}

function refusalOf(error: unknown): PhotoRefusedError {
  if (error instanceof PhotoRefusedError) return error;
  const message = error instanceof Error ? error.message.toLowerCase() : '';
  if (message.includes('pixel limit'))
    return new PhotoRefusedError('too_many_pixels', 'the image is too large');
  if (message.includes('unsupported image format'))
    return new PhotoRefusedError('not_an_image', 'the file is not an image');
  if (/premature end|truncated|unexpected end|corrupt|read error|invalid/.test(message))
    return new PhotoRefusedError('truncated', 'the image is truncated or damaged');
  return new PhotoRefusedError('no_image_data', 'the image could not be decoded');
}
