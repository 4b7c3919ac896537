/**
 * Multinomial naive Bayes over string features. Chosen because it trains in milliseconds at module load
 * from a few thousand hand-written examples, is deterministic, and scores a message in microseconds.
 */
export interface TrainingDocument<L extends string> {
  label: L;
  features: readonly string[];
}

export interface NaiveBayesModel<L extends string> {
  readonly labels: readonly L[];
  readonly logPriors: Float64Array;
  /** Per feature, the log probability of the feature under each label (indexed like labels). */
  readonly featureLogProbs: ReadonlyMap<string, Float64Array>;
}

export interface Prediction<L extends string> {
  label: L;
  probability: number;
}

export interface TrainOptions {
  /** Additive (Laplace/Lidstone) smoothing. */
  alpha: number;
  /** Uniform priors keep well-covered labels from swallowing sparse ones. */
  uniformPriors?: boolean;
}

export function trainNaiveBayes<L extends string>(
  labels: readonly L[],
  documents: readonly TrainingDocument<L>[],
  options: TrainOptions,
): NaiveBayesModel<L> {
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(labels.length);
  const documentCounts = new Float64Array(labels.length);
  for (const document of documents) {
    const index = labelIndex.get(document.label);
    if (index === undefined) throw new Error(`Unknown label ${document.label}`);
    documentCounts[index] = (documentCounts[index] ?? 0) + 1;
    for (const feature of document.features) {
      let row = counts.get(feature);
      if (!row) {
        row = new Float64Array(labels.length);
        counts.set(feature, row);
      }
      row[index] = (row[index] ?? 0) + 1;
      totals[index] = (totals[index] ?? 0) + 1;
    }
  }
  const vocabulary = counts.size;
  const featureLogProbs = new Map<string, Float64Array>();
  for (const [feature, row] of counts) {
    const logProbs = new Float64Array(labels.length);
    for (let i = 0; i < labels.length; i++) {
      logProbs[i] = Math.log(((row[i] ?? 0) + options.alpha) / ((totals[i] ?? 0) + options.alpha * vocabulary));
    }
    featureLogProbs.set(feature, logProbs);
  }
  const logPriors = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    logPriors[i] = options.uniformPriors
      ? -Math.log(labels.length)
      : Math.log(((documentCounts[i] ?? 0) + 1) / (documents.length + labels.length));
  }
  return { labels, logPriors, featureLogProbs };
}

export interface Scores {
  /** Log joint score per label, indexed like the model's labels. */
  logScores: Float64Array;
  /** How many of the features the model had seen in training. */
  knownFeatures: number;
}

export function scoreNaiveBayes<L extends string>(
  model: NaiveBayesModel<L>,
  features: readonly string[],
  weights?: ReadonlyMap<string, number>,
): Scores {
  const logScores = Float64Array.from(model.logPriors);
  let knownFeatures = 0;
  for (const feature of features) {
    const row = model.featureLogProbs.get(feature);
    if (!row) continue;
    knownFeatures++;
    const weight = weights?.get(feature) ?? 1;
    for (let i = 0; i < logScores.length; i++) logScores[i] = (logScores[i] ?? 0) + weight * (row[i] ?? 0);
  }
  return { logScores, knownFeatures };
}

/**
 * Naive Bayes multiplies evidence as if features were independent, so raw posteriors are near 0 or 1
 * even for a coin toss; dividing the log scores by a temperature that grows with the evidence gives
 * probabilities a caller can threshold.
 */
export function rankWithTemperature<L extends string>(
  model: NaiveBayesModel<L>,
  logScores: Float64Array,
  temperature: number,
): Prediction<L>[] {
  let max = Number.NEGATIVE_INFINITY;
  for (const score of logScores) max = Math.max(max, score);
  const exps = Array.from(logScores, (score) => Math.exp((score - max) / temperature));
  const sum = exps.reduce((total, value) => total + value, 0);
  return model.labels
    .map((label, i) => ({ label, probability: (exps[i] ?? 0) / sum }))
    .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
}
