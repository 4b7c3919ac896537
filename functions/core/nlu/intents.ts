import { INTENT_EXAMPLES } from './data/intents';
import { type Entities, entitySpans, extractEntities } from './entities';
import { INTENT_IDS, type IntentId } from './intent-ids';
import {
  type NaiveBayesModel,
  type Prediction,
  rankWithTemperature,
  scoreNaiveBayes,
  type TrainingDocument,
  trainNaiveBayes,
} from './naive-bayes';
import { charNgrams, foldLatin, isUnspacedWord, normalise, words } from './text';

export type { IntentId } from './intent-ids';
export { INTENT_IDS } from './intent-ids';

export interface IntentClassification {
  intent: IntentId;
  /** Probability of the winning intent, 0..1. */
  confidence: number;
  /** The three most likely intents, most likely first. */
  ranked: Prediction<IntentId>[];
}

/** Share of a message's features seen in training above which its evidence counts in full. */
const FULL_COVERAGE = 0.6;

/** Replaces entities with a placeholder word so "A1001" and "ORD-7" look alike to the classifier. */
function maskEntities(text: string, entities: Entities): string {
  let masked = '';
  let cursor = 0;
  const source = text.normalize('NFKC');
  for (const span of entitySpans(entities)) {
    masked += `${source.slice(cursor, span.start)} xx${span.kind}xx `;
    cursor = span.end;
  }
  return masked + source.slice(cursor);
}

function intentFeatures(text: string, entities: Entities = extractEntities(text)): string[] {
  const tokens = words(foldLatin(normalise(maskEntities(text, entities))));
  const features: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (isUnspacedWord(token)) {
      // Han, Kana and Thai have no spaces and Hangul glues particles on: character grams stand in for words.
      features.push(...charNgrams(token, 1, 3, true));
      continue;
    }
    features.push(`w:${token}`);
    if (token.length > 3) features.push(...charNgrams(token, 4, 4, true));
    const next = tokens[index + 1];
    if (next !== undefined && !isUnspacedWord(next)) features.push(`b:${token} ${next}`);
  }
  return features;
}

function trainingDocuments(): TrainingDocument<IntentId>[] {
  const documents: TrainingDocument<IntentId>[] = [];
  for (const examples of Object.values(INTENT_EXAMPLES)) {
    for (const intent of INTENT_IDS) {
      for (const text of examples[intent] ?? [])
        documents.push({ label: intent, features: intentFeatures(text) });
    }
  }
  return documents;
}

let trainedModel: NaiveBayesModel<IntentId> | undefined;

/** Trained on first use rather than at import, for the same reason as the language model. */
function model(): NaiveBayesModel<IntentId> {
  trainedModel ??= trainNaiveBayes(INTENT_IDS, trainingDocuments(), { alpha: 0.1, uniformPriors: true });
  return trainedModel;
}

export function warmIntentModel(): void {
  model();
}

export function classifyIntent(text: string, entities?: Entities): IntentClassification {
  const features = intentFeatures(text, entities);
  const { logScores, knownFeatures } = scoreNaiveBayes(model(), features);
  if (knownFeatures === 0) {
    return { intent: 'other', confidence: 0, ranked: [{ label: 'other', probability: 0 }] };
  }
  const temperature = Math.max(1, knownFeatures / 6);
  const ranked = rankWithTemperature(model(), logScores, temperature);
  const best = ranked[0] ?? { label: 'other' as const, probability: 0 };
  // A message made mostly of words never seen in training is judged on scraps; say so in the confidence.
  const coverage = Math.min(1, knownFeatures / features.length / FULL_COVERAGE);
  return { intent: best.label, confidence: best.probability * coverage, ranked: ranked.slice(0, 3) };
}
