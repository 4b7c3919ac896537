/** A text to read key phrases from: already redacted, so no phrase can carry PII. */
export interface KeyPhraseInput {
  text: string;
  /** ISO 639-1 language of the text, when known. */
  lang?: string | null;
}

/**
 * Key phrases of a batch of texts, one list per input in the same order, each in order of appearance.
 * Comprehend in the cloud (with the word list for languages it lacks), the word list locally.
 */
export interface KeyPhrases {
  extract(inputs: readonly KeyPhraseInput[]): Promise<string[][]>;
}
