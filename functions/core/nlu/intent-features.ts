import { type Entities, entitySpans, extractEntities } from './entities';
import { charNgrams, foldLatin, isUnspacedWord, normalise, words } from './text';

/**
 * What the intent classifier sees of a message. The trained artifact (models/artifacts/intent.bin) depends
 * on every line here: change it and run `npm run build:models`.
 */

/** Replaces entities with a placeholder word so "A1001" and "ORD-7" look alike to the classifier. */
function maskEntities(text: string, entities: Entities): string {
  let masked = '';
  let cursor = 0;
  const source = text.normalize('NFKC');
  for (const span of entitySpans(entities)) {
    masked += `${source.slice(cursor, span.start)} xx${span.kind}xx `;
    cursor = span.end;
  }
  return masked + source.slice(cursor);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** The word's padded four-letter grams, as charNgrams gives them, sliced directly when no letter needs two code units. */
function pushLetterGrams(token: string, features: string[]): void {
  if (SURROGATE.test(token)) {
    for (const gram of charNgrams(token, 4, 4, true)) features.push(`g:${gram}`);
    return;
  }
  const padded = ` ${token} `;
  for (let start = 0; start + 4 <= padded.length; start++)
    features.push(`g:${padded.slice(start, start + 4)}`);
}

export function intentFeatures(text: string, entities: Entities = extractEntities(text)): string[] {
  const tokens = words(foldLatin(normalise(maskEntities(text, entities))));
  const features: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (isUnspacedWord(token)) {
      // Han, Kana and Thai have no spaces and Hangul glues particles on: character grams stand in for words.
      features.push(...charNgrams(token, 1, 3, true));
      continue;
    }
    features.push(`w:${token}`);
    // Four-letter grams carry a word across typos and inflections ("refund", "refunded", "refnud").
    if (token.length > 3) pushLetterGrams(token, features);
    const next = tokens[index + 1];
    if (next !== undefined && !isUnspacedWord(next)) features.push(`b:${token} ${next}`);
  }
  // Presence rather than counts: a long message repeating "order" is no more about orders than a short one.
  return [...new Set(features)];
}
