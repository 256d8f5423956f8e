/**
 * Scores one sentence with the learned model: a calibrated probability per category,
 * and per category the words that weighed most (for the span and the "why" shown to
 * team leads). Pure arithmetic over hashed features; no NLP library.
 */
import { CATEGORIES, type Category } from '../engine/types';
import { foldTypography } from '../engine/normalize';
import { features, type Feature } from './features';
import type { DecodedModel } from './model-file';
import { tokenize, type Token } from './tokens';

export interface SentenceScore {
  tokens: Token[];
  /** Calibrated probability per category, in CATEGORIES order. */
  probability: number[];
  /** Raw margin per category (before calibration). */
  margin: number[];
  /** Per category, the sum of the features that pushed towards it (margin units). */
  evidence: number[];
  feats: Feature[];
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Words the model has never seen leave a sentence near the bias, which calibration
 * maps to a middling score; a finding needs words that actually point at the category
 * (this much positive evidence) and a few words to judge, so half-typed or foreign
 * fragments stay quiet.
 */
export const MIN_EVIDENCE = 1;
export const MIN_WORDS = 3;

/** The probability a check compares with its threshold: 0 without enough evidence. */
export function gated(probability: number, evidence: number, words: number): number {
  return words < MIN_WORDS || evidence < MIN_EVIDENCE ? 0 : probability;
}

export function scoreSentence(model: DecodedModel, sentence: string): SentenceScore {
  const tokens = tokenize(sentence);
  const feats = features(tokens, model.file.features, foldTypography(sentence).toLowerCase());
  const c = CATEGORIES.length;
  const margin = model.file.bias.slice();
  const evidence = new Array<number>(c).fill(0);
  if (feats.length) {
    const value = model.file.scale / Math.sqrt(feats.length);
    for (const f of feats) {
      const row = f.bucket * c;
      for (let k = 0; k < c; k++) {
        const w = model.table[row + k]! * value;
        margin[k]! += w;
        if (w > 0) evidence[k]! += w;
      }
    }
  }
  const probability = margin.map((m, k) => {
    const [a, b] = model.file.calibration[k]!;
    return sigmoid(a * m + b);
  });
  return { tokens, probability, margin, evidence, feats };
}

/** Per-token share of a category's margin: each feature's weight spread over the tokens it covers. */
export function tokenWeights(model: DecodedModel, score: SentenceScore, category: Category): number[] {
  const k = CATEGORIES.indexOf(category);
  const c = CATEGORIES.length;
  const out = new Array<number>(score.tokens.length).fill(0);
  if (!score.feats.length) return out;
  const value = model.file.scale / Math.sqrt(score.feats.length);
  for (const f of score.feats) {
    const w = (model.table[f.bucket * c + k]! * value) / (f.to - f.from);
    for (let t = f.from; t < f.to; t++) out[t]! += w;
  }
  return out;
}
