/**
 * Label agreement for `npm run eval`: a second labeler re-labeled a random 10% of the
 * training sentences blind (test/corpus/agreement/); per category, how often the two
 * agree and Cohen's kappa (agreement beyond chance).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES } from '../engine/types';
import { readJsonl, type LabeledSentence } from './corpus';

interface SecondLabel extends LabeledSentence {
  borderline?: boolean;
}

export function kappa(a: boolean[], b: boolean[]): number {
  const n = a.length;
  const agree = a.filter((x, i) => x === b[i]).length / n;
  const pa = a.filter(Boolean).length / n, pb = b.filter(Boolean).length / n;
  const chance = pa * pb + (1 - pa) * (1 - pb);
  return chance === 1 ? 1 : (agree - chance) / (1 - chance);
}

export function evalAgreement(root: string): void {
  const path = join(root, 'test/corpus/agreement/second-labels.jsonl');
  if (!existsSync(path)) return;
  const first = new Map<string, LabeledSentence>();
  const dir = join(root, 'test/corpus/train');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) for (const r of readJsonl<LabeledSentence>(join(dir, f))) first.set(r.text, r);
  const pairs = readJsonl<SecondLabel>(path)
    .map((second) => ({ second, first: first.get(second.text) }))
    .filter((p): p is { second: SecondLabel; first: LabeledSentence } => p.first !== undefined);
  if (!pairs.length) return;
  const exact = pairs.filter((p) => [...p.first.labels].sort().join() === [...p.second.labels].sort().join()).length;
  console.log(`\nLabel agreement: a second labeler re-labeled ${pairs.length} training sentences blind (${pairs.filter((p) => p.second.borderline).length} marked borderline by them); identical label sets: ${((exact / pairs.length) * 100).toFixed(1)}%`);
  console.log('category            agree   kappa   first only  second only');
  for (const c of CATEGORIES) {
    const a = pairs.map((p) => p.first.labels.includes(c));
    const b = pairs.map((p) => p.second.labels.includes(c));
    const agree = a.filter((x, i) => x === b[i]).length / a.length;
    console.log(`${c.padEnd(18)}  ${(agree * 100).toFixed(1).padStart(5)}%  ${kappa(a, b).toFixed(3).padStart(6)}  ${String(a.filter((x, i) => x && !b[i]).length).padStart(10)}  ${String(a.filter((x, i) => !x && b[i]).length).padStart(11)}`);
  }
}
