import { describe, expect, it } from 'vitest';
import { checkBody, readBodyMeasurements } from '../../functions/core/sizing/measurements';

const body = (text: string) => readBodyMeasurements(text).body;

describe('readBodyMeasurements', () => {
  it('reads metres written as 1m80, 1,80 m and 1.80m as 180 cm', () => {
    expect(body('1m80, 75kg').heightCm).toBe(180);
    expect(body('mido 1,80 m').heightCm).toBe(180);
    expect(body('I am 1.80m').heightCm).toBe(180);
  });

  it('reads feet and inches in every common notation', () => {
    for (const text of ['5\'11"', '5 ft 11', '5ft11in', '5′11″', '5’11”']) {
      expect(body(`I'm ${text}`).heightCm, text).toBe(180);
    }
  });

  it('converts pounds and stone to kilograms', () => {
    expect(body('165 lbs').weightKg).toBeCloseTo(74.8, 1);
    expect(body('I weigh 12 stone').weightKg).toBeCloseTo(76.2, 1);
    expect(body('11st 6lb').weightKg).toBeCloseTo(72.6, 1);
    expect(body('11 st 10 lbs, 5\'9"')).toEqual({ heightCm: 175, weightKg: 74.4 });
    expect(body('12 st 5\'9"')).toEqual({ heightCm: 175, weightKg: 76.2 });
  });

  it('does not take an ordinal like "21st" for stone', () => {
    expect(body('ordered on the 21st').weightKg).toBeUndefined();
  });

  it('reads full-width and Arabic-Indic digits', () => {
    expect(body('１８０cm ７５kg')).toEqual({ heightCm: 180, weightKg: 75 });
    expect(body('طولي ١٨٠ سم ووزني ٧٥ كغ')).toEqual({ heightCm: 180, weightKg: 75 });
  });

  it('reads height and weight words in Russian, Chinese and Japanese', () => {
    expect(body('рост 180 см, вес 75 кг')).toEqual({ heightCm: 180, weightKg: 75 });
    expect(body('我180公分75公斤')).toEqual({ heightCm: 180, weightKg: 75 });
    expect(body('身長170センチ、体重60キロ')).toEqual({ heightCm: 170, weightKg: 60 });
  });

  it('reads chest girth without mistaking it for a height', () => {
    expect(body('chest 96 cm, 178 cm tall')).toEqual({ chestCm: 96, heightCm: 178 });
    expect(body('bust 38 inches').chestCm).toBeCloseTo(96.5, 1);
    expect(body('chest 38').chestCm).toBeCloseTo(96.5, 1);
    expect(body('胸围 96').chestCm).toBe(96);
  });

  it('reads foot length in cm and mm', () => {
    expect(body('my foot is 26.5 cm').footCm).toBe(26.5);
    expect(body('발길이 265mm').footCm).toBe(26.5);
  });

  it('rejects heights and weights no adult has, with the plausible range', () => {
    expect(readBodyMeasurements('I am 90 cm and 20 kg')).toEqual({
      body: {},
      rejected: [
        { dimension: 'heightCm', value: 90, reason: 'below_plausible', min: 100, max: 230 },
        { dimension: 'weightKg', value: 20, reason: 'below_plausible', min: 30, max: 250 },
      ],
    });
    expect(checkBody({ heightCm: 240, weightKg: 80 })).toEqual({
      body: { weightKg: 80 },
      rejected: [{ dimension: 'heightCm', value: 240, reason: 'above_plausible', min: 100, max: 230 }],
    });
  });

  it('finds nothing in a message without measurements', () => {
    expect(readBodyMeasurements('which size should I take?')).toEqual({ body: {}, rejected: [] });
  });
});
