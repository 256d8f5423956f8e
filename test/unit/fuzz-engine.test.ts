// Property-based fuzzing of the engine's contract (issue 11), with fixed seeds so a failure
// reproduces. `FUZZ_RUNS=50000 node node_modules/vitest/vitest.mjs run test/unit/fuzz-` runs
// the long version; FUZZ_SEED picks another seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, type AnalysisResult } from '../../src/engine/index';
import { foldTypography } from '../../src/engine/normalize';
import { agentRegions } from '../../src/engine/regions';
import { MAX_SENTENCE_CHARS, segment, type Sentence } from '../../src/engine/segment';
import { applyEdit, edit, LONG, reply, runs, SEED, timeout } from './fuzz-arbitraries';

const sentencesOf = (text: string): Sentence[] => {
  const folded = foldTypography(text);
  return segment(folded, agentRegions(folded));
};
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, at: number) => at > 0 && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));

function contractProblems(text: string, result: AnalysisResult): string[] {
  const problems: string[] = [];
  const sentences = sentencesOf(text);
  for (const f of result.findings) {
    const where = `${f.ruleId} [${f.start}, ${f.end})`;
    if (!(Number.isInteger(f.start) && Number.isInteger(f.end))) problems.push(`${where}: offsets are not integers`);
    if (!(f.start >= 0 && f.start < f.end && f.end <= text.length)) problems.push(`${where}: outside 0 <= start < end <= ${text.length}`);
    if (f.text !== text.slice(f.start, f.end)) problems.push(`${where}: text ${JSON.stringify(f.text)} is not input.slice(start, end)`);
    if (!sentences.some((s) => s.start <= f.start && f.end <= s.end)) problems.push(`${where}: crosses a sentence boundary`);
    if (splitsPair(text, f.start) || splitsPair(text, f.end)) problems.push(`${where}: splits a surrogate pair`);
    for (const s of f.suggestions) {
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s.replacement) && !/[\uD800-\uDFFF]/.test(f.text)) {
        problems.push(`${where}: replacement ${JSON.stringify(s.replacement)} has a lone surrogate`);
      }
    }
  }
  return problems;
}

describe('fuzz: the offset contract', () => {
  it('0 <= start < end <= length, text === input.slice, spans within one sentence, no split surrogate pair', () => {
    fc.assert(
      fc.property(reply, (text) => {
        expect(contractProblems(text, analyze(text)), JSON.stringify(text)).toEqual([]);
      }),
      { seed: SEED, numRuns: runs(400) },
    );
  }, timeout(400));
});

describe('fuzz: applying a suggestion keeps the rest of the reply', () => {
  it('every other sentence is still there, unchanged, after a rewrite is applied', () => {
    fc.assert(
      fc.property(reply, fc.nat(), (text, pick) => {
        const sentences = sentencesOf(text);
        // Run-ons cut at 600 characters move their cut when a rewrite changes their length.
        if (sentences.some((s) => s.end - s.start >= MAX_SENTENCE_CHARS - 100)) return;
        const withFix = analyze(text).findings.filter((f) => f.suggestions.length);
        if (!withFix.length) return;
        const f = withFix[pick % withFix.length]!;
        const replacement = f.suggestions[pick % f.suggestions.length]!.replacement;
        const after = text.slice(0, f.start) + replacement + text.slice(f.end);
        const shift = replacement.length - (f.end - f.start);
        const now = new Set(sentencesOf(after).map((s) => `${s.start}:${s.text}`));
        for (const s of sentences) {
          if (s.start <= f.start && f.end <= s.end) continue; // the sentence being rewritten
          const at = s.start >= f.end ? s.start + shift : s.start;
          expect(now.has(`${at}:${s.text}`), `${JSON.stringify(s.text)} lost applying ${JSON.stringify(replacement)} to ${JSON.stringify(text)}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  }, timeout(300));
});

describe('fuzz: createAnalyzer reuses work without changing results', () => {
  it('after every edit of a random edit sequence, incremental equals a fresh analyze()', () => {
    fc.assert(
      fc.property(reply, fc.array(edit, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 40 }), (start, edits, cacheSentences) => {
        // A small cache is exercised too: evictions must not change results.
        const analyzer = createAnalyzer(cacheSentences < 20 ? { cacheSentences } : {});
        let text = start;
        expect(analyzer.analyze(text)).toEqual(analyze(text));
        for (const e of edits) {
          text = applyEdit(text, e);
          expect(analyzer.analyze(text), JSON.stringify(text)).toEqual(analyze(text));
        }
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  }, timeout(150));
});

describe('fuzz: analysis is deterministic', () => {
  it('the same text gives the same result twice', () => {
    fc.assert(
      fc.property(reply, (text) => {
        expect(analyze(text)).toEqual(analyze(text));
      }),
      { seed: SEED, numRuns: runs(100) },
    );
  }, timeout(100));
});

if (LONG) console.log(`fuzz: long run, ${LONG} runs per property, seed ${SEED}`);
