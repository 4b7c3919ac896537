import {
  BatchDetectKeyPhrasesCommand,
  type ComprehendClient,
  type LanguageCode,
} from '@aws-sdk/client-comprehend';
import { PII_PLACEHOLDER } from '../../core/analytics/pii';
import type { KeyPhraseInput, KeyPhrases } from '../../ports/key-phrases';
import { COMPREHEND_LANGUAGES, inComprehendBatches } from './comprehend-batches';

/** Languages Comprehend's key-phrase detection covers ("all supported languages"). */
export const COMPREHEND_KEY_PHRASE_LANGUAGES = COMPREHEND_LANGUAGES;

/** Phrases kept per text, in order of appearance; the fact keeps fewer after the defect ids. */
const MAX_PHRASES = 10;

/** Folded like the word list's words, so one phrase counts once in the analytics queries. */
function normalise(phrase: string): string {
  return phrase.replace(PII_PLACEHOLDER, ' ').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Comprehend BatchDetectKeyPhrases for the languages it covers, batched per language; the fallback (the
 * word list) for the rest and for any document Comprehend reports as failed. Placeholders left by PII
 * redaction are dropped from the phrases.
 */
export class ComprehendKeyPhrases implements KeyPhrases {
  constructor(
    private readonly client: ComprehendClient,
    private readonly fallback: KeyPhrases,
  ) {}

  async extract(inputs: readonly KeyPhraseInput[]): Promise<string[][]> {
    const { results, rest } = await inComprehendBatches(
      inputs,
      COMPREHEND_KEY_PHRASE_LANGUAGES,
      (languageCode, textList) =>
        this.client.send(
          new BatchDetectKeyPhrasesCommand({
            LanguageCode: languageCode as LanguageCode,
            TextList: textList,
          }),
        ),
      (item) => {
        const phrases: string[] = [];
        const ordered = [...(item.KeyPhrases ?? [])].sort(
          (a, b) => (a.BeginOffset ?? 0) - (b.BeginOffset ?? 0),
        );
        for (const keyPhrase of ordered) {
          const phrase = normalise(keyPhrase.Text ?? '');
          if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
          if (phrases.length >= MAX_PHRASES) break;
        }
        return phrases;
      },
    );
    if (rest.length > 0) {
      const fallbackResults = await this.fallback.extract(
        rest.map((index) => inputs[index] as KeyPhraseInput),
      );
      rest.forEach((index, position) => {
        results[index] = fallbackResults[position];
      });
    }
    return results.map((result) => result ?? []);
  }
}
