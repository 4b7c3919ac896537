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
  /** Row number of each feature seen in training. */
  readonly featureRows: ReadonlyMap<string, number>;
  /** Row-major: the log probability of feature row r under label i is at r * labels.length + i. */
  readonly logProbs: Float64Array;
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

// One flat array rather than a typed array per feature: tens of thousands of small allocations
// dominated the cold start.
export function trainNaiveBayes<L extends string>(
  labels: readonly L[],
  documents: readonly TrainingDocument<L>[],
  options: TrainOptions,
): NaiveBayesModel<L> {
  const width = labels.length;
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const featureRows = new Map<string, number>();
  const counts: number[] = [];
  const totals = new Float64Array(width);
  const documentCounts = new Float64Array(width);
  for (const document of documents) {
    const index = labelIndex.get(document.label);
    if (index === undefined) throw new Error(`Unknown label ${document.label}`);
    documentCounts[index] = (documentCounts[index] ?? 0) + 1;
    for (const feature of document.features) {
      let row = featureRows.get(feature);
      if (row === undefined) {
        row = featureRows.size;
        featureRows.set(feature, row);
        for (let i = 0; i < width; i++) counts.push(0);
      }
      counts[row * width + index] = (counts[row * width + index] ?? 0) + 1;
      totals[index] = (totals[index] ?? 0) + 1;
    }
  }
  const vocabulary = featureRows.size;
  const logDenominators = Array.from(totals, (total) => Math.log(total + options.alpha * vocabulary));
  // Most cells are zero counts, whose log probability depends on the label alone.
  const unseen = logDenominators.map((denominator) => Math.log(options.alpha) - denominator);
  const logProbs = new Float64Array(counts.length);
  for (let cell = 0; cell < counts.length; cell++) {
    const count = counts[cell] ?? 0;
    const label = cell % width;
    logProbs[cell] =
      count === 0 ? (unseen[label] ?? 0) : Math.log(count + options.alpha) - (logDenominators[label] ?? 0);
  }
  const logPriors = new Float64Array(width);
  for (let i = 0; i < width; i++) {
    logPriors[i] = options.uniformPriors
      ? -Math.log(width)
      : Math.log(((documentCounts[i] ?? 0) + 1) / (documents.length + width));
  }
  return { labels, logPriors, featureRows, logProbs };
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
): Scores {
  const width = model.labels.length;
  const logScores = Float64Array.from(model.logPriors);
  let knownFeatures = 0;
  for (const feature of features) {
    const row = model.featureRows.get(feature);
    if (row === undefined) continue;
    knownFeatures++;
    const base = row * width;
    for (let i = 0; i < width; i++) logScores[i] = (logScores[i] ?? 0) + (model.logProbs[base + i] ?? 0);
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
