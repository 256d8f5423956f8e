/**
 * Hashed features for the learned model, each with the token range it covers so a
 * score can be traced back to the words that drove it. Shared by training and the
 * engine: a feature is defined once, here.
 */
import { checkContext } from '../engine/context';
import { CONTEXT_CHECKS } from '../engine/types';
import type { Token } from './tokens';

export interface FeatureSettings {
  /** Hash buckets, a power of two. */
  buckets: number;
  /** Longest word n-gram (1 = words only). */
  wordNgrams: number;
  /** Character n-gram lengths within words (empty = none), for typos and word forms. */
  charNgrams: number[];
  /**
   * The rules' sentence signals as features (a concrete time, a question, first-person
   * subject, an owned fix or apology, reassurance): what n-grams see only piecemeal.
   */
  signals: boolean;
}

export interface Feature {
  bucket: number;
  /** Token index range [from, to) that the feature covers. */
  from: number;
  to: number;
}

/** FNV-1a, 32-bit: fast, stable across platforms, good enough spread for hashing features. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a token hash into an n-gram hash (order matters), without building strings. */
function mix(h: number, token: number): number {
  h = Math.imul(h ^ token, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

const BOS = fnv1a('<s>');
const EOS = fnv1a('</s>');
const ORDER_SEED = [0, fnv1a('w1'), fnv1a('w2'), fnv1a('w3'), fnv1a('w4'), fnv1a('w5')];

/** @param lower the sentence folded and lower-cased, for the signals */
export function features(tokens: Token[], settings: FeatureSettings, lower: string): Feature[] {
  const mask = settings.buckets - 1;
  const out: Feature[] = [];
  if (settings.signals && tokens.length) {
    for (const check of CONTEXT_CHECKS) {
      if (checkContext(check, { lower, nextLower: '' })) out.push({ bucket: fnv1a(`s:${check}`) & mask, from: 0, to: tokens.length });
    }
  }
  const words = new Array<number>(tokens.length + 2);
  words[0] = BOS;
  for (let i = 0; i < tokens.length; i++) words[i + 1] = fnv1a(tokens[i]!.norm);
  words[tokens.length + 1] = EOS;
  // words[k] is token k-1; a feature's token range is clipped to real tokens.
  const last = tokens.length;
  for (let k = 0; k < words.length; k++) {
    let h = 0;
    for (let n = 1; n <= settings.wordNgrams && k + n <= words.length; n++) {
      h = mix(n === 1 ? ORDER_SEED[1]! : h, words[k + n - 1]!);
      if (n === 1 && (k === 0 || k === words.length - 1)) continue;
      const from = Math.max(k - 1, 0);
      const to = Math.min(k - 1 + n, last);
      if (to <= from) continue;
      out.push({ bucket: mix(h, ORDER_SEED[n] ?? n) & mask, from, to });
    }
  }
  if (settings.charNgrams.length) {
    tokens.forEach((t, i) => {
      if (t.norm.length < 3 || t.norm.startsWith('<')) return;
      const padded = `<${t.norm}>`;
      for (const n of settings.charNgrams) {
        for (let k = 0; k + n <= padded.length; k++) {
          out.push({ bucket: fnv1a(`c:${padded.slice(k, k + n)}`) & mask, from: i, to: i + 1 });
        }
      }
    });
  }
  return out;
}
