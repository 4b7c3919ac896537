import type { Translation, Translator } from '../../ports/console';

/** Locally there is no translation model: texts pass through unchanged and the console labels them. */
export class UntranslatedTranslator implements Translator {
  readonly available = false;

  async translate(text: string): Promise<Translation> {
    return { translated: false, text };
  }
}
