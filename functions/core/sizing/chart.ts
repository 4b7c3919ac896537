import * as z from 'zod';

/**
 * A size chart as the store holds it (local/seed/demo-store.ts): rows from the smallest size to the largest.
 * Clothing rows give [min, max] ranges of height, weight or chest; shoe rows give the foot length in cm that
 * the size fits. Ranges are plain arrays so that product data typed from JSON fits without a cast.
 */
export interface SizeChartRow {
  size: string;
  heightCm?: readonly number[];
  weightKg?: readonly number[];
  chestCm?: readonly number[];
  /** The longest foot the size fits. */
  footCm?: number;
}

export interface SizeChart {
  system?: string;
  rows: readonly SizeChartRow[];
}

const Range = z
  .tuple([z.number().positive(), z.number().positive()])
  .refine(([min, max]) => min <= max, 'a range is [min, max]');

/** For product data read from the store: an invalid chart is treated as no chart, not guessed at. */
export const SizeChartSchema = z.object({
  system: z.string().max(40).optional(),
  rows: z
    .array(
      z.object({
        size: z.string().min(1).max(40),
        heightCm: Range.optional(),
        weightKg: Range.optional(),
        chestCm: Range.optional(),
        footCm: z.number().positive().max(40).optional(),
      }),
    )
    .min(1)
    .max(60),
});

export function parseSizeChart(value: unknown): SizeChart | undefined {
  const parsed = SizeChartSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
