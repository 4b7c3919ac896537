import type { ArtifactContents } from './artifact';
import { trainIntentModel } from './trainers/intent';
import { packKeywordLists } from './trainers/keywords';
import { trainLanguageModel } from './trainers/language';
import { packSentimentLexicons } from './trainers/sentiment';

/**
 * The models `npm run build:models` trains. Adding one is one more entry: a name (its artifact is
 * models/artifacts/<name>.bin, read at runtime with loadArtifact(name)), the files whose content decides
 * the model, and a trainer. The inputs are hashed into the artifact, and tests/unit/model-artifacts.test.ts
 * fails when a file changed without a rebuild, so list the feature code as well as the data.
 */
export interface ModelEntry {
  name: string;
  description: string;
  /** Repository-relative files or folders (read recursively). */
  inputs: readonly string[];
  train: () => ArtifactContents;
}

/** Code every naive Bayes model's features and counts depend on. */
const NLU_CORE = [
  'functions/core/nlu/text.ts',
  'functions/core/nlu/naive-bayes.ts',
  'functions/core/nlu/model-format.ts',
  'models/artifact.ts',
];

export const MODELS: readonly ModelEntry[] = [
  {
    name: 'language',
    description: 'Language detector for Latin-script languages (naive Bayes over words and letter grams)',
    inputs: [
      'models/data/language-samples.json',
      'models/data/intents',
      'models/trainers/language.ts',
      'functions/core/nlu/language-features.ts',
      ...NLU_CORE,
    ],
    train: trainLanguageModel,
  },
  {
    name: 'intent',
    description: 'Intent classifier, 17 languages (naive Bayes plus an averaged softmax layer)',
    inputs: [
      'models/data/intents',
      'models/trainers/intent.ts',
      'functions/core/nlu/intent-features.ts',
      'functions/core/nlu/entities.ts',
      'functions/core/nlu/ordinals.ts',
      'functions/core/nlu/intent-ids.ts',
      ...NLU_CORE,
    ],
    train: trainIntentModel,
  },
  {
    name: 'keywords',
    description:
      'Keyword lists of the text module: complaint categories, defects, knowledge concepts, size returns',
    inputs: [
      'models/data/keywords',
      'models/schemas.ts',
      'models/trainers/keywords.ts',
      'models/artifact.ts',
    ],
    train: packKeywordLists,
  },
  {
    name: 'sentiment',
    description: 'Sentiment lexicons, 17 languages: polarity, negation, question, sarcasm and urgency cues',
    inputs: [
      'models/data/sentiment',
      'models/trainers/sentiment.ts',
      'functions/core/sentiment/lexicon.ts',
      'functions/core/text/fold.ts',
      'models/artifact.ts',
    ],
    train: packSentimentLexicons,
  },
];
