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
  return train(labels, documents, options, false).model;
}

/** Training documents as the model numbered them: what a second model needs to train on the same features. */
export interface EncodedDocuments {
  featureRows: ReadonlyMap<string, number>;
  /** Per document, the row of each of its features, in order, repeats kept. */
  rows: Int32Array[];
  /** Per document, the index of its label. */
  targets: Int32Array;
}

/** Trains naive Bayes and hands back the numbered documents, so that a softmax model can skip the feature map. */
export function trainNaiveBayesEncoding<L extends string>(
  labels: readonly L[],
  documents: readonly TrainingDocument<L>[],
  options: TrainOptions,
): { model: NaiveBayesModel<L>; encoded: EncodedDocuments; counts: NaiveBayesCounts<L> } {
  return train(labels, documents, options, true);
}

/**
 * What naive Bayes learns, before smoothing: the model follows from these exactly, so a build step can ship
 * them (models/artifacts) and a Lambda rebuild the very model training gave, without the examples.
 */
export interface NaiveBayesCounts<L extends string> {
  labels: readonly L[];
  /** Feature of each row, in row order. */
  features: readonly string[];
  /** Row-major like NaiveBayesModel.logProbs: how often feature row r occurred under label i. */
  counts: ArrayLike<number>;
  /** Training documents per label. */
  documentCounts: ArrayLike<number>;
  options: TrainOptions;
}

/** Trains naive Bayes and hands back its counts as well, for a model artifact. */
export function countNaiveBayes<L extends string>(
  labels: readonly L[],
  documents: readonly TrainingDocument<L>[],
  options: TrainOptions,
): { model: NaiveBayesModel<L>; counts: NaiveBayesCounts<L> } {
  const { model, counts } = train(labels, documents, options, false);
  return { model, counts };
}

function train<L extends string>(
  labels: readonly L[],
  documents: readonly TrainingDocument<L>[],
  options: TrainOptions,
  encode: boolean,
): { model: NaiveBayesModel<L>; encoded: EncodedDocuments; counts: NaiveBayesCounts<L> } {
  const width = labels.length;
  const rows: Int32Array[] = [];
  const targets = new Int32Array(documents.length);
  const buffer: number[] = [];
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const featureRows = new Map<string, number>();
  const counts: number[] = [];
  const documentCounts = new Float64Array(width);
  for (const [d, document] of documents.entries()) {
    const index = labelIndex.get(document.label);
    if (index === undefined) throw new Error(`Unknown label ${document.label}`);
    documentCounts[index] = (documentCounts[index] ?? 0) + 1;
    targets[d] = index;
    buffer.length = 0;
    for (const feature of document.features) {
      let row = featureRows.get(feature);
      if (row === undefined) {
        row = featureRows.size;
        featureRows.set(feature, row);
        for (let i = 0; i < width; i++) counts.push(0);
      }
      if (encode) buffer.push(row);
      counts[row * width + index] = (counts[row * width + index] ?? 0) + 1;
    }
    if (encode) rows.push(Int32Array.from(buffer));
  }
  const learned: NaiveBayesCounts<L> = {
    labels,
    features: [...featureRows.keys()],
    counts,
    documentCounts,
    options,
  };
  return {
    model: naiveBayesFromCounts(learned, featureRows),
    encoded: { featureRows, rows, targets },
    counts: learned,
  };
}

function rowsOf(features: readonly string[]): Map<string, number> {
  const rows = new Map<string, number>();
  for (let row = 0; row < features.length; row++) rows.set(features[row] as string, row);
  return rows;
}

/** The smoothed model of some counts; given the same counts, always the same model, to the bit. */
export function naiveBayesFromCounts<L extends string>(
  learned: NaiveBayesCounts<L>,
  featureRows: ReadonlyMap<string, number> = rowsOf(learned.features),
): NaiveBayesModel<L> {
  const { labels, counts, documentCounts, options } = learned;
  const width = labels.length;
  const totals = new Float64Array(width);
  for (let base = 0; base < counts.length; base += width)
    for (let label = 0; label < width; label++)
      totals[label] = (totals[label] as number) + (counts[base + label] as number);
  let documents = 0;
  for (let i = 0; i < width; i++) documents += documentCounts[i] ?? 0;
  const vocabulary = featureRows.size;
  const logDenominators = Array.from(totals, (total) => Math.log(total + options.alpha * vocabulary));
  // Most cells are zero counts, whose log probability depends on the label alone.
  const unseen = logDenominators.map((denominator) => Math.log(options.alpha) - denominator);
  // Every row starts as the zero-count row, copied in bulk; only the counts seen are logged.
  const unseenRow = Float64Array.from(unseen);
  const logProbs = new Float64Array(counts.length);
  for (let base = 0; base < counts.length; base += width) {
    logProbs.set(unseenRow, base);
    for (let label = 0; label < width; label++) {
      const count = counts[base + label] as number;
      if (count !== 0)
        logProbs[base + label] = Math.log(count + options.alpha) - (logDenominators[label] as number);
    }
  }
  const logPriors = new Float64Array(width);
  for (let i = 0; i < width; i++) {
    logPriors[i] = options.uniformPriors
      ? -Math.log(width)
      : Math.log(((documentCounts[i] ?? 0) + 1) / (documents + width));
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
  return scoreLinear(model.featureRows, model.logPriors, model.logProbs, features);
}

/** Both models are linear in their features: a start score per label plus one weight row per feature. */
function scoreLinear(
  featureRows: ReadonlyMap<string, number>,
  start: ArrayLike<number>,
  weights: ArrayLike<number>,
  features: readonly string[],
): Scores {
  const width = start.length;
  const logScores = Float64Array.from(start);
  let knownFeatures = 0;
  for (const feature of features) {
    const row = featureRows.get(feature);
    if (row === undefined) continue;
    knownFeatures++;
    const base = row * width;
    for (let i = 0; i < width; i++) logScores[i] = (logScores[i] ?? 0) + (weights[base + i] ?? 0);
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

/**
 * Multinomial logistic regression over the same binary features, trained by a few passes of plain
 * stochastic gradient descent. Where naive Bayes counts each word for every intent it appears with,
 * this learns which words tell two close intents apart ("track my refund" against "get a refund").
 */
export interface SoftmaxModel<L extends string> {
  readonly labels: readonly L[];
  readonly featureRows: ReadonlyMap<string, number>;
  /** Row-major like NaiveBayesModel.logProbs: the weight of feature row r for label i is at r * labels.length + i. */
  readonly weights: Float32Array;
  readonly bias: Float64Array;
}

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  /** Seed of the deterministic shuffle; different seeds give differently ordered passes. */
  seed?: number;
}

export function trainSoftmax<L extends string>(
  labels: readonly L[],
  encoded: EncodedDocuments,
  options: SoftmaxOptions,
): SoftmaxModel<L> {
  const width = labels.length;
  // Single precision halves the memory the passes walk through, which is most of their time.
  const weights = new Float32Array(encoded.featureRows.size * width);
  const bias = new Float64Array(width);
  descend(width, distinctRows(encoded), encoded.targets, options, weights, bias);
  return { labels, featureRows: encoded.featureRows, weights, bias };
}

/** Binary features: a feature repeated within a document counts once. */
function distinctRows(encoded: EncodedDocuments): Int32Array[] {
  const lastSeen = new Int32Array(encoded.featureRows.size).fill(-1);
  const buffer: number[] = [];
  return encoded.rows.map((documentRows, d) => {
    buffer.length = 0;
    for (const row of documentRows) {
      if (lastSeen[row] === d) continue;
      lastSeen[row] = d;
      buffer.push(row);
    }
    return Int32Array.from(buffer);
  });
}

/** Stochastic gradient descent from zero weights, written into weights and bias. */
function descend(
  width: number,
  rows: readonly Int32Array[],
  targets: Int32Array,
  options: SoftmaxOptions,
  weights: Float32Array,
  bias: Float64Array,
): void {
  const logits = new Float64Array(width);
  const activeLabels = new Int32Array(width);
  const gradients = new Float64Array(width);
  const order = Int32Array.from(rows.keys());
  let seed = options.seed ?? 12345;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // Deterministic shuffle (a fixed-seed LCG) so that training gives the same model every time.
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      const swap = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = swap;
    }
    const rate = options.learningRate / (1 + epoch);
    for (const d of order) {
      const features = rows[d] ?? new Int32Array(0);
      const step = rate / Math.sqrt(features.length || 1);
      logits.set(bias);
      for (const row of features) {
        const base = row * width;
        for (let i = 0; i < width; i++) logits[i] = (logits[i] ?? 0) + (weights[base + i] ?? 0);
      }
      let max = Number.NEGATIVE_INFINITY;
      for (const value of logits) max = Math.max(max, value);
      let sum = 0;
      for (let i = 0; i < width; i++) {
        const e = Math.exp((logits[i] ?? 0) - max);
        logits[i] = e;
        sum += e;
      }
      const target = targets[d] ?? 0;
      // Gradient of the log loss: predicted probability minus 1 for the true label. Labels the model
      // already rules out have a negligible gradient and are skipped, which makes later passes cheap.
      let active = 0;
      for (let i = 0; i < width; i++) {
        const gradient = (logits[i] ?? 0) / sum - (i === target ? 1 : 0);
        bias[i] = (bias[i] ?? 0) - rate * 0.1 * gradient;
        if (Math.abs(gradient) < 1e-3) continue;
        activeLabels[active] = i;
        gradients[active] = gradient * step;
        active++;
      }
      for (const row of features) {
        const base = row * width;
        for (let a = 0; a < active; a++) {
          const cell = base + (activeLabels[a] ?? 0);
          weights[cell] = (weights[cell] ?? 0) - (gradients[a] ?? 0);
        }
      }
    }
  }
}

/** Scores distinct features, as the model was trained on them. */
export function scoreSoftmax<L extends string>(model: SoftmaxModel<L>, features: readonly string[]): Scores {
  return scoreLinear(model.featureRows, model.bias, model.weights, features);
}

/**
 * Trains one model per shuffle seed and averages their weights: the logits of the average are the average
 * of the logits, so it scores like an ensemble at the cost of one model.
 */
export function trainAveragedSoftmax<L extends string>(
  labels: readonly L[],
  encoded: EncodedDocuments,
  options: Omit<SoftmaxOptions, 'seed'>,
  seeds: readonly number[],
): SoftmaxModel<L> {
  if (seeds.length === 0) throw new Error('At least one seed is needed');
  const width = labels.length;
  const rows = distinctRows(encoded);
  // One scratch model reused for every seed: the first message pays the training, not a later pause
  // collecting discarded models.
  const weights = new Float32Array(encoded.featureRows.size * width);
  const bias = new Float64Array(width);
  const scratch = new Float32Array(weights.length);
  const scratchBias = new Float64Array(width);
  for (const seed of seeds) {
    scratch.fill(0);
    scratchBias.fill(0);
    descend(width, rows, encoded.targets, { ...options, seed }, scratch, scratchBias);
    for (let cell = 0; cell < weights.length; cell++)
      weights[cell] = (weights[cell] ?? 0) + (scratch[cell] ?? 0) / seeds.length;
    for (let i = 0; i < width; i++) bias[i] = (bias[i] ?? 0) + (scratchBias[i] ?? 0) / seeds.length;
  }
  return { labels, featureRows: encoded.featureRows, weights, bias };
}
