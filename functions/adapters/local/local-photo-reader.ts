import sharp from 'sharp';
import { familyOfRgb } from '../../core/photos/colours';
import { readLabelSizes } from '../../core/photos/label-sizes';
import type { PhotoReading, RetakeReason } from '../../core/photos/reading';
import type { PhotoContext, PhotoReader } from '../../ports/photo-processing';
import { ocrLanguagesFor, type SharedOcrWorker } from './ocr-worker';

/**
 * Thresholds, set on the tuning half of the generated photo set (bench/photos, seed "tune") and never
 * on the half the figures are measured on.
 */
export const QUALITY = {
  /** Mean luma (0-255) under which a shot is too dark to read. */
  darkMean: 48,
  /** 99th percentile of the absolute Laplacian (0-255) under which edges are too soft to read. */
  blurEdge: 40,
  /** Characters of text from which a photo is a label rather than the item itself. */
  labelChars: 6,
} as const;

const QUALITY_EDGE = 480;
const OCR_WIDTH = 1200;
const BINARY_THRESHOLD = 140;

/**
 * The photo reader with no model service: OCR for the label, pixel statistics for colour, blur and
 * darkness. It cannot see damage, and says so (canJudgeDamage: false) so policy sends such photos to a
 * person rather than guess.
 */
export class LocalPhotoReader implements PhotoReader {
  readonly name = 'local-ocr';

  constructor(private readonly ocr: SharedOcrWorker) {}

  async read(
    photo: { bytes: Uint8Array; contentType: string },
    context: PhotoContext,
  ): Promise<PhotoReading> {
    const image = Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.length);
    const retake = await qualityProblem(image);
    if (retake) return unreadable(retake);
    const ocr = await this.ocr.recognise(await labelForOcr(image), ocrLanguagesFor(context.language));
    // OCR text is kept only as bounded data on the reading: it never reaches a prompt, a log or a tool.
    const text = ocr.text
      .replace(/[^\S\n]+/g, ' ')
      .trim()
      .slice(0, 300);
    const sizes = readLabelSizes(text);
    const isLabel = sizes.length > 0 || text.replace(/[^\p{L}\p{N}]/gu, '').length >= QUALITY.labelChars;
    const colour = isLabel ? null : await itemColour(image);
    return {
      shows: sizes.length > 0 || colour ? 'as_ordered' : 'unclear',
      labelText: text,
      sizes,
      colour,
      severity: 'none',
      confidence: sizes.length > 0 ? Math.max(0.05, Math.min(1, ocr.confidence)) : colour ? 0.6 : 0.2,
      retake: null,
      canJudgeDamage: false,
    };
  }
}

function unreadable(retake: RetakeReason): PhotoReading {
  return {
    shows: 'unclear',
    labelText: '',
    sizes: [],
    colour: null,
    severity: 'none',
    confidence: 0.9,
    retake,
    canJudgeDamage: false,
  };
}

/** Darkness from the mean luma; blur from how sharp the sharpest edges are (a Laplacian's tail). */
export async function qualityProblem(image: Buffer): Promise<RetakeReason | undefined> {
  const grey = sharp(image).greyscale().resize({ width: QUALITY_EDGE, height: QUALITY_EDGE, fit: 'inside' });
  const { data, info } = await grey.raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  for (const value of data) sum += value;
  if (sum / data.length < QUALITY.darkMean) return 'dark';
  const histogram = new Uint32Array(256);
  const { width, height } = info;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const at = y * width + x;
      const laplacian =
        4 * (data[at] ?? 0) -
        (data[at - 1] ?? 0) -
        (data[at + 1] ?? 0) -
        (data[at - width] ?? 0) -
        (data[at + width] ?? 0);
      const bin = Math.min(255, Math.abs(laplacian));
      histogram[bin] = (histogram[bin] ?? 0) + 1;
    }
  }
  const total = (width - 2) * (height - 2);
  let seen = 0;
  let p99 = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value] ?? 0;
    if (seen >= total * 0.99) {
      p99 = value;
      break;
    }
  }
  return p99 < QUALITY.blurEdge ? 'blurry' : undefined;
}

/**
 * The label's box, found as the rows and columns full of light, unsaturated pixels (care labels are
 * pale), cropped, binarised and scaled for OCR. A photo with no such box is read whole.
 */
export async function labelForOcr(image: Buffer): Promise<Buffer> {
  const meta = await sharp(image).metadata();
  const fullWidth = meta.width ?? 0;
  const fullHeight = meta.height ?? 0;
  const { data, info } = await sharp(image)
    .resize({ width: 160, height: 160, fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const pale = (index: number) => {
    const r = data[index * 3] ?? 0;
    const g = data[index * 3 + 1] ?? 0;
    const b = data[index * 3 + 2] ?? 0;
    const max = Math.max(r, g, b);
    return max > 170 && max - Math.min(r, g, b) < 40;
  };
  const rows: number[] = [];
  const cols: number[] = [];
  for (let y = 0; y < height; y++) {
    let count = 0;
    for (let x = 0; x < width; x++) if (pale(y * width + x)) count++;
    if (count > width * 0.25) rows.push(y);
  }
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let y = 0; y < height; y++) if (pale(y * width + x)) count++;
    if (count > height * 0.15) cols.push(x);
  }
  let pipeline = sharp(image);
  const first = { row: rows[0], col: cols[0] };
  const last = { row: rows.at(-1), col: cols.at(-1) };
  if (
    first.row !== undefined &&
    first.col !== undefined &&
    last.row !== undefined &&
    last.col !== undefined
  ) {
    const sx = fullWidth / width;
    const sy = fullHeight / height;
    const left = Math.max(0, Math.floor((first.col - 2) * sx));
    const top = Math.max(0, Math.floor((first.row - 2) * sy));
    const right = Math.min(fullWidth, Math.ceil((last.col + 3) * sx));
    const bottom = Math.min(fullHeight, Math.ceil((last.row + 3) * sy));
    if (right - left > 16 && bottom - top > 16)
      pipeline = pipeline.extract({ left, top, width: right - left, height: bottom - top });
  }
  return pipeline
    .greyscale()
    .normalise()
    .resize({ width: OCR_WIDTH })
    .threshold(BINARY_THRESHOLD, { greyscale: true })
    .png()
    .toBuffer();
}

/**
 * The colour of what is in the middle of the frame, where a shopper points the camera: the family most
 * of its pixels fall in (a vote, not an average, so shadows and the table's edges do not blend in).
 */
async function itemColour(image: Buffer): Promise<string | null> {
  const meta = await sharp(image).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width < 8 || height < 8) return null;
  const { data } = await sharp(image)
    .extract({
      left: Math.floor(width * 0.3),
      top: Math.floor(height * 0.3),
      width: Math.floor(width * 0.4),
      height: Math.floor(height * 0.4),
    })
    .resize(48, 48, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const votes = new Map<string, number>();
  for (let at = 0; at + 2 < data.length; at += 3) {
    const family = familyOfRgb(data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0);
    votes.set(family, (votes.get(family) ?? 0) + 1);
  }
  const [family, count] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  // No family holds a third of the middle: a busy scene, not one item.
  return count >= (data.length / 3) * 0.34 ? family : null;
}
