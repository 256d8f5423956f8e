/**
 * One-vs-rest logistic regression over hashed features, trained with AdaGrad and
 * L2 on the touched weights. Deterministic for a given seed and data order.
 */
import { CATEGORIES, type Category } from '../../engine/types';
import { foldTypography } from '../../engine/normalize';
import { features, type FeatureSettings } from '../features';
import { tokenize, wordCount } from '../tokens';
import { rng, shuffle } from '../../shared/seeded-random';

/**
 * Steps of the int8 scale below which a bucket is dropped (see quantize). The engine bundle
 * must stay under 400 KB gzipped with the model in it: on the 16,969 training sentences, 16
 * steps gave a 269 KB (gzipped) model, 18 gave 204 KB, 19 gives 177 KB and 20 gave 154 KB for
 * out-of-fold recall within 0.02 of 16 (defensive 0.714 → 0.689, lecturing 0.764 → 0.763).
 */
export const PRUNE = 19;

export interface Example {
  buckets: Int32Array;
  /** Word tokens (see wordCount): the engine's length gate. */
  tokens: number;
  /** 1/sqrt(feature count): the same scaling the engine applies. */
  value: number;
  y: Uint8Array;
}

export interface TrainSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export interface LinearModel {
  /** bucket × category. */
  weights: Float64Array;
  bias: Float64Array;
}

export function toExample(text: string, labels: readonly Category[], settings: FeatureSettings): Example {
  const tokens = tokenize(text);
  const feats = features(tokens, settings, foldTypography(text).toLowerCase());
  const y = new Uint8Array(CATEGORIES.length);
  for (const l of labels) y[CATEGORIES.indexOf(l)] = 1;
  return { buckets: Int32Array.from(feats.map((f) => f.bucket)), tokens: wordCount(tokens), value: feats.length ? 1 / Math.sqrt(feats.length) : 0, y };
}

export function train(examples: Example[], buckets: number, s: TrainSettings): LinearModel {
  const c = CATEGORIES.length;
  const weights = new Float64Array(buckets * c);
  const g2 = new Float64Array(buckets * c);
  const bias = new Float64Array(c);
  const bg2 = new Float64Array(c);
  const random = rng(s.seed);
  const margin = new Float64Array(c);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (const ex of shuffle(examples, random)) {
      for (let k = 0; k < c; k++) margin[k] = bias[k]!;
      for (const b of ex.buckets) for (let k = 0; k < c; k++) margin[k]! += weights[b * c + k]! * ex.value;
      for (let k = 0; k < c; k++) {
        const p = 1 / (1 + Math.exp(-margin[k]!));
        const err = p - ex.y[k]!;
        bg2[k]! += err * err;
        bias[k]! -= (s.learningRate * err) / Math.sqrt(bg2[k]! + 1e-8);
        for (const b of ex.buckets) {
          const i = b * c + k;
          const grad = err * ex.value + s.l2 * weights[i]!;
          g2[i]! += grad * grad;
          weights[i]! -= (s.learningRate * grad) / Math.sqrt(g2[i]! + 1e-8);
        }
      }
    }
  }
  return { weights, bias };
}

export function margins(model: LinearModel, ex: Example): number[] {
  const c = CATEGORIES.length;
  const out = Array.from(model.bias);
  for (const b of ex.buckets) for (let k = 0; k < c; k++) out[k]! += model.weights[b * c + k]! * ex.value;
  return out;
}

/** Per category, the sum of the positive feature contributions (as the engine's score.ts). */
export function evidence(model: LinearModel, ex: Example): number[] {
  const c = CATEGORIES.length;
  const out = new Array<number>(c).fill(0);
  for (const b of ex.buckets) {
    for (let k = 0; k < c; k++) {
      const w = model.weights[b * c + k]! * ex.value;
      if (w > 0) out[k]! += w;
    }
  }
  return out;
}

/**
 * int8 weights with one scale. A bucket whose weights all round to less than `prune` steps
 * is dropped from the file: most hashed n-grams are seen once or twice and carry almost
 * nothing, and dropping them keeps the model small enough for the engine bundle.
 */
export function quantize(model: LinearModel, prune = PRUNE): { table: Int8Array; scale: number } {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const c = CATEGORIES.length;
  const table = new Int8Array(model.weights.length);
  for (let b = 0; b < table.length / c; b++) {
    let keep = false;
    for (let k = 0; k < c; k++) if (Math.abs(Math.round(model.weights[b * c + k]! / scale)) >= prune) keep = true;
    if (!keep) continue;
    for (let k = 0; k < c; k++) table[b * c + k] = Math.round(model.weights[b * c + k]! / scale);
  }
  return { table, scale };
}

/** The model as the engine will see it: quantized weights, so thresholds are chosen on what ships. */
export function dequantized(model: LinearModel): LinearModel {
  const { table, scale } = quantize(model);
  return { weights: Float64Array.from(table, (q) => q * scale), bias: model.bias };
}
