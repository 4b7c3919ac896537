import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../functions/core/nlu/entities';
import { readBodyMeasurements } from '../../functions/core/sizing/measurements';

const heights = (text: string) => extractEntities(text).heights.map((entity) => entity.cm);
const weights = (text: string) => extractEntities(text).weights.map((entity) => entity.kg);

describe('body measurements after a topic particle', () => {
  it.each([
    ['키는 178이고 몸무게는 72 정도예요', 178, 72],
    ['키가 165, 몸무게가 55예요', 165, 55],
    ['身長は170、体重は60です', 170, 60],
    ['身長が183で体重が88キロ', 183, 88],
    ['我身高是175，体重是70', 175, 70],
    ['身高有168，体重有52公斤', 168, 52],
  ])('reads height and weight from "%s"', (text, cm, kg) => {
    expect(heights(text)).toEqual([cm]);
    expect(weights(text)).toEqual([kg]);
    expect(readBodyMeasurements(text).body).toMatchObject({ heightCm: cm, weightKg: kg });
  });

  it('still needs a number right after the particle', () => {
    expect(heights('키는 작은 편이에요')).toEqual([]);
    expect(weights('体重は気にしています')).toEqual([]);
  });

  it('reads Arabic-Indic digits after Arabic context words', () => {
    expect(readBodyMeasurements('طولي ١٦٨ ووزني ٦٠ كيلو').body).toMatchObject({
      heightCm: 168,
      weightKg: 60,
    });
  });
});
