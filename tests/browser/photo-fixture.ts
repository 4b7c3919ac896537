import type { Page } from 'playwright-core';

/** A camera-made string the test looks for: if it survives compression, metadata leaked. */
export const CAMERA_MAKE = 'AfterdeskTestCam';

/**
 * A big JPEG as a phone would make it: drawn and encoded by Chromium, then given an EXIF block with the
 * camera make and a GPS position (48°51'N), spliced in right after the start-of-image marker.
 */
export async function phonePhoto(page: Page, width = 4032, height = 3024): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#c0392b');
      gradient.addColorStop(1, '#2980b9');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      // Noise, so the encoder has real detail to keep, like a photo.
      for (let i = 0; i < 4000; i++) {
        context.fillStyle = `hsl(${i % 360} 70% 50%)`;
        context.fillRect((i * 7919) % width, (i * 104729) % height, 24, 24);
      }
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.95));
      if (!blob) throw new Error('no jpeg');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { width, height },
  );
  const jpeg = Buffer.from(base64, 'base64');
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(), jpeg.subarray(2)]);
}

/** APP1 "Exif": IFD0 with Make and a GPS IFD pointer; the GPS IFD with a latitude. Little-endian TIFF. */
function exifSegment(): Buffer {
  const make = Buffer.from(`${CAMERA_MAKE}\0`, 'ascii');
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4 + make.length + 2 + 2 * 12 + 4 + 24);
  let at = 0;
  const u16 = (value: number) => {
    tiff.writeUInt16LE(value, at);
    at += 2;
  };
  const u32 = (value: number) => {
    tiff.writeUInt32LE(value, at);
    at += 4;
  };
  tiff.write('II', 0, 'ascii');
  at = 2;
  u16(42);
  u32(8);
  const makeOffset = 8 + 2 + 2 * 12 + 4;
  const gpsOffset = makeOffset + make.length;
  u16(2);
  u16(0x010f); // Make
  u16(2);
  u32(make.length);
  u32(makeOffset);
  u16(0x8825); // GPSInfo
  u16(4);
  u32(1);
  u32(gpsOffset);
  u32(0);
  make.copy(tiff, makeOffset);
  at = gpsOffset;
  const latitudeOffset = gpsOffset + 2 + 2 * 12 + 4;
  u16(2);
  u16(0x0001); // GPSLatitudeRef
  u16(2);
  u32(2);
  tiff.write('N\0', at, 'ascii');
  at += 4;
  u16(0x0002); // GPSLatitude: 48/1, 51/1, 24/1
  u16(5);
  u32(3);
  u32(latitudeOffset);
  u32(0);
  at = latitudeOffset;
  for (const value of [48, 51, 24]) {
    u32(value);
    u32(1);
  }
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'ascii'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}
