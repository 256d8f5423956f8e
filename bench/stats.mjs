// Small statistics and formatting helpers for the benchmark.

export function summarize(samples) {
  const n = samples.length;
  if (n === 0) return { n: 0, median: NaN, p95: NaN, mean: NaN, min: NaN, max: NaN };
  const s = Float64Array.from(samples).sort();
  const q = (p) => {
    // linear interpolation between closest ranks
    const idx = (n - 1) * p;
    const lo = Math.floor(idx);
    const hi = Math.ceil(idx);
    return s[lo] + (s[hi] - s[lo]) * (idx - lo);
  };
  let sum = 0;
  for (const x of s) sum += x;
  return { n, median: q(0.5), p95: q(0.95), mean: sum / n, min: s[0], max: s[n - 1] };
}

export function median(values) {
  return summarize(values).median;
}

/** Round for JSON output (3 significant decimals on ms figures is plenty). */
export function round(x, digits = 4) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Format a millisecond figure with a sensible number of decimals. */
export function ms(x) {
  if (x == null || !Number.isFinite(x)) return '—';
  if (x < 1) return x.toFixed(3);
  if (x < 10) return x.toFixed(2);
  if (x < 1000) return x.toFixed(1);
  return x.toFixed(0);
}

export function kb(bytes) {
  if (bytes == null || !Number.isFinite(bytes)) return '—';
  return (bytes / 1024).toFixed(1) + ' KB';
}

export function mb(bytes) {
  if (bytes == null || !Number.isFinite(bytes)) return '—';
  return (bytes / 1024 / 1024).toFixed(2) + ' MB';
}

export function ratio(x) {
  if (x == null || !Number.isFinite(x)) return '—';
  return (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + '×';
}

/**
 * Render an aligned text table. `align` is a string of 'l'/'r' per column (default: first
 * column left, the rest right).
 */
export function table(headers, rows, align) {
  const cols = headers.length;
  const a = align ?? 'l' + 'r'.repeat(cols - 1);
  const cells = [headers, ...rows].map((row) => row.map((c) => (c == null ? '' : String(c))));
  const width = Array.from({ length: cols }, (_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (row) =>
    row
      .map((c, i) => (a[i] === 'r' ? c.padStart(width[i]) : c.padEnd(width[i])))
      .join('  ')
      .trimEnd();
  const out = [line(cells[0]), width.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of cells.slice(1)) out.push(line(row));
  return out.map((l) => '  ' + l).join('\n');
}
