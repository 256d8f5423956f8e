/**
 * Per-category thresholds for fusing the model with the rules, chosen on
 * out-of-fold scores for precision first: the lowest probability at which "a rule
 * fired OR the model is at least this sure" still keeps precision at the target.
 */
export interface Scored {
  p: number;
  rule: boolean;
  label: boolean;
}

export interface Choice {
  threshold: number;
  precision: number;
  recall: number;
}

/** No threshold below this: a model that is less than even-odds sure stays quiet. */
const FLOOR = 0.5;

export function fusedScore(rows: Scored[], threshold: number): { tp: number; fp: number; fn: number } {
  let tp = 0, fp = 0, fn = 0;
  for (const r of rows) {
    const flagged = r.rule || r.p >= threshold;
    if (flagged && r.label) tp++;
    else if (flagged) fp++;
    else if (r.label) fn++;
  }
  return { tp, fp, fn };
}

export function chooseThreshold(rows: Scored[], targetPrecision: number): Choice {
  const positives = rows.filter((r) => r.label).length;
  let tp = 0, fp = 0;
  for (const r of rows) if (r.rule) (r.label ? tp++ : fp++);
  // Walk the sentences the rules miss, most confident first; remember the last point at target.
  const extra = rows.filter((r) => !r.rule).sort((x, y) => y.p - x.p);
  let best: Choice = { threshold: 1, precision: tp / Math.max(tp + fp, 1), recall: tp / Math.max(positives, 1) };
  for (let i = 0; i < extra.length; i++) {
    const r = extra[i]!;
    if (r.p < FLOOR) break;
    r.label ? tp++ : fp++;
    // Ties move together: only cut between distinct scores.
    if (i + 1 < extra.length && extra[i + 1]!.p === r.p) continue;
    const precision = tp / (tp + fp);
    if (precision >= targetPrecision) best = { threshold: r.p, precision, recall: tp / Math.max(positives, 1) };
  }
  return best;
}
