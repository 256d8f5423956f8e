// Child-process probes for bench/engine.bench.mjs. Each prints one JSON line on stdout.
//
//   node bench/child.mjs cold <engine.js> <sizeId>
//     Fresh process: time to import the engine and run the first analysis.
//   node --expose-gc bench/child.mjs memory <engine.js> <sizeId> <runs>
//     Heap before/after analysing the text `runs` times (needs --expose-gc for clean numbers).
import { pathToFileURL } from 'node:url';
import { makeCorpus } from './texts.mjs';

const [mode, enginePath, sizeId, runsArg] = process.argv.slice(2);
const engineUrl = pathToFileURL(enginePath).href;

function textFor(id) {
  const entry = makeCorpus().find((c) => c.id === id);
  if (!entry) throw new Error(`unknown size ${id}`);
  return entry.text;
}

function out(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

if (mode === 'cold') {
  const text = textFor(sizeId);
  const t0 = performance.now();
  const engine = await import(engineUrl);
  const t1 = performance.now();
  const result = engine.analyze(text);
  const t2 = performance.now();
  out({
    importMs: t1 - t0,
    firstAnalyzeMs: t2 - t1,
    totalMs: t2 - t0,
    // performance.now() is relative to the process time origin, so this includes Node's own boot.
    sinceProcessStartMs: t2,
    findings: result.findings.length,
  });
} else if (mode === 'memory') {
  const runs = Number(runsArg ?? 100);
  const text = textFor(sizeId);
  const gc = globalThis.gc ?? (() => {});
  const heap = () => process.memoryUsage();
  gc();
  const beforeImport = heap();
  const engine = await import(engineUrl);
  gc();
  const afterImport = heap();
  engine.analyze(text); // first analysis: lazy initialisation (lexicons, compiled rules)
  gc();
  const afterFirst = heap();
  // analyze(text) as exported (may reuse a module-level analyzer and its cache)
  for (let i = 0; i < runs; i++) engine.analyze(text);
  const afterRunsNoGc = heap();
  gc();
  const afterRunsGc = heap();

  // Incremental analyzer: the cache it keeps alive after `runs` one-character edits.
  let analyzerRetained = null;
  if (typeof engine.createAnalyzer === 'function') {
    gc();
    const before = heap().heapUsed;
    const analyzer = engine.createAnalyzer();
    analyzer.analyze(text);
    let cur = text;
    for (let i = 0; i < runs; i++) {
      const p = Math.floor(text.length / 2) + (i % 50);
      cur = cur.slice(0, p) + 'x' + cur.slice(p);
      analyzer.analyze(cur);
    }
    gc();
    analyzerRetained = heap().heapUsed - before;
    // keep the analyzer reachable until after the measurement
    if (!analyzer) throw new Error('unreachable');
  }

  out({
    gcExposed: typeof globalThis.gc === 'function',
    runs,
    beforeImport,
    afterImport,
    afterFirst,
    afterRunsNoGc,
    afterRunsGc,
    analyzerRetained,
  });
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
