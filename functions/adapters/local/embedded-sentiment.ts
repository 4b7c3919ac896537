import { analyseSentiment } from '../../core/sentiment/model';
import type { Sentiment, SentimentInput, SentimentResult } from '../../ports/sentiment';

/** The local Sentiment adapter: the embedded lexicon-and-rules analyser, in process, with urgency. */
export class EmbeddedSentiment implements Sentiment {
  async detect(texts: readonly SentimentInput[]): Promise<SentimentResult[]> {
    return texts.map((input) => analyseSentiment(input));
  }
}
