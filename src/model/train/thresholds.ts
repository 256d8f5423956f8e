/**
 * Per-category thresholds for fusing the model with the rules, chosen on
 * out-of-fold scores for precision first: the lowest probability at which the
 * sentences the model adds to the rules' (a rule fired OR the model is at least this
 * sure) are still right at the target precision. The extra flags are what is judged,
 * so a category whose rules are a little below target still gets the model's help.
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
  let ruleTp = 0, ruleFp = 0;
  for (const r of rows) if (r.rule) (r.label ? ruleTp++ : ruleFp++);
  let tp = 0, fp = 0;
  // Walk the sentences the rules miss, most confident first; remember the last point at target.
  const extra = rows.filter((r) => !r.rule).sort((x, y) => y.p - x.p);
  const fused = () => ({ precision: (ruleTp + tp) / Math.max(ruleTp + tp + ruleFp + fp, 1), recall: (ruleTp + tp) / Math.max(positives, 1) });
  let best: Choice = { threshold: 1, ...fused() };
  for (let i = 0; i < extra.length; i++) {
    const r = extra[i]!;
    if (r.p < FLOOR) break;
    r.label ? tp++ : fp++;
    // Ties move together: only cut between distinct scores.
    if (i + 1 < extra.length && extra[i + 1]!.p === r.p) continue;
    if (tp / (tp + fp) >= targetPrecision) best = { threshold: r.p, ...fused() };
  }
  return best;
}
