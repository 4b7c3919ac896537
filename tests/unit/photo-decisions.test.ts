import { describe, expect, it } from 'vitest';
import { colourFamilyOf, familyOfRgb, plainlyDifferent } from '../../functions/core/photos/colours';
import { decidePhoto } from '../../functions/core/photos/decide';
import { compareWithOrdered, readLabelSizes } from '../../functions/core/photos/label-sizes';
import { type PhotoReading, PhotoReadingSchema } from '../../functions/core/photos/reading';
import { hashDistance } from '../../functions/core/photos/refusals';

const reading = (fields: Partial<PhotoReading>): PhotoReading =>
  PhotoReadingSchema.parse({ shows: 'as_ordered', confidence: 0.9, ...fields });

describe('sizes read from a label', () => {
  it('keeps every system a shoe label prints, from OCR text with its usual noise', () => {
    expect(readLabelSizes('R13 SIZE\nEU 44 Us 10\nUK 9.5 cM 28')).toEqual([
      { system: 'EU', value: '44' },
      { system: 'US', value: '10' },
      { system: 'UK', value: '9.5' },
      { system: 'CM', value: '28' },
    ]);
  });

  it('reads letter sizes after a size word in any script, alone on a line, or misread as X5', () => {
    expect(readLabelSizes('尺码: XL')).toEqual([{ system: 'letter', value: 'XL' }]);
    expect(readLabelSizes('MADE IN VIETNAM\nM')).toEqual([{ system: 'letter', value: 'M' }]);
    expect(readLabelSizes('GROSSE X5')).toEqual([{ system: 'letter', value: 'XS' }]);
    expect(readLabelSizes('사이즈 280')).toEqual([{ system: 'CM', value: '28' }]);
  });

  it('does not take money for a size', () => {
    expect(readLabelSizes('AND REFUND 50 EUR')).toEqual([]);
    expect(readLabelSizes('REFUND 500 EUR\nEU 41')).toEqual([{ system: 'EU', value: '41' }]);
  });

  it("compares in the order's own system, and not at all when the label holds two sizes in it", () => {
    const label = readLabelSizes('EU 44 US 10');
    expect(compareWithOrdered(label, 'EU 41')).toMatchObject({ outcome: 'different' });
    expect(compareWithOrdered(label, '44')).toMatchObject({ outcome: 'same' });
    expect(compareWithOrdered(label, 'UK 9')).toEqual({ outcome: 'not_comparable' });
    expect(compareWithOrdered(readLabelSizes('EU 44\nEU 39'), 'EU 41')).toEqual({
      outcome: 'not_comparable',
    });
  });
});

describe('what policy decides from a reading', () => {
  it('sends a label showing another size than ordered into the exchange flow, naming both sizes', () => {
    const decision = decidePhoto(reading({ sizes: [{ system: 'EU', value: '44' }] }), { size: 'EU 41' });
    expect(decision).toMatchObject({
      flow: 'exchange',
      finding: 'wrong_size',
      readSize: 'EU 44',
      orderedSize: 'EU 41',
    });
  });

  it('asks for a retake of a dark or blurry photo before anything else', () => {
    expect(decidePhoto(reading({ retake: 'dark', shows: 'unclear' }), { size: 'M' })).toMatchObject({
      flow: 'retake',
      retake: 'dark',
    });
  });

  it('opens a damage claim with its severity only when the reader can judge damage', () => {
    expect(decidePhoto(reading({ shows: 'damage', severity: 'severe' }), {})).toMatchObject({
      flow: 'damage_claim',
      severity: 'severe',
    });
    expect(
      decidePhoto(reading({ shows: 'as_ordered', canJudgeDamage: false, colour: 'red' }), { color: 'red' }),
    ).toMatchObject({
      flow: 'person_review',
    });
  });

  it('treats plainly different colours as a wrong item, but never neighbours a camera confuses', () => {
    expect(decidePhoto(reading({ colour: 'green' }), { color: 'red' }).flow).toBe('wrong_item_claim');
    expect(decidePhoto(reading({ colour: 'black', canJudgeDamage: false }), { color: 'navy' }).flow).toBe(
      'person_review',
    );
    expect(plainlyDifferent('white', 'beige')).toBe(false);
    expect(colourFamilyOf('Navy blue')).toBe('blue');
    expect(familyOfRgb(192, 40, 45)).toBe('red');
  });

  it("leaves an uncertain model's wrong-item judgement to a person, and asks again for an unclear photo", () => {
    expect(decidePhoto(reading({ shows: 'wrong_item', confidence: 0.3 }), {}).flow).toBe('person_review');
    expect(decidePhoto(reading({ shows: 'wrong_item', confidence: 0.8 }), {}).flow).toBe('wrong_item_claim');
    expect(decidePhoto(reading({ shows: 'not_the_product' }), {}).flow).toBe('another_photo');
  });

  it('refuses a reading whose label text would grow into a prompt', () => {
    expect(
      PhotoReadingSchema.safeParse({ shows: 'damage', confidence: 1, labelText: 'x'.repeat(301) }).success,
    ).toBe(false);
  });

  it('measures how far apart two perceptual hashes are', () => {
    expect(hashDistance('ffff000000000000', 'ffff000000000001')).toBe(1);
    expect(hashDistance('0123456789abcdef', '0123456789abcdef')).toBe(0);
  });
});
