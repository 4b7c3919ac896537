import type { PhotoReading } from '../core/photos/reading';

/** A photo as stored after normalisation: upright, metadata-free JPEG within Bedrock's limits. */
export interface NormalisedPhoto {
  bytes: Uint8Array;
  contentType: 'image/jpeg';
  width: number;
  height: number;
  /** 64-bit difference hash, 16 hex digits: near-identical photos differ in a few bits. */
  fingerprint: string;
}

/** Re-encodes an upload or refuses it with a PhotoRefusedError (core/photos/refusals.ts). */
export interface PhotoNormaliser {
  normalise(bytes: Uint8Array): Promise<NormalisedPhoto>;
}

/** What the order says the shopper should have received: context for the reader, facts from our data. */
export interface ExpectedItem {
  name?: string;
  size?: string;
  color?: string;
}

/**
 * Looks at one photo once. Bedrock Converse with an image block in the cloud; OCR and pixel statistics
 * locally. Readers report observations; they never decide what happens next.
 */
export interface PhotoReader {
  readonly name: string;
  read(photo: { bytes: Uint8Array; contentType: string }, context: PhotoContext): Promise<PhotoReading>;
}

export interface PhotoContext {
  item?: ExpectedItem;
  /** The shopper's language: which script a label may be printed in. */
  language?: string;
}
