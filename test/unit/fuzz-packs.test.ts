// Fuzzing hostile packs and hostile sizes (issue 11): random and hand-made packs never pollute
// Object.prototype or crash validation, a pack that validates analyses any reply within the
// contract, and time stays linear in input size with the built-in rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, builtinRules, validatePack, type AnalysisResult, type AnalyzeOptions, type RulePack } from '../../src/engine/index';
import { hostilePack, reply, repeatUnit, runs, SEED, timeout } from './fuzz-arbitraries';

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();
function prototypeProblems(): string[] {
  const problems: string[] = [];
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTOTYPE_KEYS) problems.push('Object.prototype gained or lost a property');
  for (const k in {}) problems.push(`Object.prototype has an enumerable "${k}"`);
  if ((Object.prototype as { length?: unknown }).length !== undefined) problems.push('Object.prototype.length is set');
  return problems;
}

function contractHolds(text: string, result: AnalysisResult) {
  for (const f of result.findings) {
    expect(f.start >= 0 && f.start < f.end && f.end <= text.length, `${f.ruleId} [${f.start}, ${f.end}) in ${text.length}`).toBe(true);
    expect(f.text).toBe(text.slice(f.start, f.end));
  }
}

describe('fuzz: hostile packs', () => {
  it('validation never throws or pollutes; a pack that validates analyses any reply within the contract', () => {
    fc.assert(
      fc.property(hostilePack, fc.array(reply, { minLength: 1, maxLength: 3 }), (raw, texts) => {
        const result = validatePack(raw);
        expect(prototypeProblems()).toEqual([]);
        if (result.ok) {
          for (const text of [...texts, ...result.pack.rules.flatMap((r) => r.examples.flags)]) contractHolds(text, analyze(text, { packs: [result.pack] }));
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(typeof p.path === 'string' && typeof p.message === 'string').toBe(true);
          // Even unvalidated, the engine refuses or runs it; it never writes to the prototype.
          try {
            analyze(texts[0]!, { packs: [raw as RulePack] });
          } catch {
            // refusing a malformed pack is fine
          }
        }
        expect(prototypeProblems()).toEqual([]);
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  }, timeout(150));
});

/** Warms the JIT and compromise's lazy setup on every built-in rule, so the first timing is not a cold start. */
function warmUp() {
  const text = builtinRules.flatMap((r) => [...r.examples.flags, ...r.examples.allows]).join(' ');
  for (let i = 0; i < 3; i++) analyze(text);
}

/** Times one analysis, warm, in ms (the best of `tries`, so a GC pause or a busy core is not read as superlinear). */
function timed(text: string, options: AnalyzeOptions = {}, tries = 1): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const t0 = performance.now();
    analyze(text, options);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
/** The linearity checks measure the engine's own work, so they lift the 20,000-character limit (the 1 MB check keeps it). */
const UNLIMITED: AnalyzeOptions = { maxCheckedChars: Infinity };

describe('fuzz: time is linear in input size', () => {
  it('random replies repeated to 16 KB and to 64 KB: four times the text takes at most about four times as long', () => {
    warmUp();
    let worst = { perKb: 0, ratio: 0, text: '' };
    fc.assert(
      fc.property(reply, (unit) => {
        if (!unit) return;
        const sized = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
        const small = timed(sized(16_384), UNLIMITED, 2);
        const big = timed(sized(65_536), UNLIMITED, 2);
        const perKb = big / 64;
        // Quadratic work would show as a ratio near 16; repeated sentences are served once per call, so it is often below 4.
        const ratio = big > 40 ? big / Math.max(small, 1) : 0;
        if (perKb > worst.perKb) worst = { perKb, ratio, text: unit };
        expect(ratio, JSON.stringify(unit.slice(0, 200))).toBeLessThan(8);
        // Dense, all-distinct flagged text costs about 12-18 ms per KB (compromise on every sentence); far above that is a defect.
        expect(perKb, JSON.stringify(unit.slice(0, 200))).toBeLessThan(30);
      }),
      { seed: SEED, numRuns: runs(20) },
    );
    console.log(`fuzz: worst time per KB at 64 KB ${worst.perKb.toFixed(2)} ms (64 KB / 16 KB time ${worst.ratio.toFixed(1)}x), unit ${JSON.stringify(worst.text.slice(0, 80))}`);
  }, timeout(20));

  it('1 MB inputs built from fuzzed units and pasted runs: the worst is printed, each under 2 s', () => {
    warmUp();
    // The units that used to be quadratic, then fuzzed ones.
    const fixed = ['?!', '\r', '\u2028', '-', ' ', 'Thanks\n', '> x\n', "That's not my department. ", 'a', '😀', '(( ', 'no. '];
    const fuzzed = fc.sample(repeatUnit, { seed: SEED, numRuns: runs(6) });
    let worst = { ms: 0, unit: '' };
    for (const unit of [...fixed, ...fuzzed]) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
      const ms = timed(text);
      if (ms > worst.ms) worst = { ms, unit };
      // The target is 1 s on this machine (printed below); 2 s leaves room for a loaded CI box.
      expect(ms, JSON.stringify(unit)).toBeLessThan(2000);
    }
    console.log(`fuzz: worst 1 MB input ${worst.ms.toFixed(0)} ms, unit ${JSON.stringify(worst.unit.slice(0, 80))} (${fixed.length + fuzzed.length} inputs)`);
  }, timeout(60));

  it('all-distinct flagged sentences: 100 KB takes at most about four times 25 KB (printed: ms per KB)', () => {
    warmUp();
    const phrases = builtinRules.flatMap((r) => [...r.examples.flags, ...r.examples.allows]);
    const distinct = (size: number) => {
      let s = '';
      // Numbered, so no sentence repeats and the per-call dedupe cannot help.
      for (let n = 0; s.length < size; n++) s += `${phrases[(n * 7919) % phrases.length]!.replace(/[.!?]?$/, ` (${n}).`)} `;
      return s.slice(0, size);
    };
    const small = timed(distinct(25_000), UNLIMITED, 2);
    const big = timed(distinct(100_000), UNLIMITED, 2);
    console.log(`fuzz: distinct flagged sentences ${(small / 25).toFixed(2)} ms/KB at 25 KB, ${(big / 100).toFixed(2)} ms/KB at 100 KB (${(big / small).toFixed(1)}x for 4x the text)`);
    expect(big / small).toBeLessThan(8);
  }, 60_000);
});
