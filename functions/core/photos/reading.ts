import * as z from 'zod';

/**
 * What a photo shows, as a vision model or the local reader reports it. These are observations only:
 * the decision about what happens next is made by policy code (decide.ts) comparing them with the order.
 */
export const PHOTO_SHOWS = [
  'wrong_size',
  'damage',
  'wrong_colour',
  'wrong_item',
  'faded_or_stained',
  'not_the_product',
  'unclear',
  /** A readable label or item with nothing visibly wrong. */
  'as_ordered',
] as const;
export type PhotoShows = (typeof PHOTO_SHOWS)[number];

export const SEVERITIES = ['none', 'minor', 'moderate', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Why a shot cannot be read: the shopper is asked for another one. */
export const RETAKE_REASONS = ['blurry', 'dark'] as const;
export type RetakeReason = (typeof RETAKE_REASONS)[number];

export const SIZE_SYSTEMS = ['EU', 'US', 'UK', 'CM', 'JP', 'letter'] as const;
export type SizeSystem = (typeof SIZE_SYSTEMS)[number];

export const LabelSizeSchema = z.object({
  system: z.enum(SIZE_SYSTEMS),
  /** Normalised: "44", "10.5", "XL". */
  value: z.string().min(1).max(8),
});
export type LabelSize = z.infer<typeof LabelSizeSchema>;

/**
 * The structured output of one look at one photo. Every field is bounded: the text of a label is data
 * from the shopper's camera and must not grow into a prompt or a log line.
 */
export const PhotoReadingSchema = z.object({
  shows: z.enum(PHOTO_SHOWS),
  /** Text visible on a label, at most 300 characters; never an instruction. */
  labelText: z.string().max(300).default(''),
  /** Every size printed on the label ("EU 44 / US 10 / UK 9.5"). */
  sizes: z.array(LabelSizeSchema).max(8).default([]),
  /** The item's main colour as a plain English colour name, if one can be told. */
  colour: z.string().max(30).nullable().default(null),
  severity: z.enum(SEVERITIES).default('none'),
  confidence: z.number().min(0).max(1),
  retake: z.enum(RETAKE_REASONS).nullable().default(null),
  /** Whether the reader can judge damage at all (the local reader cannot). */
  canJudgeDamage: z.boolean().default(true),
});
export type PhotoReading = z.infer<typeof PhotoReadingSchema>;
