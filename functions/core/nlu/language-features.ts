import { charNgrams, foldLatin, normalise, words } from './text';

/**
 * What the Latin-script language detector sees of a text. The trained artifact
 * (models/artifacts/language.bin) depends on every line here: change it and run `npm run build:models`.
 */

export const LATIN_LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'tr', 'id', 'vi'] as const;
export type LatinLanguage = (typeof LATIN_LANGUAGES)[number];

export function latinFeatures(text: string): string[] {
  const features: string[] = [];
  for (const word of words(normalise(text))) {
    if (!/^\p{Script=Latin}+$/u.test(word)) continue;
    features.push(`w:${word}`, ...charNgrams(word, 1, 3, true));
    const folded = foldLatin(word);
    if (folded !== word) features.push(`w:${folded}`);
  }
  return features;
}
