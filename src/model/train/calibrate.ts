/**
 * Platt scaling: fits p = sigmoid(a·margin + b) to out-of-fold margins by Newton's
 * method, so a score of 0.9 means about nine in ten such sentences are labeled.
 */
export function platt(margins: number[], labels: number[]): [number, number] {
  // Platt's smoothed targets keep the fit finite on separable data.
  const pos = labels.filter((y) => y === 1).length;
  const neg = labels.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1, b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let gA = 0, gB = 0, hAA = 1e-9, hAB = 0, hBB = 1e-9;
    for (let i = 0; i < margins.length; i++) {
      const m = margins[i]!;
      const t = labels[i] === 1 ? hi : lo;
      const p = 1 / (1 + Math.exp(-(a * m + b)));
      const d = p - t;
      const w = p * (1 - p);
      gA += d * m;
      gB += d;
      hAA += w * m * m;
      hAB += w * m;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(det) < 1e-12) break;
    const da = (hBB * gA - hAB * gB) / det;
    const db = (hAA * gB - hAB * gA) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return [a, b];
}
