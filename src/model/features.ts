/**
 * Hashed features for the learned model, each with the token range it covers so a
 * score can be traced back to the words that drove it. Shared by training and the
 * engine: a feature is defined once, here.
 */
import type { Token } from './tokens';

export interface FeatureSettings {
  /** Hash buckets, a power of two. */
  buckets: number;
  /** Longest word n-gram (1 = words only). */
  wordNgrams: number;
  /** Character n-gram lengths within words (empty = none), for typos and word forms. */
  charNgrams: number[];
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

const BOS = '<s>';
const EOS = '</s>';

export function features(tokens: Token[], settings: FeatureSettings): Feature[] {
  const mask = settings.buckets - 1;
  const out: Feature[] = [];
  const words = [BOS, ...tokens.map((t) => t.norm), EOS];
  // words[k] is token k-1; a feature's token range is clipped to real tokens.
  const last = tokens.length;
  for (let n = 1; n <= settings.wordNgrams; n++) {
    for (let k = 0; k + n <= words.length; k++) {
      if (n === 1 && (k === 0 || k === words.length - 1)) continue;
      const gram = words.slice(k, k + n).join(' ');
      const from = Math.max(k - 1, 0);
      const to = Math.min(k - 1 + n, last);
      if (to <= from) continue;
      out.push({ bucket: fnv1a(`w${n}:${gram}`) & mask, from, to });
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
