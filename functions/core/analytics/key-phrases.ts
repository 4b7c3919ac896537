/**
 * Key phrases of a message fact: the defect ids the message mentions first (the supply-chain alert reads
 * them), then up to MAX_KEY_PHRASES phrases from the redacted text. The phrases come from a port
 * (Comprehend in the cloud for the languages it covers); `contentWords` is the word-list extractor used
 * locally and for every other language.
 */
import { PII_PLACEHOLDER } from './pii';

/** Phrases kept after the defect ids. */
export const MAX_KEY_PHRASES = 5;

// Function words of the desk's Latin-script languages; key phrases are what is left, longest first.
const STOPWORDS = new Set(
  `the and for with this that have from your you are was were not but can how what when where which will
  would could should there their they them then than just about into been also very still order want need
  please thanks thank hello dear help know like make does dont cant
  para con una por que como cuando donde esta este pero mas muy quiero tengo pedido gracias hola
  pour avec dans une les des est pas mais comment quand vous nous ma mon commande merci bonjour
  und der die das mit ist nicht aber wie wann meine mein ich bestellung danke hallo eine einen
  per con una che come quando dove sono non mio mia ordine grazie ciao
  com uma por que como quando onde meu minha pedido obrigado obrigada
  een het van met niet maar hoe wanneer waar mijn bestelling bedankt
  jest nie jak kiedy gdzie moje moja zamowienie dziekuje
  bir ve ile ama nasil nerede siparis tesekkurler
  yang dan dengan tidak untuk saya ini itu sudah belum pesanan terima kasih
  cua toi khong duoc nhung don hang cam`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Content words of Latin, Cyrillic or Arabic script (four letters or more, not a function word), folded
 * (lower case, no Latin accents), distinct, in order of appearance. Scripts without spaces give none.
 * `limit` leaves room for words that `withDefects` drops as repeats of a defect id.
 */
export function contentWords(redactedText: string, limit = MAX_KEY_PHRASES * 2): string[] {
  const folded = redactedText
    .replace(PII_PLACEHOLDER, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  const tokens = folded.match(/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}]{4,}/gu) ?? [];
  const words: string[] = [];
  for (const token of tokens) {
    if (words.length >= limit) break;
    if (STOPWORDS.has(token) || words.includes(token)) continue;
    words.push(token);
  }
  return words;
}

/** The defect ids, then up to MAX_KEY_PHRASES of `phrases` that repeat none of them. */
export function withDefects(defects: readonly string[], phrases: readonly string[]): string[] {
  const out: string[] = [...defects];
  let added = 0;
  for (const phrase of phrases) {
    if (added >= MAX_KEY_PHRASES) break;
    if (out.includes(phrase)) continue;
    out.push(phrase);
    added++;
  }
  return out;
}

/** The word-list key phrases of a redacted text: what a fact carries when no key-phrase port ran. */
export function keyPhrases(redactedText: string, defects: readonly string[]): string[] {
  return withDefects(defects, contentWords(redactedText));
}
