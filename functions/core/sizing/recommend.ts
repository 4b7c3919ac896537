import type { SizeChart, SizeChartRow } from './chart';
import { type BodyMeasurements, checkBody, type Dimension } from './measurements';
import type { FitTendency, ReturnSignal } from './returns';

export type Fit = 'snug' | 'regular' | 'loose';

/** Replies are templated per language elsewhere; the domain only says which sentence and with what. */
export type ReasonParams = Record<string, string | number>;

export type AdviceCode = 'matches_chart' | 'between_sizes' | 'adjusted_for_returns';
export type CannotAdviseCode =
  | 'missing_chart'
  | 'missing_measurement'
  | 'implausible_measurement'
  | 'out_of_chart_range';

export interface SizeAdvice {
  status: 'advice';
  size: string;
  reason: { code: AdviceCode; params: ReasonParams };
  /** Set when returns moved the advice one size away from the chart's. */
  adjustedFor?: FitTendency;
}

export interface CannotAdvise {
  status: 'cannot_advise';
  reason: { code: CannotAdviseCode; params: ReasonParams };
  /** For missing_measurement and implausible_measurement: what to ask the shopper for. */
  ask?: Dimension[];
}

export type SizeRecommendation = SizeAdvice | CannotAdvise;

/**
 * Slack beyond the ends of a chart: shoppers round their height to 5 cm and their weight to 5 kg, so a
 * 158 cm shopper on a chart starting at 160 still fits its smallest size.
 */
const EDGE_TOLERANCE: Record<Exclude<Dimension, 'footCm'>, number> = { heightCm: 3, weightKg: 3, chestCm: 2 };
/** A foot up to 2 mm longer than a size's length still goes in, snugly: that is "between sizes". */
const FOOT_SNUG_CM = 0.2;
const EPSILON = 1e-9;

const RANGE_DIMENSIONS = ['chestCm', 'heightCm', 'weightKg'] as const;
type RangeDimension = (typeof RANGE_DIMENSIONS)[number];

type Position = { at: number } | { out: 'below' | 'above'; min: number; max: number };

/**
 * The size a chart gives for a body, one size over or under when the shopper's fit preference or the
 * product's returns say so. Rows are read smallest first; each measurement places the body at a point on
 * the row scale (halfway when it sits on a boundary two rows share) and the points are averaged.
 */
export function recommendSize(
  chart: SizeChart | undefined,
  body: BodyMeasurements,
  fit: Fit = 'regular',
  returnSignal?: ReturnSignal | FitTendency,
): SizeRecommendation {
  const rows = chart?.rows ?? [];
  const dimensions = chartDimensions(rows);
  if (rows.length === 0 || dimensions.length === 0) return cannot('missing_chart', {});

  const checked = checkBody(body);
  const implausible = checked.rejected.find((rejection) => dimensions.includes(rejection.dimension));
  if (implausible) {
    const { dimension, value, min, max } = implausible;
    return { ...cannot('implausible_measurement', { dimension, value, min, max }), ask: [dimension] };
  }

  const used = dimensionsToUse(dimensions, checked.body);
  const missing = used.filter((dimension) => checked.body[dimension] === undefined);
  if (missing.length > 0) {
    return { ...cannot('missing_measurement', { missing: missing.join(',') }), ask: missing };
  }

  let total = 0;
  for (const dimension of used) {
    const value = checked.body[dimension] as number;
    const position =
      dimension === 'footCm' ? footPosition(rows, value) : rangePosition(rows, dimension, value);
    if ('out' in position) {
      const { out, min, max } = position;
      return cannot('out_of_chart_range', { dimension, value, direction: out, min, max });
    }
    total += position.at;
  }
  const at = total / used.length;
  const lower = Math.floor(at + EPSILON);
  const upper = Math.ceil(at - EPSILON);
  const between = upper > lower;
  const chartIndex = !between
    ? lower
    : fit === 'snug'
      ? lower
      : fit === 'loose'
        ? upper
        : at - lower >= 0.5 - EPSILON
          ? upper
          : lower;

  const measured: ReasonParams = {};
  for (const dimension of used) measured[dimension] = checked.body[dimension] as number;
  const basis = used.join(',');
  const chartSize = sizeAt(rows, chartIndex);
  const base: ReasonParams = between
    ? { size: chartSize, lower: sizeAt(rows, lower), upper: sizeAt(rows, upper), fit, basis, ...measured }
    : { size: chartSize, fit, basis, ...measured };

  const tendency = typeof returnSignal === 'string' ? returnSignal : returnSignal?.tendency;
  if (!tendency)
    return {
      status: 'advice',
      size: chartSize,
      reason: { code: between ? 'between_sizes' : 'matches_chart', params: base },
    };

  const shifted = chartIndex + (tendency === 'runs_small' ? 1 : -1);
  if (shifted < 0 || shifted >= rows.length) {
    return cannot('out_of_chart_range', {
      dimension: 'size',
      direction: tendency === 'runs_small' ? 'above' : 'below',
      chartSize,
      adjustedFor: tendency,
    });
  }
  const size = sizeAt(rows, shifted);
  return {
    status: 'advice',
    size,
    reason: { code: 'adjusted_for_returns', params: { ...base, size, chartSize, adjustedFor: tendency } },
    adjustedFor: tendency,
  };
}

/** The measurements a chart can be read with; a column missing from any row cannot place the body. */
export function chartDimensions(rows: readonly SizeChartRow[]): Dimension[] {
  if (rows.length === 0) return [];
  const all: Dimension[] = ['footCm', ...RANGE_DIMENSIONS];
  return all.filter((dimension) =>
    rows.every((row) =>
      dimension === 'footCm' ? typeof row.footCm === 'number' : (row[dimension]?.length ?? 0) >= 2,
    ),
  );
}

/**
 * A shoe chart needs the foot; a chest measurement says more than height and weight, so it is used alone
 * when given; otherwise every height and weight column of the chart is needed.
 */
function dimensionsToUse(dimensions: Dimension[], body: BodyMeasurements): Dimension[] {
  if (dimensions.includes('footCm')) return ['footCm'];
  if (dimensions.includes('chestCm') && body.chestCm !== undefined) return ['chestCm'];
  const rest = dimensions.filter((dimension) => dimension !== 'chestCm');
  return rest.length > 0 ? rest : ['chestCm'];
}

function rangePosition(rows: readonly SizeChartRow[], dimension: RangeDimension, value: number): Position {
  const ranges = rows.map((row) => {
    const range = row[dimension] ?? [];
    return [range[0] ?? 0, range[1] ?? 0] as const;
  });
  const min = ranges[0]?.[0] ?? 0;
  const max = ranges[ranges.length - 1]?.[1] ?? 0;
  const tolerance = EDGE_TOLERANCE[dimension];
  if (value < min) return value >= min - tolerance ? { at: 0 } : { out: 'below', min, max };
  if (value > max) return value <= max + tolerance ? { at: ranges.length - 1 } : { out: 'above', min, max };
  const containing = ranges.flatMap(([lo, hi], index) => (lo <= value && value <= hi ? [index] : []));
  if (containing.length > 0) {
    return { at: ((containing[0] ?? 0) + (containing[containing.length - 1] ?? 0)) / 2 };
  }
  for (let index = 0; index + 1 < ranges.length; index++) {
    const hi = ranges[index]?.[1] ?? 0;
    const nextLo = ranges[index + 1]?.[0] ?? 0;
    if (hi < value && value < nextLo) return { at: index + (value - hi) / (nextLo - hi) };
  }
  return { out: 'above', min, max };
}

function footPosition(rows: readonly SizeChartRow[], value: number): Position {
  const lengths = rows.map((row) => row.footCm ?? 0);
  const first = lengths[0] ?? 0;
  const last = lengths[lengths.length - 1] ?? 0;
  // The smallest size fits feet down to about one size step shorter; below that the shoe is too long.
  const step = lengths.length > 1 ? (lengths[1] ?? first) - first : 1;
  const min = first - step;
  if (value < min - EPSILON) return { out: 'below', min, max: last };
  if (value > last + FOOT_SNUG_CM + EPSILON) return { out: 'above', min, max: last };
  const index = lengths.findIndex((length) => length >= value - EPSILON);
  if (index === -1) return { at: lengths.length - 1 };
  const previous = lengths[index - 1];
  if (previous !== undefined && value - previous <= FOOT_SNUG_CM + EPSILON) return { at: index - 0.5 };
  return { at: index };
}

function sizeAt(rows: readonly SizeChartRow[], index: number): string {
  return rows[index]?.size ?? '';
}

function cannot(code: CannotAdviseCode, params: ReasonParams): CannotAdvise {
  return { status: 'cannot_advise', reason: { code, params } };
}
