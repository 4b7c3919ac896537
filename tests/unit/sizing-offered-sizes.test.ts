import { describe, expect, it } from 'vitest';
import { chartOffers, parseAskedSize } from '../../functions/core/sizing/offered-sizes';

const shoes = { system: 'EU', rows: [{ size: 'EU 41' }, { size: 'EU 42' }, { size: 'EU 43' }] };
const jackets = { system: 'alpha', rows: [{ size: 'S' }, { size: 'M' }, { size: 'XXL' }] };

describe('whether a size chart offers the size a shopper asked about', () => {
  it('reads sizes as shoppers write them, and nothing that is not one size', () => {
    expect(parseAskedSize('44')).toEqual({ value: '44' });
    expect(parseAskedSize('eu 42,5')).toEqual({ system: 'EU', value: '42.5' });
    expect(parseAskedSize('US 10')).toEqual({ system: 'US', value: '10' });
    expect(parseAskedSize('xl')).toEqual({ value: 'XL' });
    expect(parseAskedSize('26.5 cm')).toBeUndefined();
    expect(parseAskedSize('large please')).toBeUndefined();
  });

  it('compares numbers within the same system and letters by their usual equivalents', () => {
    expect(chartOffers(shoes, { value: '42' })).toBe(true);
    expect(chartOffers(shoes, { system: 'EU', value: '44' })).toBe(false);
    expect(chartOffers(jackets, { value: '2XL' })).toBe(true);
    expect(chartOffers(jackets, { value: 'L' })).toBe(false);
  });

  it('does not guess across systems or between letters and numbers', () => {
    expect(chartOffers(shoes, { system: 'US', value: '10' })).toBeUndefined();
    expect(chartOffers(shoes, { value: 'M' })).toBeUndefined();
    expect(chartOffers(jackets, { value: '44' })).toBeUndefined();
  });
});
