/**
 * The compact on-disk form of the learned model: only the hash buckets that carry a
 * weight, as delta-coded varints, with int8 weights per category, both base64. The
 * engine decodes it once into a dense table; training encodes it.
 */
import { CATEGORIES, type Category, type Sensitivity } from '../engine/types';
import type { FeatureSettings } from './features';


export interface TrainedOn {
  files: Array<{ path: string; sha256: string; sentences: number }>;
  seed: number;
  epochs: number;
  l2: number;
  learningRate: number;
  /** int8 steps below which a bucket was dropped. */
  prune: number;
}

export interface ModelFile {
  format: 'tactful-linear-1';
  categories: Category[];
  features: FeatureSettings;
  trainedOn: TrainedOn;
  /** Weight = int8 × scale. */
  scale: number;
  bias: number[];
  /** Platt calibration per category: p = sigmoid(a × margin + b). */
  calibration: Array<[number, number]>;
  /** Probability thresholds per category and sensitivity, chosen by cross-validation. */
  thresholds: Record<Category, Record<Sensitivity, number>>;
  /** Sorted bucket indices with any weight, delta varints, base64. */
  buckets: string;
  /** int8 weights, categories.length per listed bucket, base64. */
  weights: string;
}

export interface DecodedModel {
  file: ModelFile;
  /** Dense int8 weights: bucket × category. */
  table: Int8Array;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Plain base64 (no Buffer/atob so the engine stays free of Node and DOM globals). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!, b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    out += B64[a >> 2]! + B64[((a & 3) << 4) | (b >> 4)]!;
    out += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)]! : '=';
    out += i + 2 < bytes.length ? B64[c & 63]! : '=';
  }
  return out;
}

/** Each base64 character's value by char code (-1 elsewhere): B64.indexOf per character was most of decoding the model. */
const B64_VALUE = Int8Array.from({ length: 128 }, (_, code) => B64.indexOf(String.fromCharCode(code)));

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, value = 0, j = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64_VALUE[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error('model file: bad base64');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 255;
    }
  }
  return out;
}

export function encodeTable(table: Int8Array, categories: number): { buckets: string; weights: string } {
  const idx: number[] = [];
  const w: number[] = [];
  for (let b = 0; b < table.length / categories; b++) {
    let any = false;
    for (let c = 0; c < categories; c++) if (table[b * categories + c] !== 0) any = true;
    if (!any) continue;
    idx.push(b);
    for (let c = 0; c < categories; c++) w.push(table[b * categories + c]! & 255);
  }
  const varints: number[] = [];
  let prev = 0;
  for (const b of idx) {
    let d = b - prev;
    prev = b;
    while (d >= 128) {
      varints.push((d & 127) | 128);
      d >>>= 7;
    }
    varints.push(d);
  }
  return { buckets: toBase64(Uint8Array.from(varints)), weights: toBase64(Uint8Array.from(w)) };
}

export function decodeModel(file: ModelFile): DecodedModel {
  if (file.format !== 'tactful-linear-1') throw new Error(`model file: unknown format ${String(file.format)}`);
  if (file.categories.join() !== CATEGORIES.join()) throw new Error('model file: categories differ from the engine');
  const c = file.categories.length;
  const table = new Int8Array(file.features.buckets * c);
  const varints = fromBase64(file.buckets);
  const weights = fromBase64(file.weights);
  let bucket = 0, shift = 0, delta = 0, row = 0;
  for (const byte of varints) {
    delta |= (byte & 127) << shift;
    if (byte & 128) {
      shift += 7;
      continue;
    }
    bucket += delta;
    delta = 0;
    shift = 0;
    for (let k = 0; k < c; k++) {
      const u = weights[row * c + k]!;
      table[bucket * c + k] = u > 127 ? u - 256 : u;
    }
    row++;
  }
  return { file, table };
}
