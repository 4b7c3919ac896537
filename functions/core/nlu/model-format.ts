import type { ArtifactContents, Section } from '../../../models/artifact';
import {
  type NaiveBayesCounts,
  type NaiveBayesModel,
  naiveBayesFromCounts,
  type SoftmaxModel,
  type TrainOptions,
} from './naive-bayes';

/**
 * How the embedded models become artifact sections and back (models/artifact.ts). Naive Bayes ships its
 * counts, sparse, and is rebuilt exactly; softmax weights ship as 8-bit steps of the largest weight, a
 * quarter of the bytes. That kept every prediction on the training and held-out sentences
 * (tests/unit/model-artifacts.test.ts) and moved confidences by at most 0.03; 16-bit steps doubled the
 * file for no measurable gain.
 */

function section<T extends Section>(
  contents: ArtifactContents,
  name: string,
  guard: (value: Section) => value is T,
): T {
  const value = contents.sections[name];
  if (value === undefined || !guard(value)) throw new Error(`Model artifact has no valid section ${name}`);
  return value;
}

const isStrings = (value: Section): value is string[] => Array.isArray(value);
const isInt32 = (value: Section): value is Int32Array => value instanceof Int32Array;
const isUint8 = (value: Section): value is Uint8Array => value instanceof Uint8Array;
const isInt8 = (value: Section): value is Int8Array => value instanceof Int8Array;
const isFloat64 = (value: Section): value is Float64Array => value instanceof Float64Array;

export function packNaiveBayes<L extends string>(
  learned: NaiveBayesCounts<L>,
  prefix: string,
): ArtifactContents {
  const width = learned.labels.length;
  const rows: number[] = [];
  const labels: number[] = [];
  const counts: number[] = [];
  for (let cell = 0; cell < learned.counts.length; cell++) {
    const count = learned.counts[cell] ?? 0;
    if (count === 0) continue;
    rows.push(Math.floor(cell / width));
    labels.push(cell % width);
    counts.push(count);
  }
  const meta = {
    [`${prefix}.alpha`]: learned.options.alpha,
    [`${prefix}.uniformPriors`]: learned.options.uniformPriors === true,
  };
  const sections = {
    [`${prefix}.labels`]: [...learned.labels],
    [`${prefix}.features`]: [...learned.features],
    [`${prefix}.rows`]: Int32Array.from(rows),
    [`${prefix}.cellLabels`]: Uint8Array.from(labels),
    [`${prefix}.counts`]: Int32Array.from(counts),
    [`${prefix}.documentCounts`]: Float64Array.from(learned.documentCounts),
  };
  return { meta, sections };
}

/** One artifact from the parts of several models. */
export function mergeContents(...parts: readonly ArtifactContents[]): ArtifactContents {
  return {
    meta: Object.assign({}, ...parts.map((part) => part.meta)),
    sections: Object.assign({}, ...parts.map((part) => part.sections)),
  };
}

function trainOptions(contents: ArtifactContents, prefix: string): TrainOptions {
  const alpha = contents.meta[`${prefix}.alpha`];
  if (typeof alpha !== 'number' || !(alpha > 0))
    throw new Error(`Model artifact has no valid ${prefix}.alpha`);
  return { alpha, uniformPriors: contents.meta[`${prefix}.uniformPriors`] === true };
}

/** The labels the artifact was trained with must be the ones the code scores with, in the same order. */
function checkLabels<L extends string>(
  stored: readonly string[],
  expected: readonly L[],
  what: string,
): void {
  if (stored.length !== expected.length || stored.some((label, i) => label !== expected[i]))
    throw new Error(`The ${what} artifact was trained with other labels: run npm run build:models`);
}

export function unpackNaiveBayes<L extends string>(
  contents: ArtifactContents,
  prefix: string,
  expectedLabels: readonly L[],
): NaiveBayesModel<L> {
  checkLabels(section(contents, `${prefix}.labels`, isStrings), expectedLabels, prefix);
  const features = section(contents, `${prefix}.features`, isStrings);
  const rows = section(contents, `${prefix}.rows`, isInt32);
  const cellLabels = section(contents, `${prefix}.cellLabels`, isUint8);
  const cellCounts = section(contents, `${prefix}.counts`, isInt32);
  const width = expectedLabels.length;
  const counts = new Float64Array(features.length * width);
  for (let i = 0; i < rows.length; i++)
    counts[(rows[i] ?? 0) * width + (cellLabels[i] ?? 0)] = cellCounts[i] ?? 0;
  return naiveBayesFromCounts({
    labels: expectedLabels,
    features,
    counts,
    documentCounts: section(contents, `${prefix}.documentCounts`, isFloat64),
    options: trainOptions(contents, prefix),
  });
}

export function packSoftmax<L extends string>(model: SoftmaxModel<L>, prefix: string): ArtifactContents {
  let largest = 0;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const step = largest / 127 || 1;
  const weights = Int8Array.from(model.weights, (weight) => Math.round(weight / step));
  return {
    meta: { [`${prefix}.step`]: step },
    sections: { [`${prefix}.weights`]: weights, [`${prefix}.bias`]: Float64Array.from(model.bias) },
  };
}

// A plain loop: Float32Array.from with a mapping function goes through the iterator protocol, 50 times slower.
function dequantise(quantised: Int8Array, step: number): Float32Array {
  const weights = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) weights[i] = (quantised[i] as number) * step;
  return weights;
}

/** The softmax layer over the feature rows of a naive Bayes model it was trained with. */
export function unpackSoftmax<L extends string>(
  contents: ArtifactContents,
  prefix: string,
  over: NaiveBayesModel<L>,
): SoftmaxModel<L> {
  const step = contents.meta[`${prefix}.step`];
  if (typeof step !== 'number') throw new Error(`Model artifact has no ${prefix}.step`);
  const quantised = section(contents, `${prefix}.weights`, isInt8);
  if (quantised.length !== over.featureRows.size * over.labels.length)
    throw new Error(`Model artifact ${prefix}.weights does not match its features`);
  return {
    labels: over.labels,
    featureRows: over.featureRows,
    weights: dequantise(quantised, step),
    bias: section(contents, `${prefix}.bias`, isFloat64),
  };
}
