/**
 * Work shared within one analysis. Matching a sentence, judging its rewrites and naming its
 * topic tag the same texts and score the same sentences again; inside an analysis each of
 * these pure results is computed once. The tables are emptied when the analysis ends, so no
 * call is served another call's work (a one-off analyze() stays one-off, memory stays flat).
 */
const tables: Array<Map<unknown, unknown>> = [];
let depth = 0;

/** Runs one analysis with the per-analysis tables live. */
export function analysisScope<T>(run: () => T): T {
  depth++;
  try {
    return run();
  } finally {
    if (--depth === 0) for (const t of tables) t.clear();
  }
}

/** `fn` memoised by its argument within an analysis; outside one it is called as is. The value must not be mutated by callers. */
export function perAnalysis<K, V>(fn: (key: K) => V): (key: K) => V {
  const table = new Map<K, V>();
  tables.push(table as Map<unknown, unknown>);
  return (key) => {
    if (depth === 0) return fn(key);
    const hit = table.get(key);
    if (hit !== undefined || table.has(key)) return hit as V;
    const value = fn(key);
    table.set(key, value);
    return value;
  };
}
