import type { KeyPhrases } from '../../ports/key-phrases';
import type { PiiRedaction } from '../../ports/pii-redaction';

export interface TextEnrichment {
  pii: PiiRedaction;
  keyPhrases: KeyPhrases;
}

export interface EnrichedText {
  redactedText: string;
  /** Read from the redacted text; the fact puts its defect ids first. */
  keyPhrases: string[];
}

/**
 * PII redaction, then key phrases of the redacted texts: a phrase service never sees a name or an email,
 * so no phrase can carry one. One result per input, in order; any failure rejects the whole batch.
 */
export async function enrichTexts(
  inputs: ReadonlyArray<{ text: string; lang?: string | null }>,
  enrichment: TextEnrichment,
): Promise<EnrichedText[]> {
  const redacted = await enrichment.pii.redact(inputs);
  if (redacted.length !== inputs.length) throw new Error('PII redaction did not return one result per input');
  const phrases = await enrichment.keyPhrases.extract(
    redacted.map((text, index) => ({ text, lang: inputs[index]?.lang })),
  );
  if (phrases.length !== inputs.length)
    throw new Error('key phrase extraction did not return one result per input');
  return redacted.map((redactedText, index) => ({ redactedText, keyPhrases: phrases[index] ?? [] }));
}

/**
 * PII redaction only, for the desk's own words (assistant and agent replies): their key phrases come from
 * the word list when the fact is built, so the phrase service is not paid to read text we wrote.
 */
export async function redactTexts(
  inputs: ReadonlyArray<{ text: string; lang?: string | null }>,
  enrichment: TextEnrichment,
): Promise<Array<{ redactedText: string; keyPhrases?: undefined }>> {
  const redacted = await enrichment.pii.redact(inputs);
  if (redacted.length !== inputs.length) throw new Error('PII redaction did not return one result per input');
  return redacted.map((redactedText) => ({ redactedText }));
}
