import sharp from 'sharp';
import { familyOfRgb } from '../../core/photos/colours';
import { parseOrderedSize, readLabelSizes } from '../../core/photos/label-sizes';
import type { LabelSize, PhotoReading, RetakeReason } from '../../core/photos/reading';
import type { PhotoContext, PhotoReader } from '../../ports/photo-processing';
import { type OcrWorkerPool, ocrLanguagesFor } from './ocr-worker';

/**
 * Thresholds, set on the tuning half of the generated photo set (bench/photos, seed "tune") and never
 * on the half the figures are measured on.
 */
export const QUALITY = {
  /** Mean luma (0-255) under which a shot is too dark to read. */
  darkMean: 48,
  /**
   * The sharpest edges (99.9th percentile of the absolute Laplacian) over the photo's contrast (its
   * 0.5th to 99.5th luma percentile range), under which edges are too soft to read. Relative, so a pale
   * item on a pale table (little contrast, but sharp) is not taken for a blurred label.
   */
  blurEdge: 0.4,
  /** A luma range under which there is nothing to read at all. */
  flatRange: 12,
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

  constructor(private readonly ocr: OcrWorkerPool) {}

  async read(
    photo: { bytes: Uint8Array; contentType: string },
    context: PhotoContext,
  ): Promise<PhotoReading> {
    const image = Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.length);
    const retake = await qualityProblem(image);
    if (retake) return unreadable(retake);
    const label = await labelForOcr(image);
    const languages = ocrLanguagesFor(context.language);
    let ocr = await this.ocr.recognise(label, languages);
    let text = cleanText(ocr.text);
    let sizes = readLabelSizes(text);
    // A label in another script often prints its sizes in Latin letters and digits, which a mixed model
    // can lose among the script's own characters: one more pass in English alone, only when the size the
    // order is in (or any size) was not read.
    const wanted = parseOrderedSize(context.item?.size)?.system;
    const enough = (read: LabelSize[]) =>
      wanted ? read.some((size) => size.system === wanted) : read.length > 0;
    if (!enough(sizes) && languages.length > 1) {
      const latin = await this.ocr.recognise(label, ['eng']);
      const latinSizes = readLabelSizes(cleanText(latin.text));
      if (enough(latinSizes)) {
        ocr = latin;
        text = cleanText(`${text}\n${latin.text}`);
        sizes = latinSizes;
      }
    }
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

/** OCR text is kept only as bounded data on the reading: it never reaches a prompt, a log or a tool. */
function cleanText(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .trim()
    .slice(0, 300);
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

/** Darkness from the mean luma; blur from how sharp the sharpest edges are (a Laplacian's tail) for the contrast. */
export async function qualityProblem(image: Buffer): Promise<RetakeReason | undefined> {
  const grey = sharp(image).greyscale().resize({ width: QUALITY_EDGE, height: QUALITY_EDGE, fit: 'inside' });
  const { data, info } = await grey.raw().toBuffer({ resolveWithObject: true });
  const luma = new Uint32Array(256);
  let sum = 0;
  for (const value of data) {
    sum += value;
    luma[value] = (luma[value] ?? 0) + 1;
  }
  if (sum / data.length < QUALITY.darkMean) return 'dark';
  const range = percentile(luma, data.length, 0.995) - percentile(luma, data.length, 0.005);
  if (range < QUALITY.flatRange) return 'blurry';
  const edges = new Uint32Array(256);
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
      edges[bin] = (edges[bin] ?? 0) + 1;
    }
  }
  const sharpest = percentile(edges, (width - 2) * (height - 2), 0.999);
  return sharpest / range < QUALITY.blurEdge ? 'blurry' : undefined;
}

/** The value under which `share` of a histogram's `total` counts fall. */
function percentile(histogram: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let value = 0; value < histogram.length; value++) {
    seen += histogram[value] ?? 0;
    if (seen >= total * share) return value;
  }
  return histogram.length - 1;
}

/** The label's box cropped, binarised and scaled for OCR. */
export async function labelForOcr(image: Buffer): Promise<Buffer> {
  return (
    (await labelCrop(image))
      .greyscale()
      .normalise()
      .resize({ width: OCR_WIDTH })
      .threshold(BINARY_THRESHOLD, { greyscale: true })
      // Said outright: a re-encoded crop carries no density, and tesseract then guesses one (and warns).
      .withMetadata({ density: 300 })
      .png()
      .toBuffer()
  );
}

/**
 * The label's box, found as the rows and columns full of light, unsaturated pixels (care labels are
 * pale), turned square first: a hand-held label is never level, and tesseract loses short lines ("M")
 * on a slant. A photo with no such box is read whole.
 */
export async function labelCrop(image: Buffer): Promise<ReturnType<typeof sharp>> {
  const angle = labelSlant(await labelMask(image));
  let upright = sharp(image);
  if (angle !== 0) {
    const { data, info } = await sharp(image)
      .rotate(-angle, { background: '#000000' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    upright = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    image = await upright.clone().png({ compressionLevel: 0 }).toBuffer();
    upright = sharp(image);
  }
  const mask = await labelMask(image);
  const { width, height, pale } = mask;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let y = 0; y < height; y++) {
    let count = 0;
    for (let x = 0; x < width; x++) if (pale[y * width + x]) count++;
    if (count > width * 0.25) rows.push(y);
  }
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let y = 0; y < height; y++) if (pale[y * width + x]) count++;
    if (count > height * 0.15) cols.push(x);
  }
  const first = { row: rows[0], col: cols[0] };
  const last = { row: rows.at(-1), col: cols.at(-1) };
  if (
    first.row !== undefined &&
    first.col !== undefined &&
    last.row !== undefined &&
    last.col !== undefined
  ) {
    const sx = mask.fullWidth / width;
    const sy = mask.fullHeight / height;
    const left = Math.max(0, Math.floor((first.col - 2) * sx));
    const top = Math.max(0, Math.floor((first.row - 2) * sy));
    const right = Math.min(mask.fullWidth, Math.ceil((last.col + 3) * sx));
    const bottom = Math.min(mask.fullHeight, Math.ceil((last.row + 3) * sy));
    if (right - left > 16 && bottom - top > 16)
      return upright.extract({ left, top, width: right - left, height: bottom - top });
  }
  return upright;
}

interface PaleMask {
  width: number;
  height: number;
  fullWidth: number;
  fullHeight: number;
  /** 1 where a pixel of the 160 px thumbnail is light and unsaturated. */
  pale: Uint8Array;
}

/** Light enough to be a label on a dark or coloured fabric; whiter still when the fabric itself is pale. */
const PALE = 170;
const WHITE = 235;

async function labelMask(image: Buffer): Promise<PaleMask> {
  const mask = await paleMask(image, PALE);
  return share(mask) > 0.6 ? paleMask(image, WHITE) : mask;
}

function share({ pale }: PaleMask): number {
  let count = 0;
  for (const value of pale) count += value;
  return pale.length ? count / pale.length : 0;
}

async function paleMask(image: Buffer, light: number): Promise<PaleMask> {
  const meta = await sharp(image).metadata();
  const { data, info } = await sharp(image)
    .resize({ width: 160, height: 160, fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pale = new Uint8Array(info.width * info.height);
  for (let index = 0; index < pale.length; index++) {
    const r = data[index * 3] ?? 0;
    const g = data[index * 3 + 1] ?? 0;
    const b = data[index * 3 + 2] ?? 0;
    const max = Math.max(r, g, b);
    pale[index] = max > light && max - Math.min(r, g, b) < 40 ? 1 : 0;
  }
  return {
    width: info.width,
    height: info.height,
    fullWidth: meta.width ?? 0,
    fullHeight: meta.height ?? 0,
    pale,
  };
}

/** Largest slant straightened, in degrees: past it the pale area is more likely not a label at all. */
const MAX_SLANT = 20;

/**
 * The label's slant in degrees (clockwise positive), from the principal axis of its pale pixels (second
 * moments): a label is wider than tall, so its long axis is its text's baseline. 0 when the pale area is
 * most of the photo (a pale fabric, not a label) or too small to say.
 */
export function labelSlant({ width, height, pale }: PaleMask): number {
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (pale[y * width + x]) {
        count++;
        sumX += x;
        sumY += y;
      }
  if (count < 50 || count > width * height * 0.6) return 0;
  const meanX = sumX / count;
  const meanY = sumY / count;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (pale[y * width + x]) {
        xx += (x - meanX) ** 2;
        yy += (y - meanY) ** 2;
        xy += (x - meanX) * (y - meanY);
      }
  // Near-square: no long axis to trust.
  if (xx < yy * 1.3) return 0;
  const degrees = (0.5 * Math.atan2(2 * xy, xx - yy) * 180) / Math.PI;
  return Math.abs(degrees) < 1 || Math.abs(degrees) > MAX_SLANT ? 0 : Math.round(degrees * 10) / 10;
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
