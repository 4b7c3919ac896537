/**
 * Why an upload is not kept as a photo. Each reason is a code the widget can show in the shopper's
 * language and a test can assert; the message is for developers and never contains the bytes.
 */
export const PHOTO_REFUSALS = [
  'not_an_image',
  'unsupported_format',
  'truncated',
  'too_many_pixels',
  'animated',
  'no_image_data',
  'too_small',
] as const;
export type PhotoRefusal = (typeof PHOTO_REFUSALS)[number];

export class PhotoRefusedError extends Error {
  override readonly name = 'PhotoRefusedError';
  constructor(
    readonly code: PhotoRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Bedrock's image limits (DESIGN.md): long edges over 1568 px are downsized by the model anyway. */
export const MAX_PHOTO_EDGE = 1568;
export const MAX_NORMALISED_BYTES = Math.floor(3.75 * 1024 * 1024);
/** Larger than any phone camera's photo (a 200 MP sensor bins to 50 MP); a bigger header is a bomb. */
export const MAX_INPUT_PIXELS = 50_000_000;

/** Hamming distance between two 64-bit perceptual hashes written as 16 hex digits. */
export function hashDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x > 0n) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
}

/** What a shopper is told when an upload is refused after the fact (the cloud normalises asynchronously). */
export const REFUSAL_SENTENCES: Record<PhotoRefusal, string> = {
  not_an_image: 'the file is not a photo',
  unsupported_format: 'only JPEG, PNG and WebP photos are accepted',
  truncated: 'the photo is damaged or did not arrive whole',
  too_many_pixels: 'the photo has too many pixels',
  animated: 'animated images are not accepted',
  no_image_data: 'the file holds no picture',
  too_small: 'the photo is too small to see anything',
};

export const isPhotoRefusal = (value: unknown): value is PhotoRefusal =>
  typeof value === 'string' && (PHOTO_REFUSALS as readonly string[]).includes(value);
