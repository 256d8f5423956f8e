/** Sentence-level tables for `npm run eval`: rules alone beside rules + model, per category. */
import { CATEGORIES } from '../engine/types';
import { scoreSentences, type SentenceScores } from './score';
import type { LabeledSentence } from './corpus';

export const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  n/a');

export interface Targets {
  precision: number;
  recall: number;
  falseAlarms: number;
}

export function printComparison(title: string, rows: LabeledSentence[], targets: Targets, showMisses: boolean): boolean {
  const rules = scoreSentences(rows, { learned: false });
  const fused = scoreSentences(rows, {});
  return printScores(title, rows.length, rules, fused, targets, showMisses);
}

export function printScores(title: string, total: number, rules: SentenceScores, fused: SentenceScores, t: Targets, showMisses: boolean): boolean {
  console.log(`${title}: ${total} sentences (${fused.clean} clean)\n`);
  console.log('                    rules alone              rules + model');
  console.log('category            precision recall         precision recall   tp   fp   fn');
  let ok = true;
  for (const c of CATEGORIES) {
    const r = rules.perCategory[c], f = fused.perCategory[c];
    if (!(f.precision >= t.precision && f.recall >= t.recall)) ok = false;
    console.log(`${c.padEnd(18)}  ${pct(r.precision).padStart(9)} ${pct(r.recall).padStart(6)}         ${pct(f.precision).padStart(9)} ${pct(f.recall).padStart(6)}  ${String(f.tp).padStart(3)}  ${String(f.fp).padStart(3)}  ${String(f.fn).padStart(3)}`);
  }
  const micro = (s: SentenceScores) => {
    let tp = 0, fp = 0, fn = 0;
    for (const c of CATEGORIES) ({ tp, fp, fn } = { tp: tp + s.perCategory[c].tp, fp: fp + s.perCategory[c].fp, fn: fn + s.perCategory[c].fn });
    return `${pct(tp / (tp + fp)).padStart(9)} ${pct(tp / (tp + fn)).padStart(6)}`;
  };
  console.log(`${'all (micro)'.padEnd(18)}  ${micro(rules)}         ${micro(fused)}`);
  const rate = (s: SentenceScores) => `${s.falseAlarms}/${s.clean} = ${((s.falseAlarms / Math.max(s.clean, 1)) * 100).toFixed(1)}%`;
  if (fused.falseAlarms / Math.max(fused.clean, 1) > t.falseAlarms) ok = false;
  console.log(`\nFalse alarms on clean sentences: rules ${rate(rules)}, rules + model ${rate(fused)}`);
  console.log(`Targets (precision ≥ ${t.precision}, recall ≥ ${t.recall} per category, false alarms ≤ ${t.falseAlarms * 100}%): ${ok ? 'MET' : 'NOT MET'}`);
  if (showMisses) console.log(`\n${fused.misses.join('\n')}`);
  return ok;
}

