import {
  DetectedLanguageLowConfidenceException,
  TextSizeLimitExceededException,
  TranslateClient,
  TranslateTextCommand,
  UnsupportedLanguagePairException,
} from '@aws-sdk/client-translate';
import type { Translation, Translator } from '../../ports/console';

/**
 * Amazon Translate rather than Bedrock: a purpose-built, per-character-priced service with no prompt to
 * inject into (shopper text is untrusted), deterministic output, tens of milliseconds per call, and all
 * the shop's languages. A language pair it cannot do leaves the text as written, labelled untranslated.
 */
export class AmazonTranslateTranslator implements Translator {
  readonly available = true;

  constructor(private readonly client: TranslateClient) {}

  async translate(text: string, to: string, from?: string): Promise<Translation> {
    try {
      const result = await this.client.send(
        new TranslateTextCommand({
          Text: text,
          SourceLanguageCode: from ?? 'auto',
          TargetLanguageCode: to,
        }),
      );
      return {
        translated: true,
        text: result.TranslatedText ?? text,
        sourceLanguage: result.SourceLanguageCode ?? from ?? 'auto',
      };
    } catch (error) {
      if (
        error instanceof UnsupportedLanguagePairException ||
        error instanceof DetectedLanguageLowConfidenceException ||
        error instanceof TextSizeLimitExceededException
      )
        return { translated: false, text };
      throw error;
    }
  }
}

export const createTranslateClient = (region: string) => new TranslateClient({ region, maxAttempts: 3 });
