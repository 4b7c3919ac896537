import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../functions/core/nlu/entities';

const heights = (text: string) => extractEntities(text).heights.map((entity) => entity.cm);
const weights = (text: string) => extractEntities(text).weights.map((entity) => entity.kg);

describe('measurements introduced by a word and followed by punctuation', () => {
  it('reads a height and a weight that end at a comma or a full stop', () => {
    const text = 'Boyum 165, kilom 58. Yağmurluk için hangi bedeni almalıyım?';
    expect(heights(text)).toEqual([165]);
    expect(weights(text)).toEqual([58]);
    expect(heights('wzrost 182, waga 90.')).toEqual([182]);
    expect(weights('wzrost 182, waga 90.')).toEqual([90]);
  });

  it('still reads a decimal after the word as one number', () => {
    expect(heights('tinggi 1,72 dan berat 68,5')).toEqual([172]);
    expect(weights('tinggi 1,72 dan berat 68,5')).toEqual([68.5]);
  });
});
