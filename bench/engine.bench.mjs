// Tactful engine benchmark: `npm run bench` (builds dist/engine first).
//
// Measures, on deterministic support replies of ~50, ~200 and ~2,000 words:
//   - cold start (fresh node process: import + first analysis), median of 5 runs
//   - warm full analysis with analyze(text), median/p95
//   - incremental re-analysis after a one-character edit with createAnalyzer().analyze(), median/p95
//   - the same texts through alex, write-good and harper.js in the same run, with ratios
//   - budgets from DESIGN.md (informational PASS/FAIL; exit code is 0 either way)
//   - browser bundle size of src/engine/index.ts (compromise included), raw and gzipped
//   - heap before/after 100 analyses of the 2,000-word text (child process with --expose-gc)
//   - the worst 1 MB input: hostile and dense 1 MB texts (bench/hostile.mjs), median of 3 analyze() calls each
// Prints an aligned report and writes bench/results/engine.json.
//
// Environment knobs (optional):
//   BENCH_TIME_MS      time budget per engine and text size in ms (default 1500)
//   BENCH_COLD_RUNS    fresh processes per size for cold start (default 5)
//   TACTFUL_ENGINE     path of the built engine module (default dist/engine/index.js)
//   TACTFUL_ENGINE_SRC path of the engine entry for the bundle-size check (default src/engine/index.ts)

import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makeCorpus, countWords, rng, SEED, VARIANTS } from './texts.mjs';
import { summarize, round, ms, kb, mb, ratio, table } from './stats.mjs';
import { hostileInputs } from './hostile.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const ENGINE_JS = path.resolve(ROOT, process.env.TACTFUL_ENGINE ?? 'dist/engine/index.js');
const ENGINE_SRC = path.resolve(ROOT, process.env.TACTFUL_ENGINE_SRC ?? 'src/engine/index.ts');
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 1500);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const MEMORY_RUNS = 100;
const MIN_ITERS = 200; // fast engines: at least this many samples (see shouldStop)
const MAX_ITERS = 20000;
const WARMUP_MS = 300;
const WARMUP_ITERS = 500;
const ROUNDS = 5; // round-robin slices per warm case
const INCR_CHECKS = 25; // incremental results compared against a fresh analyze()
// analyze() this much faster than a fresh analyzer ⇒ it reuses work. Reuse gives 10-50× gaps;
// noise on a busy machine gives up to ~2×, so the threshold sits well below that.
const CACHE_SUSPECT_RATIO = 0.3;

const BUDGETS = {
  full200MedianMs: 2,
  full2000MedianMs: 15,
  incrementalMedianMs: 0.3,
  // Issue 11: no 1 MB input over 1 s (the engine checks at most MAX_CHECKED_CHARS of a reply).
  worst1MbMs: 1000,
};
const HOSTILE_RUNS = 3;

/** Each 1 MB input through analyze() (nothing cached between calls: analyze is one-off), median of HOSTILE_RUNS. */
function benchHostile(mod) {
  mod.analyze(makeCorpus()[1].text); // warm
  return hostileInputs().map(({ id, text }) => {
    const times = [];
    let result;
    for (let i = 0; i < HOSTILE_RUNS; i++) {
      const a = now();
      result = mod.analyze(text);
      times.push(now() - a);
    }
    times.sort((x, y) => x - y);
    const truncated = result.warnings?.find((w) => w.kind === 'truncated');
    return {
      id,
      chars: text.length,
      median: times[HOSTILE_RUNS >> 1],
      max: times[HOSTILE_RUNS - 1],
      findings: result.findings.length,
      checkedUpTo: truncated ? truncated.start : text.length,
      contractErrors: contractCheck(text, result),
    };
  });
}

const require = createRequire(import.meta.url);
const now = () => performance.now();
const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const startedAt = now();
const log = (s = '') => process.stdout.write(s + '\n');
const phaseSeconds = {}; // wall time per phase, written to the JSON
let phase = null;
let phaseStart = 0;
const endPhase = () => {
  if (phase) phaseSeconds[phase] = (phaseSeconds[phase] ?? 0) + (now() - phaseStart) / 1000;
  phase = null;
};
// Progress goes to stderr on a terminal only (one overwritten line), so piped output stays clean.
const progress = (s) => {
  endPhase();
  phase = s.split(':')[0].replace(/ \(.*$/, '');
  phaseStart = now();
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K  … ${s}`);
};
const clearProgress = () => {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
};
const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
};

// ---------------------------------------------------------------------------------------------
// Timing loop

/**
 * Sampling stops once there are MIN_ITERS samples and half the time budget has passed, or the whole
 * budget has passed with at least 10 samples (slow engines), or twice the budget regardless.
 */
function shouldStop(n, elapsed, timeMs) {
  return (
    n >= MAX_ITERS ||
    (n >= MIN_ITERS && elapsed >= timeMs / 2) ||
    (n >= 10 && elapsed >= timeMs) ||
    elapsed >= 2 * timeMs
  );
}

/**
 * Time `fn(text, ctx)` over the rotating `texts` (the same rotation for every engine, so no engine
 * sees the same string twice in a row). `prepare()`, if given, runs untimed before every call and
 * its result is passed as `ctx` (used to hand Tactful a fresh analyzer, i.e. an empty cache).
 * Warm-up first (up to WARMUP_ITERS calls or WARMUP_MS), then one sample per call (see shouldStop).
 */
async function timeLoop(fn, texts, { isAsync = false, prepare, timeMs = TIME_MS } = {}) {
  let i = 0;
  const w0 = now();
  do {
    const r = fn(texts[i++ % texts.length], prepare?.());
    if (isAsync) await r;
  } while (i < WARMUP_ITERS && now() - w0 < WARMUP_MS);
  gc();

  const samples = [];
  const t0 = now();
  for (;;) {
    const text = texts[i++ % texts.length];
    const ctx = prepare?.();
    const a = now();
    const r = fn(text, ctx);
    if (isAsync) await r;
    const b = now();
    samples.push(b - a);
    if (shouldStop(samples.length, b - t0, timeMs)) break;
  }
  return summarize(samples);
}

/**
 * Interleaved measurement: several engines on the same rotating texts, in ROUNDS round-robin
 * slices, so that background load (other processes, GC) falls on all of them alike and the ratios
 * stay fair. Each runner gets `share × TIME_MS` in total, split evenly over the rounds, and at
 * least one sample per round. Runners whose warm-up throws are dropped and reported.
 */
async function interleaved(runners, texts) {
  const live = [];
  for (const r of runners) {
    r.samples = [];
    r.i = 0;
    try {
      const w0 = now();
      do {
        const x = r.fn(texts[r.i++ % texts.length], r.prepare?.());
        if (r.isAsync) await x;
      } while (r.i < WARMUP_ITERS && now() - w0 < WARMUP_MS);
      live.push(r);
    } catch (e) {
      r.error = String(e?.message ?? e).split('\n')[0];
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const r of live) {
      if (r.error) continue;
      gc();
      const slice = (TIME_MS * (r.share ?? 1)) / ROUNDS;
      const t0 = now();
      try {
        do {
          const text = texts[r.i++ % texts.length];
          const ctx = r.prepare?.();
          const a = now();
          const x = r.fn(text, ctx);
          if (r.isAsync) await x;
          r.samples.push(now() - a);
        } while (now() - t0 < slice && r.samples.length < MAX_ITERS);
      } catch (e) {
        r.error = String(e?.message ?? e).split('\n')[0];
      }
    }
  }
  return Object.fromEntries(runners.map((r) => [r.key, r.error ? { error: r.error } : summarize(r.samples)]));
}

// ---------------------------------------------------------------------------------------------
// Engines

async function loadTactful() {
  if (!existsSync(ENGINE_JS)) throw new Error(`${path.relative(ROOT, ENGINE_JS)} not found (run npm run build:engine)`);
  const t0 = now();
  const mod = await import(pathToFileURL(ENGINE_JS).href);
  if (typeof mod.analyze !== 'function') throw new Error('engine module has no analyze() export');
  return { mod, importMs: now() - t0 };
}

/** Peers: each entry loads lazily and returns { run(text) -> count, isAsync, version, note }. */
const PEERS = [
  {
    id: 'alex',
    async load() {
      const { text } = await import('alex');
      return {
        version: pkgVersion('alex'),
        note: 'text() (plain text: retext-equality + retext-profanities)',
        run: (t) => text(t).messages.length,
      };
    },
  },
  {
    id: 'write-good',
    async load() {
      const writeGood = require('write-good');
      return {
        version: pkgVersion('write-good'),
        note: 'writeGood(text), default checks',
        run: (t) => writeGood(t).length,
      };
    },
  },
  {
    id: 'harper.js',
    async load() {
      const { LocalLinter } = await import('harper.js');
      const { binary } = await import('harper.js/binary');
      const linter = new LocalLinter({ binary });
      await linter.setup(); // compiles the ~16 MB WASM binary
      return {
        version: pkgVersion('harper.js'),
        note: "LocalLinter (WASM, same thread), lint(text, { language: 'plaintext' })",
        isAsync: true,
        run: async (t) => {
          const lints = await linter.lint(t, { language: 'plaintext' });
          const n = lints.length;
          for (const l of lints) l.free();
          return n;
        },
      };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Incremental edits

const isLetter = (c) => c !== undefined && /[A-Za-z]/.test(c);

/** A random position strictly inside a word (letters on both sides), i.e. mid-sentence. */
function midWordPosition(text, r, needNext = false) {
  for (let tries = 0; tries < 1000; tries++) {
    let p = 1 + Math.floor(r() * (text.length - 2));
    // walk forward to the next valid spot
    for (let k = 0; k < 200 && p < text.length - 1; k++, p++) {
      if (isLetter(text[p - 1]) && isLetter(text[p]) && (!needNext || isLetter(text[p + 1]))) return p;
    }
  }
  throw new Error('no mid-word position found');
}

/**
 * Incremental re-analysis: createAnalyzer(), analyze the base text, then repeat cycles of
 *   (timed) insert one random letter mid-word → analyze(edited)
 *   (timed) delete one letter mid-word elsewhere → analyze(edited2)
 *   (untimed) analyze(base) again, so the text never drifts more than two characters.
 * Before timing, INCR_CHECKS edited texts are checked against a fresh analyze() of the same text.
 */
function benchIncremental(engine, base, seed) {
  const r = rng(seed);
  const analyzer = engine.createAnalyzer();
  analyzer.analyze(base);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const editsFrom = (text) => {
    const p = midWordPosition(text, r);
    const ins = text.slice(0, p) + letters[Math.floor(r() * 26)] + text.slice(p);
    const q = midWordPosition(ins, r, true);
    const del = ins.slice(0, q) + ins.slice(q + 1);
    return [ins, del];
  };

  // correctness spot-check (untimed): incremental result must equal a fresh analyze()
  let checked = 0;
  let mismatched = 0;
  let firstMismatch = null;
  while (checked < INCR_CHECKS) {
    for (const t of editsFrom(base)) {
      const res = analyzer.analyze(t);
      const fresh = engine.analyze(t);
      checked++;
      const sa = JSON.stringify({ findings: res.findings, tips: res.tips });
      const sb = JSON.stringify({ findings: fresh.findings, tips: fresh.tips });
      if (sa !== sb) {
        mismatched++;
        firstMismatch ??= { incremental: res.findings.length, fresh: fresh.findings.length };
      }
    }
    analyzer.analyze(base);
  }

  // warm-up
  const w0 = now();
  let cycles = 0;
  do {
    for (const t of editsFrom(base)) analyzer.analyze(t);
    analyzer.analyze(base);
    cycles++;
  } while (cycles < 200 && now() - w0 < WARMUP_MS);
  gc();

  const samples = [];
  const t0 = now();
  for (;;) {
    for (const t of editsFrom(base)) {
      const a = now();
      analyzer.analyze(t);
      samples.push(now() - a);
    }
    analyzer.analyze(base);
    if (shouldStop(samples.length, now() - t0, TIME_MS)) break;
  }
  return { ...summarize(samples), checked, mismatched, firstMismatch };
}

// ---------------------------------------------------------------------------------------------
// Cold start and memory (child processes)

function runChild(args, nodeFlags = []) {
  const t0 = now();
  const res = spawnSync(process.execPath, [...nodeFlags, path.join(BENCH_DIR, 'child.mjs'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    timeout: 60_000,
  });
  const wallMs = now() - t0;
  if (res.status !== 0) {
    const err = (res.stderr || res.error?.message || `exit ${res.status}`).trim().split('\n').slice(-3).join(' | ');
    throw new Error(err);
  }
  const line = res.stdout.trim().split('\n').pop();
  return { ...JSON.parse(line), wallMs };
}

function coldStart(sizeId) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) runs.push(runChild(['cold', ENGINE_JS, sizeId]));
  const med = (k) => summarize(runs.map((x) => x[k])).median;
  return {
    runs: runs.length,
    importMs: med('importMs'),
    firstAnalyzeMs: med('firstAnalyzeMs'),
    totalMs: med('totalMs'),
    sinceProcessStartMs: med('sinceProcessStartMs'),
    processWallMs: med('wallMs'),
  };
}

// ---------------------------------------------------------------------------------------------
// Bundle size

async function bundleSizes() {
  const esbuild = await import('esbuild');
  const base = {
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  };
  const measure = (result) => {
    const file = result.outputFiles.find((f) => !f.path.endsWith('.map'));
    return { rawBytes: file.contents.length, gzipBytes: gzipSync(file.contents, { level: 9 }).length };
  };

  const engineRes = await esbuild.build({ ...base, entryPoints: [ENGINE_SRC], outfile: 'engine.js' });
  const engine = measure(engineRes);

  // Attribute output bytes to compromise / other dependencies / Tactful's own code.
  const breakdown = { compromise: 0, otherDeps: 0, own: 0 };
  for (const out of Object.values(engineRes.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      if (/node_modules[\\/]compromise[\\/]/.test(input)) breakdown.compromise += bytesInOutput;
      else if (/node_modules[\\/]/.test(input)) breakdown.otherDeps += bytesInOutput;
      else breakdown.own += bytesInOutput;
    }
  }

  // Which compromise entry points does the engine import? Measure each alone for reference.
  const specifiers = new Set();
  for (const [input, info] of Object.entries(engineRes.metafile.inputs)) {
    if (/node_modules/.test(input)) continue;
    for (const imp of info.imports ?? []) {
      if (imp.original && /^compromise(\/|$)/.test(imp.original)) specifiers.add(imp.original);
    }
  }
  if (specifiers.size === 0) specifiers.add('compromise');
  const compromiseAlone = [];
  for (const spec of specifiers) {
    const res = await esbuild.build({
      ...base,
      stdin: { contents: `export { default } from ${JSON.stringify(spec)};`, resolveDir: ROOT, loader: 'js' },
      outfile: 'compromise.js',
    });
    compromiseAlone.push({ specifier: spec, ...measure(res) });
  }
  return { engine, breakdown, compromiseAlone, importsFromEngine: [...specifiers] };
}

// ---------------------------------------------------------------------------------------------
// Main

function envInfo() {
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {}
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    commit,
    gcExposed: typeof globalThis.gc === 'function',
    loadAvgAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

function contractCheck(text, result) {
  let bad = 0;
  for (const f of result.findings) if (text.slice(f.start, f.end) !== f.text) bad++;
  return bad;
}

async function main() {
  const env = envInfo();
  const corpus = makeCorpus();
  const results = {
    env,
    config: { seed: SEED, variantsPerSize: VARIANTS, timeMsPerEngineAndSize: TIME_MS, rounds: ROUNDS, coldRuns: COLD_RUNS },
    texts: corpus.map((c) => ({
      id: c.id,
      words: countWords(c.text),
      chars: c.text.length,
      wordsRange: [Math.min(...c.variants.map(countWords)), Math.max(...c.variants.map(countWords))],
    })),
    budgets: BUDGETS,
    errors: {},
  };
  const notes = [];

  // --- Tactful
  let tactful = null;
  progress('loading Tactful engine');
  try {
    const { mod, importMs } = await loadTactful();
    const t0 = now();
    const first = mod.analyze(corpus[1].text);
    tactful = { mod, loadMs: importMs + (now() - t0) };
    const bad = contractCheck(corpus[1].text, first);
    if (bad) notes.push(`Tactful contract: ${bad} finding(s) where text !== input.slice(start, end)`);
    if (typeof mod.createAnalyzer !== 'function') notes.push('Tactful: no createAnalyzer() export; incremental skipped');
  } catch (e) {
    results.errors.tactful = String(e.message ?? e);
    notes.push(`Tactful engine not available: ${results.errors.tactful}`);
  }

  // --- Peers
  const peers = [];
  for (const p of PEERS) {
    progress(`loading ${p.id}`);
    try {
      const t0 = now();
      const api = await p.load();
      const r = api.run(corpus[1].text);
      if (api.isAsync) await r;
      peers.push({ id: p.id, ...api, loadMs: now() - t0 });
    } catch (e) {
      const msg = String(e?.message ?? e).split('\n')[0];
      results.errors[p.id] = msg;
      notes.push(`${p.id} failed to load, skipped: ${msg}`);
    }
  }
  results.load = {
    tactful: tactful ? { loadMs: round(tactful.loadMs) } : null,
    ...Object.fromEntries(peers.map((p) => [p.id, { version: p.version, loadMs: round(p.loadMs), api: p.note }])),
  };

  // --- Cold start
  results.cold = {};
  if (tactful) {
    for (const c of corpus) {
      progress(`cold start ${c.id} (${COLD_RUNS} fresh processes)`);
      try {
        results.cold[c.id] = coldStart(c.id);
      } catch (e) {
        results.errors[`cold-${c.id}`] = String(e.message ?? e);
        notes.push(`cold start ${c.id} failed: ${e.message}`);
      }
    }
  }

  // --- Warm full analysis
  // Main Tactful figure: analyze(text), which the contract defines as a one-off analysis. As a
  // guard against hidden reuse (e.g. a module-level analyzer whose sentence cache would turn the
  // rotating texts into cache hits), the same texts also go through a fresh createAnalyzer() per
  // call (created untimed, so nothing is cached). If analyze() is clearly faster than that, it is
  // reusing work, and the fresh-analyzer figure is used for ratios and budgets.
  results.warm = {};
  for (const c of corpus) {
    progress(`warm ${c.id}: ${[tactful && 'tactful', ...peers.map((p) => p.id)].filter(Boolean).join(', ')}`);
    const runners = [];
    if (tactful) {
      runners.push({ key: 'tactful', fn: (t) => tactful.mod.analyze(t) });
      if (typeof tactful.mod.createAnalyzer === 'function')
        runners.push({
          key: 'tactfulFreshAnalyzer',
          fn: (t, analyzer) => analyzer.analyze(t),
          prepare: () => tactful.mod.createAnalyzer(),
          share: 1 / 3,
        });
    }
    for (const p of peers) runners.push({ key: p.id, fn: p.run, isAsync: p.isAsync });
    const out = await interleaved(runners, c.variants);
    const row = (results.warm[c.id] = {});

    if (out.tactful) {
      if (out.tactful.error) {
        results.errors[`warm-${c.id}-tactful`] = out.tactful.error;
        notes.push(`tactful failed on ${c.id}: ${out.tactful.error}`);
      } else {
        const findings = tactful.mod.analyze(c.text).findings.length;
        row.tactful = { ...out.tactful, method: 'analyze(text)', findings };
        const fresh = out.tactfulFreshAnalyzer;
        if (fresh && !fresh.error) {
          row.tactfulFreshAnalyzer = fresh;
          if (out.tactful.median < CACHE_SUSPECT_RATIO * fresh.median) {
            row.tactfulAnalyzeReused = row.tactful;
            row.tactful = { ...fresh, method: 'createAnalyzer() per call (untimed), then .analyze(text)', findings };
            notes.push(
              `${c.id}: analyze(text) (${ms(out.tactful.median)} ms) is much faster than a fresh analyzer ` +
                `(${ms(fresh.median)} ms), so it reuses cached work; the fresh-analyzer figure is used instead`,
            );
          }
        }
      }
    }
    for (const p of peers) {
      const x = out[p.id];
      if (x.error) {
        results.errors[`warm-${c.id}-${p.id}`] = x.error;
        notes.push(`${p.id} failed on ${c.id}: ${x.error}`);
        continue;
      }
      const count = p.isAsync ? await p.run(c.text) : p.run(c.text);
      row[p.id] = { ...x, findings: count };
      if (row.tactful) row[p.id].ratio = x.median / row.tactful.median;
    }
  }

  if (tactful && typeof tactful.mod.createAnalyzer === 'function') {
    progress('createAnalyzer() construction');
    results.createAnalyzer = await timeLoop(() => tactful.mod.createAnalyzer(), [''], { timeMs: TIME_MS / 3 });
  }

  // --- Incremental
  results.incremental = {};
  if (tactful && typeof tactful.mod.createAnalyzer === 'function') {
    for (const [i, c] of corpus.entries()) {
      progress(`incremental ${c.id}`);
      try {
        const s = benchIncremental(tactful.mod, c.text, SEED + 77 + i);
        results.incremental[c.id] = { ...s, speedupVsFull: results.warm[c.id].tactful.median / s.median };
        if (s.mismatched)
          notes.push(
            `incremental ${c.id}: ${s.mismatched}/${s.checked} results differ from a fresh analyze() ` +
              `(first: ${s.firstMismatch.incremental} vs ${s.firstMismatch.fresh} findings)`,
          );
      } catch (e) {
        results.errors[`incremental-${c.id}`] = String(e.message ?? e);
        notes.push(`incremental ${c.id} failed: ${e.message}`);
      }
    }
  }

  // --- Bundle
  progress('bundle size');
  try {
    results.bundle = await bundleSizes();
  } catch (e) {
    results.errors.bundle = String(e.message ?? e).split('\n')[0];
    notes.push(`bundle size failed: ${results.errors.bundle}`);
  }

  // --- Memory
  if (tactful) {
    progress('memory (child process with --expose-gc)');
    try {
      results.memory = runChild(['memory', ENGINE_JS, '2000w', String(MEMORY_RUNS)], ['--expose-gc']);
    } catch (e) {
      results.errors.memory = String(e.message ?? e);
      notes.push(`memory probe failed: ${e.message}`);
    }
  }

  // --- Worst 1 MB input
  if (tactful) {
    progress('worst 1 MB input');
    try {
      results.hostile = benchHostile(tactful.mod);
      for (const h of results.hostile) if (h.contractErrors) notes.push(`1 MB ${h.id}: ${h.contractErrors} finding(s) where text !== input.slice(start, end)`);
    } catch (e) {
      results.errors.hostile = String(e.message ?? e);
      notes.push(`worst 1 MB input failed: ${e.message}`);
    }
  }
  const worst = results.hostile?.reduce((a, b) => (b.median > a.median ? b : a));

  // --- Budgets
  const budgetRows = [];
  const addBudget = (label, value, limit) =>
    budgetRows.push({ label, value, limit, pass: Number.isFinite(value) ? value <= limit : null });
  addBudget('200 words, warm full analysis, median', results.warm['200w']?.tactful?.median, BUDGETS.full200MedianMs);
  addBudget('2,000 words, warm full analysis, median', results.warm['2000w']?.tactful?.median, BUDGETS.full2000MedianMs);
  for (const c of corpus)
    addBudget(`1-char edit, incremental (${c.id}), median`, results.incremental[c.id]?.median, BUDGETS.incrementalMedianMs);
  addBudget(`worst 1 MB input (${worst?.id ?? 'n/a'}), median`, worst?.median, BUDGETS.worst1MbMs);
  results.budgetResults = budgetRows;
  results.notes = notes;
  endPhase();
  results.phaseSeconds = phaseSeconds;
  results.totalSeconds = (now() - startedAt) / 1000;

  clearProgress();
  printReport(results, corpus, peers.map((p) => p.id), budgetRows, notes);
  writeJson(results);
}

// ---------------------------------------------------------------------------------------------
// Output

function printReport(R, corpus, peerIds, budgetRows, notes) {
  const e = R.env;
  log('');
  log('Tactful engine benchmark');
  log(`  ${e.date}  node ${e.node}  ${e.platform}  ${e.cpus} × ${e.cpu}${e.commit ? `  commit ${e.commit}` : ''}`);
  log(
    '  texts: ' +
      R.texts.map((t) => `${t.id} = ${t.words} words / ${t.chars} chars`).join(', ') +
      `  (seed ${SEED}, ${VARIANTS} variants per size rotated in warm loops)`,
  );
  const busy = e.loadAvgAtStart[0] > e.cpus * 0.5;
  log(`  load average at start ${e.loadAvgAtStart.join(' ')}` + (busy ? '  ⚠ busy machine: timings are inflated and noisy' : ''));
  log('  times in ms; ratio = peer median / Tactful median (> 1 means Tactful is faster)');

  if (Object.keys(R.cold).length) {
    log('');
    log(`Cold start: fresh node process, import engine + first analyze() (median of ${COLD_RUNS})`);
    log(
      table(
        ['text', 'import', 'first analyze', 'import+first', 'since process start', 'spawn→exit'],
        corpus
          .filter((c) => R.cold[c.id])
          .map((c) => {
            const x = R.cold[c.id];
            return [c.id, ms(x.importMs), ms(x.firstAnalyzeMs), ms(x.totalMs), ms(x.sinceProcessStartMs), ms(x.processWallMs)];
          }),
      ),
    );
  }

  log('');
  log('Warm full analysis, one call per sample, nothing cached (ratio = peer median / Tactful median)');
  const engines = [...(R.load.tactful ? ['tactful'] : []), ...peerIds];
  const rows = [];
  for (const c of corpus) {
    for (const id of engines) {
      const x = R.warm[c.id]?.[id];
      if (!x) continue;
      rows.push([
        c.id,
        id,
        ms(x.median),
        ms(x.p95),
        ms(x.mean),
        String(x.n),
        String(x.findings),
        id === 'tactful' ? '' : x.ratio != null ? ratio(x.ratio) : '—',
      ]);
    }
  }
  log(table(['text', 'engine', 'median', 'p95', 'mean', 'n', 'flags', 'ratio'], rows, 'llrrrrrr'));
  if (R.warm[corpus[0].id]?.tactfulFreshAnalyzer) {
    const ref = corpus
      .map((c) => `${c.id} ${ms(R.warm[c.id]?.tactfulFreshAnalyzer?.median)}`)
      .join(', ');
    log(`  tactful = analyze(text). Check, fresh createAnalyzer() per call (built untimed), median: ${ref} ms.`);
    if (R.createAnalyzer) log(`  createAnalyzer() construction itself: ${ms(R.createAnalyzer.median)} ms median.`);
  }
  const loadBits = engines.map((id) => `${id} ${ms(R.load[id]?.loadMs)}`);
  log(`  load + first call inside this process (ms): ${loadBits.join(', ')}`);

  if (Object.keys(R.incremental).length) {
    log('');
    log('Incremental: createAnalyzer().analyze(text) after a one-character insert/delete mid-sentence');
    log(
      table(
        ['text', 'median', 'p95', 'mean', 'n', 'full median', 'speedup', 'matches fresh'],
        corpus
          .filter((c) => R.incremental[c.id])
          .map((c) => {
            const x = R.incremental[c.id];
            return [
              c.id,
              ms(x.median),
              ms(x.p95),
              ms(x.mean),
              String(x.n),
              ms(R.warm[c.id].tactful.median),
              ratio(x.speedupVsFull),
              `${x.checked - x.mismatched}/${x.checked}`,
            ];
          }),
      ),
    );
  }

  if (R.hostile?.length) {
    log('');
    log(`1 MB inputs: analyze(text), median and max of ${HOSTILE_RUNS} calls; "checked" = characters before the 'truncated' warning`);
    const rows = R.hostile.map((h) => [h.id, ms(h.median), ms(h.max), String(h.findings), h.checkedUpTo.toLocaleString('en-US')]);
    log(table(['input', 'median', 'max', 'flags', 'checked'], rows, 'lrrrr'));
    const w = R.hostile.reduce((a, b) => (b.median > a.median ? b : a));
    log(`  worst 1 MB input: ${w.id}, ${ms(w.median)} ms median`);
  }

  log('');
  log('Budgets (DESIGN.md; informational, exit code is 0 either way)');
  log(
    table(
      ['budget', 'measured', 'limit', 'result'],
      budgetRows.map((b) => [b.label, ms(b.value), `≤ ${b.limit}`, b.pass == null ? 'n/a' : b.pass ? 'PASS' : 'FAIL']),
      'lrrl',
    ),
  );

  if (R.bundle) {
    const b = R.bundle;
    log('');
    log('Bundle: esbuild src/engine/index.ts, bundle + minify, esm, platform browser, compromise included');
    const bundleRows = [['tactful engine (all)', kb(b.engine.rawBytes), kb(b.engine.gzipBytes)]];
    bundleRows.push(['  of which compromise', kb(b.breakdown.compromise), '']);
    if (b.breakdown.otherDeps) bundleRows.push(['  of which other deps', kb(b.breakdown.otherDeps), '']);
    bundleRows.push(['  of which Tactful code + rules', kb(b.breakdown.own), '']);
    for (const c of b.compromiseAlone) bundleRows.push([`'${c.specifier}' alone (reference)`, kb(c.rawBytes), kb(c.gzipBytes)]);
    log(table(['bundle', 'raw', 'gzip'], bundleRows));
  }

  if (R.memory) {
    const m = R.memory;
    log('');
    log(
      `Memory: child process${m.gcExposed ? ' with --expose-gc' : ' (gc NOT exposed: figures are noisy)'}, ` +
        `2000w text analysed ${m.runs}×`,
    );
    log(
      table(
        ['point', 'heapUsed', 'rss'],
        [
          ['before importing the engine', mb(m.beforeImport.heapUsed), mb(m.beforeImport.rss)],
          ['after import (gc)', mb(m.afterImport.heapUsed), mb(m.afterImport.rss)],
          ['after first analysis (gc)', mb(m.afterFirst.heapUsed), mb(m.afterFirst.rss)],
          [`after ${m.runs}× analyze(text) (no gc)`, mb(m.afterRunsNoGc.heapUsed), mb(m.afterRunsNoGc.rss)],
          [`after ${m.runs}× analyze(text) (gc)`, mb(m.afterRunsGc.heapUsed), mb(m.afterRunsGc.rss)],
        ],
      ),
    );
    log(
      `  engine heap (after first analysis − before import): ${mb(m.afterFirst.heapUsed - m.beforeImport.heapUsed)}; ` +
        `retained growth over ${m.runs} runs: ${mb(m.afterRunsGc.heapUsed - m.afterFirst.heapUsed)}` +
        (m.analyzerRetained != null ? `; createAnalyzer() after ${m.runs} edits retains ${mb(m.analyzerRetained)}` : ''),
    );
  }

  if (notes.length) {
    log('');
    log('Notes');
    for (const n of notes) log(`  - ${n}`);
  }
  log('');
  log(`Done in ${R.totalSeconds.toFixed(1)} s; JSON: ${path.relative(ROOT, RESULTS_FILE)}`);
}

const RESULTS_FILE = path.join(BENCH_DIR, 'results', 'engine.json');

function writeJson(R) {
  const clean = (v) =>
    JSON.parse(JSON.stringify(v, (k, x) => (typeof x === 'number' ? round(x) : x)));
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, JSON.stringify(clean(R), null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
