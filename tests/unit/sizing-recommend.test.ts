import { describe, expect, it } from 'vitest';
import { parseSizeChart, type SizeChart } from '../../functions/core/sizing/chart';
import { readBodyMeasurements } from '../../functions/core/sizing/measurements';
import { recommendSize } from '../../functions/core/sizing/recommend';
import { DEMO_PRODUCTS } from '../../local/seed/demo-store';

const chartOf = (sku: string): SizeChart | undefined =>
  DEMO_PRODUCTS.find((product) => product.sku === sku)?.sizeChart;
const jacket = chartOf('JKT-M-NVY');
const runner = chartOf('RUN-42-BLK');
const advise = (text: string, chart = jacket) => recommendSize(chart, readBodyMeasurements(text).body);

describe('recommendSize', () => {
  it('gives the size whose height and weight ranges hold the shopper', () => {
    expect(advise('175 cm, 70 kg')).toEqual({
      status: 'advice',
      size: 'M',
      reason: {
        code: 'matches_chart',
        params: { size: 'M', fit: 'regular', basis: 'heightCm,weightKg', heightCm: 175, weightKg: 70 },
      },
    });
  });

  it('1m80 and 165 lb give the same advice as 180 cm and 75 kg', () => {
    const metric = advise('180 cm and 75 kg');
    const imperial = advise('1m80 and 165 lb');
    expect(metric).toMatchObject({ status: 'advice', size: 'M', reason: { code: 'between_sizes' } });
    expect(imperial.status === 'advice' && imperial.size).toBe('M');
    expect(advise('5\'11", 165 lbs')).toMatchObject({ size: 'M' });
  });

  it('shifts one size with the fit preference only when the shopper is between sizes', () => {
    const between = readBodyMeasurements('180 cm 80 kg').body;
    expect(recommendSize(jacket, between, 'snug')).toMatchObject({ size: 'M' });
    expect(recommendSize(jacket, between, 'regular')).toMatchObject({
      size: 'L',
      reason: { code: 'between_sizes', params: { lower: 'M', upper: 'L' } },
    });
    expect(recommendSize(jacket, between, 'loose')).toMatchObject({ size: 'L' });
    const inside = readBodyMeasurements('175 cm 72 kg').body;
    expect(recommendSize(jacket, inside, 'snug')).toMatchObject({ size: 'M' });
    expect(recommendSize(jacket, inside, 'loose')).toMatchObject({ size: 'M' });
  });

  it('fits shoes by foot length and calls a foot just over a size length between sizes', () => {
    expect(advise('my foot is 26.5 cm', runner)).toMatchObject({
      size: 'EU 42',
      reason: { code: 'matches_chart' },
    });
    expect(advise('foot 25.8 cm', runner)).toMatchObject({ size: 'EU 41' });
    expect(advise('foot 26.8 cm', runner)).toMatchObject({
      size: 'EU 43',
      reason: { code: 'between_sizes' },
    });
    expect(recommendSize(runner, { footCm: 26.8 }, 'snug')).toMatchObject({ size: 'EU 42' });
  });

  it('asks for the measurement the chart needs when it is missing', () => {
    expect(advise('I am 178 cm')).toEqual({
      status: 'cannot_advise',
      reason: { code: 'missing_measurement', params: { missing: 'weightKg' } },
      ask: ['weightKg'],
    });
    expect(advise('180 cm 75 kg', runner)).toMatchObject({
      status: 'cannot_advise',
      reason: { code: 'missing_measurement' },
      ask: ['footCm'],
    });
  });

  it('cannot advise on a product without a chart or with an unreadable one', () => {
    expect(recommendSize(chartOf('EARB-WHT'), { heightCm: 180, weightKg: 75 })).toEqual({
      status: 'cannot_advise',
      reason: { code: 'missing_chart', params: {} },
    });
    expect(parseSizeChart({ rows: [{ size: 'M', heightCm: [180, 170] }] })).toBeUndefined();
    expect(parseSizeChart(jacket)).toEqual(jacket);
  });

  it('cannot advise outside the chart, but allows rounding slack at its ends', () => {
    expect(advise('200 cm 120 kg')).toMatchObject({
      status: 'cannot_advise',
      reason: { code: 'out_of_chart_range', params: { dimension: 'heightCm', direction: 'above', max: 190 } },
    });
    expect(advise('158 cm 50 kg')).toMatchObject({ status: 'advice', size: 'S' });
  });

  it('refuses to advise on an implausible measurement and asks for it again', () => {
    expect(recommendSize(jacket, { heightCm: 18, weightKg: 70 })).toEqual({
      status: 'cannot_advise',
      reason: {
        code: 'implausible_measurement',
        params: { dimension: 'heightCm', value: 18, min: 100, max: 230 },
      },
      ask: ['heightCm'],
    });
  });

  it('uses chest girth alone when the chart has it and the shopper gives it', () => {
    const chart: SizeChart = {
      rows: [
        { size: 'S', chestCm: [86, 92], heightCm: [160, 170] },
        { size: 'M', chestCm: [92, 100], heightCm: [170, 180] },
        { size: 'L', chestCm: [100, 108], heightCm: [180, 190] },
      ],
    };
    expect(recommendSize(chart, { chestCm: 104, heightCm: 172 })).toMatchObject({
      size: 'L',
      reason: { params: { basis: 'chestCm' } },
    });
    expect(recommendSize(chart, { heightCm: 172 })).toMatchObject({ size: 'M' });
  });

  it('goes one size up for a product that runs small and says why', () => {
    expect(recommendSize(jacket, { heightCm: 165, weightKg: 58 }, 'regular', 'runs_small')).toEqual({
      status: 'advice',
      size: 'M',
      adjustedFor: 'runs_small',
      reason: {
        code: 'adjusted_for_returns',
        params: {
          size: 'M',
          chartSize: 'S',
          adjustedFor: 'runs_small',
          fit: 'regular',
          basis: 'heightCm,weightKg',
          heightCm: 165,
          weightKg: 58,
        },
      },
    });
    expect(
      recommendSize(jacket, { heightCm: 185, weightKg: 88 }, 'regular', {
        tendency: 'runs_large',
        tooSmall: 0,
        tooLarge: 6,
        sizeReturns: 6,
        returns: 9,
      }),
    ).toMatchObject({ size: 'M', adjustedFor: 'runs_large' });
  });

  it('cannot go past the largest size when the product runs small', () => {
    expect(recommendSize(jacket, { heightCm: 185, weightKg: 88 }, 'regular', 'runs_small')).toMatchObject({
      status: 'cannot_advise',
      reason: { code: 'out_of_chart_range', params: { chartSize: 'L', adjustedFor: 'runs_small' } },
    });
  });
});
