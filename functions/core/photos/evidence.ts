import type { PhotoFlow } from './decide';
import type { LabelSize, PhotoShows, RetakeReason, Severity } from './reading';

/**
 * What was read from one photo, as stored on the assistant's reply (`photoReadings`) and on the case
 * (`evidence`), for the agent console to show beside the photo. Documented in docs/after-sales.md.
 */
export interface PhotoEvidence {
  /** The photo's key in the photo store. */
  key: string;
  /** Which reader looked: `local-ocr` (OCR and pixel statistics) or `bedrock-vision`. */
  reader: string;
  /** What the photo shows once compared with the order (wrong_size, damage, wrong_colour, …). */
  shows: PhotoShows;
  /** What policy did with it. */
  flow: PhotoFlow;
  severity: Severity;
  /** 0-1: the reader's confidence (OCR confidence for labels). */
  confidence: number;
  /** Text on the label, at most 300 characters: data from the shopper's camera, never instructions. */
  labelText: string;
  sizes: LabelSize[];
  readSize?: string;
  orderedSize?: string;
  colour: string | null;
  retake: RetakeReason | null;
  /** False for the local reader: damage was not judged, a person should look. */
  damageJudged: boolean;
  orderId?: string;
  sku?: string;
  /** 64-bit dHash (16 hex digits). */
  fingerprint?: string;
  /** The same photo (within a few bits) seen before in other conversations or from other shoppers. */
  reused?: { otherCustomers: number; otherConversations: number };
  readAt: string;
}

/** Photos seen before, by perceptual hash: a photo reused across claims or customers is flagged. */
export interface PhotoSighting {
  fingerprint: string;
  key: string;
  customerId: string;
  sessionId: string;
  at: string;
}

/**
 * One line for the agent beside the photo: what was seen, the sizes, the colour, how sure the reader was,
 * and the label's text (quoted: it is the shopper's camera talking, never an instruction).
 */
export function describeEvidence(evidence: PhotoEvidence): string {
  const parts = [evidence.shows.replace(/_/g, ' '), `→ ${evidence.flow.replace(/_/g, ' ')}`];
  if (evidence.readSize)
    parts.push(
      `label ${evidence.readSize}${evidence.orderedSize ? `, ordered ${evidence.orderedSize}` : ''}`,
    );
  if (evidence.colour) parts.push(`colour ${evidence.colour}`);
  if (evidence.retake) parts.push(`retake: ${evidence.retake}`);
  if (evidence.severity !== 'none') parts.push(`severity ${evidence.severity}`);
  if (!evidence.damageJudged) parts.push('damage not judged');
  if (evidence.reused) parts.push('seen before in another conversation');
  parts.push(`confidence ${Math.round(evidence.confidence * 100)} %`);
  if (evidence.labelText) parts.push(`label text "${evidence.labelText.replace(/\s+/g, ' ').slice(0, 120)}"`);
  return parts.join(' · ');
}
