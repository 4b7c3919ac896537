import { contentWords } from '../../core/analytics/key-phrases';
import type { KeyPhraseInput, KeyPhrases } from '../../ports/key-phrases';

/** Content words by a word list, in process: the local adapter, and the cloud's fallback. */
export class WordListKeyPhrases implements KeyPhrases {
  async extract(inputs: readonly KeyPhraseInput[]): Promise<string[][]> {
    return inputs.map((input) => contentWords(input.text));
  }
}
