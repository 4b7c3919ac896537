import { loadArtifact } from '../../../models/load';
import type { Entities } from './entities';
import { intentFeatures } from './intent-features';
import { INTENT_IDS, type IntentId } from './intent-ids';
import { unpackNaiveBayes, unpackSoftmax } from './model-format';
import {
  type NaiveBayesModel,
  type Prediction,
  rankWithTemperature,
  type SoftmaxModel,
  scoreNaiveBayes,
  scoreSoftmax,
} from './naive-bayes';

export { intentFeatures } from './intent-features';
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

interface IntentModels {
  bayes: NaiveBayesModel<IntentId>;
  softmax: SoftmaxModel<IntentId>;
}

let trainedModels: IntentModels | undefined;

/**
 * Loaded on first use rather than at import, so handlers that import the classifier but answer without it
 * start faster. Trained by `npm run build:models` (models/trainers/intent.ts): naive Bayes generalises from
 * few examples; the softmax model, trained on the same features, separates intents that share most of
 * their words. Their scores are added.
 */
function models(): IntentModels {
  if (trainedModels) return trainedModels;
  const artifact = loadArtifact('intent');
  const bayes = unpackNaiveBayes(artifact, 'bayes', INTENT_IDS);
  trainedModels = { bayes, softmax: unpackSoftmax(artifact, 'softmax', bayes) };
  return trainedModels;
}

export function classifyIntent(text: string, entities?: Entities): IntentClassification {
  const features = intentFeatures(text, entities);
  const { bayes, softmax } = models();
  const { logScores, knownFeatures } = scoreNaiveBayes(bayes, features);
  if (knownFeatures === 0) {
    return { intent: 'other', confidence: 0, ranked: [{ label: 'other', probability: 0 }] };
  }
  // Naive Bayes log scores, tempered as the evidence grows, plus the softmax model's logits.
  const temperature = Math.max(1, knownFeatures / 6);
  const logits = scoreSoftmax(softmax, features).logScores;
  for (let i = 0; i < logScores.length; i++)
    logScores[i] = (logScores[i] ?? 0) / temperature + (logits[i] ?? 0);
  const ranked = rankWithTemperature(bayes, logScores, 1);
  const best = ranked[0] ?? { label: 'other' as const, probability: 0 };
  // A message made mostly of words never seen in training is judged on scraps; say so in the confidence.
  const coverage = Math.min(1, knownFeatures / features.length / FULL_COVERAGE);
  return { intent: best.label, confidence: best.probability * coverage, ranked: ranked.slice(0, 3) };
}
