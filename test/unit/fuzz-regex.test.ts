// The linear-time matcher for /regex/ terms (src/engine/safe-regex.ts) must answer exactly as
// RegExp.test does on every pattern it accepts: differential fuzzing against V8 on short
// words (short, so V8's backtracking stays quick even on the shapes that hang it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SafeRegex } from '../../src/engine/safe-regex';
import { runs, SEED, timeout } from './fuzz-arbitraries';

const atom = fc.constantFrom('a', 'b', 'c', '.', '\\d', '\\w', '\\s', '\\W', '[ab]', '[^a]', '[a-c]', '[\\d_]', '\\.', '-', '\\b', '\\B', '^', '$');
const quant = fc.constantFrom('', '', '', '*', '+', '?', '{2}', '{1,2}', '{0,3}', '{2,}', '*?', '+?');
const regexArb: fc.Arbitrary<string> = fc.letrec<{ re: string; seq: string; term: string }>((tie) => ({
  term: fc.oneof(
    { weight: 4, arbitrary: fc.tuple(atom, quant).map(([a, q]) => (/^[\^$]|\\[bB]$/.test(a) ? a : a + q)) },
    { weight: 1, arbitrary: fc.tuple(tie('re'), fc.constantFrom('(', '(?:'), quant).map(([r, open, q]) => `${open}${r})${q}`) },
  ),
  seq: fc.array(tie('term'), { minLength: 1, maxLength: 4 }).map((t) => t.join('')),
  re: fc.oneof({ weight: 3, arbitrary: tie('seq') }, { weight: 1, arbitrary: fc.tuple(tie('seq'), tie('seq')).map(([a, b]) => `${a}|${b}`) }),
})).re;
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', '_', ' ', '.', '-', '\n', 'é'), maxLength: 10 });

describe('fuzz: SafeRegex agrees with RegExp', () => {
  it('same test() answer on random patterns and words', () => {
    fc.assert(
      fc.property(regexArb, fc.array(word, { minLength: 1, maxLength: 8 }), (source, words) => {
        const safe = new SafeRegex(source);
        const native = new RegExp(source);
        for (const w of words) expect(safe.test(w), `/${source}/ on ${JSON.stringify(w)}`).toBe(native.test(w));
      }),
      { seed: SEED, numRuns: runs(600) },
    );
  }, timeout(600));

  it('stays linear on the shapes that hang a backtracking engine', () => {
    for (const source of ['^(a+)+$', '^((a+))+$', '^(a|a)*$', '^(a|aa)+$', '^\\w*\\w*\\w*\\w*\\w*\\w*x$', '^(.*a){12}$']) {
      const t0 = performance.now();
      expect(new SafeRegex(source).test(`${'a'.repeat(5000)}!`)).toBe(false);
      expect(performance.now() - t0, source).toBeLessThan(500);
    }
  });
});
