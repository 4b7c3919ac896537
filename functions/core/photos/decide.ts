import { colourFamilyOf, plainlyDifferent } from './colours';
import { compareWithOrdered, formatSize } from './label-sizes';
import type { PhotoReading, PhotoShows, RetakeReason, Severity } from './reading';

/** What happens after a photo, decided here from observations and the order; never by the reader. */
export const PHOTO_FLOWS = [
  /** The label shows another size than the one ordered: the exchange-first flow. */
  'exchange',
  /** Another colour or another item than the one ordered. */
  'wrong_item_claim',
  /** Damage, fading or stains: a claim with the photo as evidence and its severity. */
  'damage_claim',
  /** Blurry or dark: ask for another shot. */
  'retake',
  /** Nothing to see, or not the product: ask for a photo of the item or its label. */
  'another_photo',
  /** The reader cannot judge what matters (damage, locally): a person looks at it on the case. */
  'person_review',
  /** The label shows the size ordered, and nothing else looks wrong. */
  'as_ordered',
] as const;
export type PhotoFlow = (typeof PHOTO_FLOWS)[number];

export interface OrderedVariant {
  size?: string;
  color?: string;
}

export interface PhotoDecision {
  flow: PhotoFlow;
  /** What the photo shows once compared with the order. */
  finding: PhotoShows;
  severity: Severity;
  /** "EU 44" and "EU 41" for a size reply. */
  readSize?: string;
  orderedSize?: string;
  retake?: RetakeReason;
}

/** Below this, a model's judgement of wrong item or colour goes to a person rather than into a claim. */
const CONFIDENT = 0.5;

export function decidePhoto(reading: PhotoReading, ordered: OrderedVariant | undefined): PhotoDecision {
  const severity = reading.severity;
  if (reading.retake) return { flow: 'retake', finding: 'unclear', severity, retake: reading.retake };
  const damaged = reading.shows === 'damage' || reading.shows === 'faded_or_stained';
  const size = compareWithOrdered(reading.sizes, ordered?.size);
  if (size.outcome === 'different') {
    return {
      flow: 'exchange',
      finding: 'wrong_size',
      severity: 'none',
      readSize: formatSize(size.read),
      orderedSize: formatSize(size.ordered),
    };
  }
  if (damaged && reading.canJudgeDamage) return { flow: 'damage_claim', finding: reading.shows, severity };
  const seen = colourFamilyOf(reading.colour);
  const wanted = colourFamilyOf(ordered?.color);
  if (size.outcome === 'same') {
    return {
      flow: 'as_ordered',
      finding: 'as_ordered',
      severity: 'none',
      readSize: formatSize(size.read),
      orderedSize: formatSize(size.ordered),
    };
  }
  if (seen && wanted && plainlyDifferent(seen, wanted)) {
    return reading.confidence >= CONFIDENT
      ? { flow: 'wrong_item_claim', finding: 'wrong_colour', severity: 'none' }
      : { flow: 'person_review', finding: 'wrong_colour', severity: 'none' };
  }
  switch (reading.shows) {
    case 'wrong_item':
    case 'wrong_colour':
      return reading.confidence >= CONFIDENT
        ? { flow: 'wrong_item_claim', finding: reading.shows, severity: 'none' }
        : { flow: 'person_review', finding: reading.shows, severity: 'none' };
    case 'unclear':
    case 'not_the_product':
      return { flow: 'another_photo', finding: reading.shows, severity: 'none' };
    case 'wrong_size':
      // The reader saw a size problem the order cannot confirm (no size on the order line, another system).
      return { flow: 'person_review', finding: 'wrong_size', severity: 'none' };
    default:
      // Locally nothing says whether the item is damaged: a person looks rather than a guess.
      return reading.canJudgeDamage
        ? { flow: 'as_ordered', finding: 'as_ordered', severity: 'none' }
        : { flow: 'person_review', finding: reading.shows, severity };
  }
}
