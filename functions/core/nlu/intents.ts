import { INTENT_EXAMPLES, SERVICE_EXAMPLES } from './data/intents';
import { type Entities, entitySpans, extractEntities } from './entities';
import { INTENT_IDS, type IntentId } from './intent-ids';
import {
  type NaiveBayesModel,
  type Prediction,
  rankWithTemperature,
  type SoftmaxModel,
  scoreNaiveBayes,
  scoreSoftmax,
  type TrainingDocument,
  trainAveragedSoftmax,
  trainNaiveBayesEncoding,
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

/**
 * One softmax model per shuffle, averaged. With a single pass order, which of two close intents won
 * depended on where a sentence happened to fall in the shuffle; adding one Japanese greeting moved
 * English accuracy by more than half a point. Three orders averaged score a little better on both
 * held-out sets and cost about 70 ms more training on the first message; scoring stays one model.
 */
const SOFTMAX_SEEDS = [12345, 777, 4242] as const;

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

const SURROGATE = /[\uD800-\uDFFF]/;

/** The word's padded four-letter grams, as charNgrams gives them, sliced directly when no letter needs two code units. */
function pushLetterGrams(token: string, features: string[]): void {
  if (SURROGATE.test(token)) {
    for (const gram of charNgrams(token, 4, 4, true)) features.push(`g:${gram}`);
    return;
  }
  const padded = ` ${token} `;
  for (let start = 0; start + 4 <= padded.length; start++)
    features.push(`g:${padded.slice(start, start + 4)}`);
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
    // Four-letter grams carry a word across typos and inflections ("refund", "refunded", "refnud").
    if (token.length > 3) pushLetterGrams(token, features);
    const next = tokens[index + 1];
    if (next !== undefined && !isUnspacedWord(next)) features.push(`b:${token} ${next}`);
  }
  // Presence rather than counts: a long message repeating "order" is no more about orders than a short one.
  return [...new Set(features)];
}

function trainingDocuments(): TrainingDocument<IntentId>[] {
  const documents: TrainingDocument<IntentId>[] = [];
  for (const examples of [...Object.values(INTENT_EXAMPLES), ...Object.values(SERVICE_EXAMPLES)]) {
    for (const intent of INTENT_IDS) {
      for (const text of examples[intent] ?? [])
        documents.push({ label: intent, features: intentFeatures(text) });
    }
  }
  return documents;
}

interface IntentModels {
  bayes: NaiveBayesModel<IntentId>;
  softmax: SoftmaxModel<IntentId>;
}

let trainedModels: IntentModels | undefined;

/**
 * Trained on first use rather than at import, for the same reason as the language model. Naive Bayes
 * generalises from few examples; the softmax model, trained on the same features, separates intents
 * that share most of their words. Their scores are added.
 */
function models(): IntentModels {
  if (trainedModels) return trainedModels;
  const documents = trainingDocuments();
  const { model: bayes, encoded } = trainNaiveBayesEncoding(INTENT_IDS, documents, {
    alpha: 0.1,
    uniformPriors: true,
  });
  trainedModels = {
    bayes,
    softmax: trainAveragedSoftmax(INTENT_IDS, encoded, { epochs: 2, learningRate: 1 }, SOFTMAX_SEEDS),
  };
  return trainedModels;
}

export function warmIntentModel(): void {
  models();
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
