import { describe, expect, it } from 'vitest';
import {
  scoreSoftmax,
  trainAveragedSoftmax,
  trainNaiveBayesEncoding,
  trainSoftmax,
} from '../../functions/core/nlu/naive-bayes';

const labels = ['refund', 'return'] as const;
const { encoded } = trainNaiveBayesEncoding(
  labels,
  [
    { label: 'refund', features: ['where', 'refund', 'money'] },
    { label: 'refund', features: ['refund', 'status'] },
    { label: 'refund', features: ['money', 'back', 'yet'] },
    { label: 'return', features: ['send', 'back', 'item'] },
    { label: 'return', features: ['return', 'item'] },
    { label: 'return', features: ['return', 'label', 'send'] },
  ],
  { alpha: 0.1, uniformPriors: true },
);
const options = { epochs: 2, learningRate: 1 };

describe('trainAveragedSoftmax', () => {
  it('with one seed is the model that seed trains', () => {
    const single = trainSoftmax(labels, encoded, { ...options, seed: 7 });
    const averaged = trainAveragedSoftmax(labels, encoded, options, [7]);
    expect(Array.from(averaged.weights)).toEqual(Array.from(single.weights));
    expect(Array.from(averaged.bias)).toEqual(Array.from(single.bias));
  });

  it('scores like the mean of the models each shuffle trains', () => {
    const seeds = [1, 2, 3];
    const singles = seeds.map((seed) => trainSoftmax(labels, encoded, { ...options, seed }));
    const averaged = trainAveragedSoftmax(labels, encoded, options, seeds);
    const message = ['refund', 'back', 'item'];
    const mean = labels.map(
      (_, i) =>
        singles.reduce((sum, model) => sum + (scoreSoftmax(model, message).logScores[i] ?? 0), 0) /
        seeds.length,
    );
    const scores = Array.from(scoreSoftmax(averaged, message).logScores);
    for (const [i, score] of scores.entries()) expect(score).toBeCloseTo(mean[i] ?? Number.NaN, 5);
  });

  it('gives different shuffles different models, so averaging them changes something', () => {
    const first = trainSoftmax(labels, encoded, { ...options, seed: 1 });
    const second = trainSoftmax(labels, encoded, { ...options, seed: 2 });
    expect(Array.from(first.weights)).not.toEqual(Array.from(second.weights));
  });

  it('refuses to train without a seed', () => {
    expect(() => trainAveragedSoftmax(labels, encoded, options, [])).toThrow('At least one seed');
  });
});
