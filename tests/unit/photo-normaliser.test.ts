import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CAMERA_MAKE, renderPhoto } from '../../bench/photos/render';
import { SharpPhotoNormaliser } from '../../functions/adapters/images/sharp-photo-normaliser';
import { hashDistance, MAX_NORMALISED_BYTES, PhotoRefusedError } from '../../functions/core/photos/refusals';

const normaliser = new SharpPhotoNormaliser();

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await normaliser.normalise(bytes).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PhotoRefusedError);
  return (error as PhotoRefusedError).code;
}

function chunk(tag: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(tag, 0, 'ascii');
  header.writeUInt32LE(payload.length, 4);
  return Buffer.concat([header, payload, Buffer.alloc(payload.length % 2)]);
}
const u24 = (value: number) => Buffer.from([value & 255, (value >> 8) & 255, (value >> 16) & 255]);

/** Two frames of a still lossless WebP wrapped in ANMF chunks: sharp cannot write animations from scratch. */
async function animatedWebp(): Promise<Buffer> {
  const still = await sharp({ create: { width: 64, height: 64, channels: 4, background: '#f00' } })
    .webp({ lossless: true })
    .toBuffer();
  const frame = chunk(
    'ANMF',
    Buffer.concat([u24(0), u24(0), u24(63), u24(63), u24(100), Buffer.from([0]), still.subarray(12)]),
  );
  const body = Buffer.concat([
    Buffer.from('WEBP'),
    chunk('VP8X', Buffer.concat([Buffer.from([0x12, 0, 0, 0]), u24(63), u24(63)])),
    chunk('ANIM', Buffer.alloc(6)),
    frame,
    frame,
  ]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

/** A tiny PNG whose header claims a huge canvas: what a decompression bomb shows a parser first. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const ihdr = png.subarray(12, 29); // "IHDR" and its 13 bytes
  ihdr.writeUInt32BE(width, 4);
  ihdr.writeUInt32BE(height, 8);
  png.writeUInt32BE(crc32(ihdr), 29);
  return png;
}

describe('normalising an upload', () => {
  it('stands a sideways phone photo upright, drops EXIF and GPS, and fits Bedrock limits', async () => {
    const upload = await renderPhoto({
      kind: 'item',
      colour: '#c0282d',
      stored: 90,
      exif: true,
      width: 2400,
      height: 1800,
    });
    const before = await sharp(upload).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.toString('latin1')).toContain(CAMERA_MAKE);

    const photo = await normaliser.normalise(upload);
    const after = await sharp(photo.bytes).metadata();
    expect(photo.contentType).toBe('image/jpeg');
    expect([after.width, after.height]).toEqual([1568, 1176]);
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(Buffer.from(photo.bytes).toString('latin1')).not.toContain(CAMERA_MAKE);
    expect(photo.bytes.length).toBeLessThanOrEqual(MAX_NORMALISED_BYTES);
    expect(photo.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the same photo, re-encoded and resized, a fingerprint within a few bits', async () => {
    const original = await renderPhoto({
      kind: 'label',
      lines: ['SIZE', 'EU 44'],
      colour: '#1f3a6b',
      seed: 3,
    });
    const resent = await sharp(original).resize({ width: 700 }).jpeg({ quality: 60 }).toBuffer();
    const other = await renderPhoto({ kind: 'item', colour: '#2e7d32', seed: 4 });
    const [a, b, c] = await Promise.all(
      [original, resent, other].map((bytes) => normaliser.normalise(bytes)),
    );
    expect(hashDistance(a?.fingerprint ?? '', b?.fingerprint ?? '')).toBeLessThanOrEqual(4);
    expect(hashDistance(a?.fingerprint ?? '', c?.fingerprint ?? '')).toBeGreaterThan(10);
  });

  it('refuses non-images, truncated files, EXIF-only files, bombs, animations and unsupported formats', async () => {
    const jpeg = await renderPhoto({ kind: 'item', colour: '#1b2a5c', exif: true });
    expect(await refusal(new TextEncoder().encode('%PDF-1.7 not a photo'))).toBe('not_an_image');
    expect(await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBe('truncated');
    const exifEnd = 4 + jpeg.readUInt16BE(4);
    const exifOnly = Buffer.concat([
      jpeg.subarray(0, 2),
      jpeg.subarray(2, 2 + exifEnd),
      Buffer.from([0xff, 0xd9]),
    ]);
    expect(await refusal(exifOnly)).toBe('no_image_data');
    expect(await refusal(await pngClaiming(30000, 30000))).toBe('too_many_pixels');
    expect(await refusal(await animatedWebp())).toBe('animated');
    const gif = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect(await refusal(gif)).toBe('unsupported_format');
  });
});
