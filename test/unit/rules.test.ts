import { describe, expect, it } from 'vitest';
import { builtinPack, builtinRules, compilePattern, validatePack } from '../../src/engine/index';
import { applyFix, findingsOf } from './helpers';

describe('built-in rule pack', () => {
  it('is a valid pack', () => {
    const result = validatePack(builtinPack);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('covers every category with unique ids', () => {
    const ids = builtinRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(builtinRules.map((r) => r.category)).size).toBe(5);
  });
});

describe.each(builtinRules.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('has at least two examples that must fire and two that must not', () => {
    expect(rule.examples.flags.length).toBeGreaterThanOrEqual(2);
    expect(rule.examples.allows.length).toBeGreaterThanOrEqual(2);
  });

  it.each(rule.examples.flags)('flags %j', (example) => {
    const hits = findingsOf(example).filter((f) => f.ruleId === id);
    expect(hits.length, `rule ${id} should fire`).toBeGreaterThan(0);
    for (const f of hits) expect(f.text).toBe(example.slice(f.start, f.end));
  });

  it.each(rule.examples.allows)('allows %j', (example) => {
    expect(findingsOf(example).filter((f) => f.ruleId === id)).toEqual([]);
  });

  it.each(rule.examples.flags)('offers a rewrite for %j that is not itself flagged', (example) => {
    const finding = findingsOf(example).find((f) => f.ruleId === id)!;
    expect(finding.suggestions.length, 'at least one suggestion').toBeGreaterThan(0);
    for (const s of finding.suggestions) {
      const fixed = applyFix(example, finding, s.replacement);
      const end = finding.start + s.replacement.length;
      // The placeholder a rewrite leaves for the agent to fill is flagged on purpose (placeholders.ts).
      const overlapping = findingsOf(fixed).filter(
        (f) => f.start < end && finding.start < f.end && f.ruleId !== 'unfilled-placeholder',
      );
      expect(overlapping.map((f) => `${f.ruleId}: ${f.text}`), `rewrite "${fixed}"`).toEqual([]);
      // Case and end punctuation follow the original.
      expect(fixed.charAt(0)).toBe(fixed.charAt(0).toUpperCase());
      expect(/[.!?]$/.test(fixed)).toBe(/[.!?]$/.test(example));
    }
  });
});

describe('rule prefilter', () => {
  it('every built-in pattern names words a sentence must contain, so most sentences skip the tagger', () => {
    const unfiltered = builtinRules.flatMap((r) =>
      r.patterns.filter((p) => compilePattern(p).required.length === 0).map((p) => `${r.id}: ${p}`),
    );
    expect(unfiltered).toEqual([]);
  });
});

describe('pattern compilation', () => {
  it('expands a multi-word choice after a wildcard, which compromise alone never matches', () => {
    const p = compilePattern('will .{0,6} (soon|when possible)');
    expect(p.variants.length).toBe(2);
    expect(findingsOf("We'll get back to you when possible.").map((f) => f.category)).toContain('vague-commitment');
  });
});
