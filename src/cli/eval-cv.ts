/**
 * Cross-validation on the training data for `npm run eval`: the same fit as
 * `npm run train`, scored out of fold, so over-fitting is visible next to the test set.
 * The rules were written against part of this data, so their figures here are optimistic.
 */
import { CATEGORIES, type Category } from '../engine/types';
import { loadTrainingSet } from '../model/train/data';
import { fit } from '../model/train/fit';
import { printScores, type Targets } from './eval-sentences';
import type { SentenceScores } from './score';

function tally(labels: Category[][], predicted: Array<Set<Category>>): SentenceScores {
  const perCategory = {} as SentenceScores['perCategory'];
  for (const c of CATEGORIES) {
    let tp = 0, fp = 0, fn = 0;
    labels.forEach((want, i) => {
      const got = predicted[i]!.has(c), w = want.includes(c);
      if (got && w) tp++;
      else if (got) fp++;
      else if (w) fn++;
    });
    perCategory[c] = { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
  }
  const cleanRows = labels.map((l, i) => (l.length ? -1 : i)).filter((i) => i >= 0);
  return { perCategory, clean: cleanRows.length, falseAlarms: cleanRows.filter((i) => predicted[i]!.size).length, misses: [] };
}

export function evalCrossValidation(root: string, targets: Targets): void {
  const set = loadTrainingSet(root);
  const { model, report } = fit(set);
  const fused = report.oof.map((p, i) => {
    const out = new Set(report.rules[i]);
    CATEGORIES.forEach((c, k) => {
      if (p[k]! >= model.thresholds[c].normal) out.add(c);
    });
    return out;
  });
  const labels = set.rows.map((r) => r.labels);
  printScores('5-fold cross-validation on the training data (out-of-fold model scores, sensitivity "normal")', set.rows.length, tally(labels, report.rules), tally(labels, fused), targets, false);
  // Per source: the files written for training were never seen by the rules' authors.
  const bySource = new Map<string, number[]>();
  set.rows.forEach((r, i) => {
    const src = r.file.includes('/train/') ? r.file.replace(/^.*\//, '') : 'rule development sets';
    bySource.set(src, [...(bySource.get(src) ?? []), i]);
  });
  console.log('\nOut of fold, per source (micro precision / recall: rules alone → rules + model; false alarms rules + model):');
  for (const [src, idx] of bySource) {
    const r = tally(idx.map((i) => labels[i]!), idx.map((i) => report.rules[i]!));
    const f = tally(idx.map((i) => labels[i]!), idx.map((i) => fused[i]!));
    const micro = (s: SentenceScores) => {
      const tp = CATEGORIES.reduce((n, c) => n + s.perCategory[c].tp, 0);
      const fp = CATEGORIES.reduce((n, c) => n + s.perCategory[c].fp, 0);
      const fn = CATEGORIES.reduce((n, c) => n + s.perCategory[c].fn, 0);
      return `${(tp / Math.max(tp + fp, 1)).toFixed(3)} / ${(tp / Math.max(tp + fn, 1)).toFixed(3)}`;
    };
    console.log(`  ${src.padEnd(24)} ${String(idx.length).padStart(5)}  ${micro(r)} → ${micro(f)}   ${f.falseAlarms}/${f.clean}`);
  }
}
