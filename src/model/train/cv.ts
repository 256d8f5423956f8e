/**
 * K-fold cross-validation over the training rows: out-of-fold margins for every
 * row, from models that never saw it. Folds are a seeded shuffle, so runs repeat.
 */
import { dequantized, evidence, margins, train, type Example, type TrainSettings } from './logistic';
import { rng, shuffle } from '../../shared/seeded-random';

export function foldOf(count: number, folds: number, seed: number): number[] {
  const order = shuffle(
    Array.from({ length: count }, (_, i) => i),
    rng(seed ^ 0x5eed),
  );
  const out = new Array<number>(count);
  order.forEach((row, i) => (out[row] = i % folds));
  return out;
}

export interface OutOfFold {
  margins: number[][];
  evidence: number[][];
}

export function outOfFold(examples: Example[], buckets: number, settings: TrainSettings, folds = 5): OutOfFold {
  const fold = foldOf(examples.length, folds, settings.seed);
  const out: OutOfFold = { margins: new Array(examples.length), evidence: new Array(examples.length) };
  for (let f = 0; f < folds; f++) {
    const model = dequantized(train(examples.filter((_, i) => fold[i] !== f), buckets, { ...settings, seed: settings.seed + f }));
    examples.forEach((ex, i) => {
      if (fold[i] !== f) return;
      out.margins[i] = margins(model, ex);
      out.evidence[i] = evidence(model, ex);
    });
  }
  return out;
}
