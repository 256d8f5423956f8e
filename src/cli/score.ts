/** Precision and recall per category over labeled sentences; shared by `npm run eval` and the tests. */
import { analyze } from '../engine/index';
import { CATEGORIES, type AnalyzeOptions, type Category } from '../engine/types';
import type { LabeledSentence } from './corpus';

export interface CategoryScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface SentenceScores {
  perCategory: Record<Category, CategoryScore>;
  clean: number;
  falseAlarms: number;
  /** Wrong calls, "FP category: text" / "FN category: text". */
  misses: string[];
}

export function scoreSentences(rows: LabeledSentence[], options: AnalyzeOptions = {}): SentenceScores {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<Category, { tp: number; fp: number; fn: number }>;
  let clean = 0;
  let falseAlarms = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const got = new Set(analyze(row.text, { ...options, tips: false }).findings.map((f) => f.category));
    const want = new Set(row.labels);
    if (want.size === 0) {
      clean++;
      if (got.size) falseAlarms++;
    }
    for (const c of CATEGORIES) {
      if (got.has(c) && want.has(c)) counts[c].tp++;
      else if (got.has(c)) {
        counts[c].fp++;
        misses.push(`FP ${c}: ${row.text}`);
      } else if (want.has(c)) {
        counts[c].fn++;
        misses.push(`FN ${c}: ${row.text}`);
      }
    }
  }
  const perCategory = Object.fromEntries(
    CATEGORIES.map((c) => {
      const { tp, fp, fn } = counts[c];
      return [c, { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) }];
    }),
  ) as Record<Category, CategoryScore>;
  return { perCategory, clean, falseAlarms, misses: misses.sort() };
}
