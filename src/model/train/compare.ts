/**
 * `npm run train -- --compare`: the feature and training settings tried, each scored by
 * the same 5-fold cross-validation on the training data (never test.jsonl), so the
 * shipped choice is a measured one. Prints fused precision/recall per category.
 */
import { CATEGORIES, type Category } from '../../engine/types';
import type { FeatureSettings } from '../features';
import type { TrainingSet } from './data';
import { FEATURES, TRAINING, fit, ruleVerdicts } from './fit';
import type { TrainSettings } from './logistic';

interface Variant {
  name: string;
  features: FeatureSettings;
  training: TrainSettings;
}

const VARIANTS: Variant[] = [
  { name: 'shipped: words 1-3 + signals', features: FEATURES, training: TRAINING },
  { name: 'words 1-2 + signals', features: { ...FEATURES, wordNgrams: 2 }, training: TRAINING },
  { name: 'words 1-3, no signals', features: { ...FEATURES, signals: false }, training: TRAINING },
  { name: 'words 1-3 + chars 3-5 + signals', features: { ...FEATURES, charNgrams: [3, 4, 5] }, training: TRAINING },
  { name: 'words 1-3 + signals, 2^20 buckets', features: { ...FEATURES, buckets: 1 << 20 }, training: TRAINING },
  { name: 'words 1-3 + signals, 6 epochs', features: FEATURES, training: { ...TRAINING, epochs: 6 } },
  { name: 'words 1-3 + signals, L2 1e-5', features: FEATURES, training: { ...TRAINING, l2: 1e-5 } },
];

export function compare(set: TrainingSet): void {
  const rules = ruleVerdicts(set.rows.map((r) => r.text));
  console.log('variant                               ' + CATEGORIES.map((c) => c.slice(0, 10).padEnd(12)).join('') + 'micro P / R   clean FA');
  for (const v of VARIANTS) {
    const started = Date.now();
    const { model, report } = fit(set, v.features, v.training, rules);
    let tp = 0, fp = 0, fn = 0, fa = 0, clean = 0;
    const cells = CATEGORIES.map((c: Category, k) => {
      let ctp = 0, cfp = 0, cfn = 0;
      set.rows.forEach((r, i) => {
        const got = rules[i]!.has(c) || report.oof[i]![k]! >= model.thresholds[c].normal;
        const want = r.labels.includes(c);
        if (got && want) ctp++;
        else if (got) cfp++;
        else if (want) cfn++;
      });
      tp += ctp; fp += cfp; fn += cfn;
      return `${(ctp / Math.max(ctp + cfp, 1)).toFixed(2)}/${(ctp / Math.max(ctp + cfn, 1)).toFixed(2)}`.padEnd(12);
    });
    set.rows.forEach((r, i) => {
      if (r.labels.length) return;
      clean++;
      if (rules[i]!.size || CATEGORIES.some((c, k) => report.oof[i]![k]! >= model.thresholds[c].normal)) fa++;
    });
    const kb = Math.round((model.buckets.length + model.weights.length) / 1024);
    console.log(`${v.name.padEnd(38)}${cells.join('')}${(tp / (tp + fp)).toFixed(3)} / ${(tp / (tp + fn)).toFixed(3)}  ${((fa / clean) * 100).toFixed(1)}%   ${kb} KB, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}
