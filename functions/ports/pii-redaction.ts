export interface PiiInput {
  text: string;
  /** ISO 639-1 language of the text, when known: entity detection (names, addresses) depends on it. */
  lang?: string | null;
}

/**
 * PII redaction of a batch of texts, one redacted text per input in the same order. Emails, phones, card
 * numbers and IBANs become `[EMAIL]`, `[PHONE]`, `[CARD]`, `[IBAN]` in every language; in the cloud,
 * Comprehend then replaces names, addresses and other entities with `[TYPE]` for en and es. A failure
 * throws: an unredacted text must never be passed on instead.
 */
export interface PiiRedaction {
  redact(inputs: readonly PiiInput[]): Promise<string[]>;
}
