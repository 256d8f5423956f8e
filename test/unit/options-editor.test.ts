import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkRule, phraseToPattern, toRule } from '../../src/options/editor';
import { segments } from '../../src/options/sandbox';
import { analyze } from '../../src/engine/index';

const form = {
  id: 'per-our-policy',
  category: 'blame-shifting' as const,
  severity: 'warning' as const,
  message: 'Quoting policy tells the customer you will not try.',
  mode: 'phrase' as const,
  patterns: 'Per our policy!\n\n',
  exceptions: '',
  rewrites: "here's what I can do: [option]",
  flags: 'Per our policy, refunds take 10 days.\nI cannot, per our policy.',
  allows: 'Our policy allows a refund.\nCould you tell me what our policy said?',
};
const none = { locked: new Set<string>(), takenIds: new Set<string>() };

describe('rule editor logic', () => {
  it('plain phrases become literal patterns; blank lines are dropped', () => {
    expect(phraseToPattern('Per (our) policy!')).toBe('per our policy');
    const rule = toRule(form, null);
    expect(rule.patterns).toEqual(['per our policy']);
    expect(rule.exceptions).toBeUndefined();
    expect(rule.suggestions).toEqual([{ template: "here's what I can do: [option]" }]);
  });

  it('a valid rule whose examples behave passes; each problem lands on its field', () => {
    expect(checkRule(toRule(form, null), none)).toMatchObject({ ok: true, results: { flags: [true, true], allows: [true, true] } });
    const bad = checkRule(toRule({ ...form, id: 'Bad Id', mode: 'pattern', patterns: '(unclosed', message: ' ' }, null), none);
    expect(bad.ok).toBe(false);
    expect(bad.problems.id?.[0]).toMatch(/lower-case/);
    expect(bad.problems.message?.[0]).toMatch(/empty/);
    const pat = checkRule(toRule({ ...form, mode: 'pattern', patterns: '/(a+)+b/' }, null), none);
    expect(pat.problems.patterns?.[0]).toMatch(/patterns\[0\]: .*nested quantifier/);
  });

  it('examples are run through the engine; locked and taken ids are refused', () => {
    const r = checkRule(toRule({ ...form, flags: 'Per our policy, no.\nRefunds take ten days.', allows: 'Per our policy again.\nFine.' }, null), none);
    expect(r.results).toEqual({ flags: [true, false], allows: [false, true] });
    expect(r.problems.flags?.[0]).toMatch(/example 2 is not flagged/);
    expect(r.problems.allows?.[0]).toMatch(/flagged but should not be/);
    expect(checkRule(toRule(form, null), { locked: new Set(['per-our-policy']), takenIds: new Set() }).problems.id?.[0]).toMatch(/locked/);
    expect(checkRule(toRule(form, null), { locked: new Set(), takenIds: new Set(['per-our-policy']) }).problems.id?.[0]).toMatch(/already uses/);
    expect(checkRule(toRule({ ...form, allows: '' }, null), none).problems.allows?.[0]).toMatch(/at least two/);
    // Each example problem is listed once (validation runs the examples too).
    expect(r.problems.flags).toHaveLength(1);
  });

  it('sandbox segments cover the text exactly, flagged spans separate', () => {
    const text = "Hi. That's not my department. Like I told you yesterday, it shipped.";
    const segs = segments(text, analyze(text).findings);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.f).length).toBe(analyze(text).findings.length);
  });

  it('the options page never writes HTML from strings', () => {
    const dir = resolve(import.meta.dirname, '../../src/options');
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});

describe('customizing a built-in rule', () => {
  it('every built-in rule round-trips through the editor form unchanged and validates', async () => {
    const { builtinRules } = await import('../../src/engine/index');
    const { toForm } = await import('../../src/options/editor');
    for (const rule of builtinRules) {
      const back = toRule(toForm(rule), rule);
      const { enabled: _e, ...expected } = rule;
      expect(back, rule.id).toEqual({ ...expected, suggestions: rule.suggestions.map((x) => ({ template: x.template })) });
      // Validation passes (examples are the rules corpus tests' business; here: the form loses nothing).
      const c = checkRule(back, none);
      expect(Object.keys(c.problems).filter((k) => k !== 'flags' && k !== 'allows'), rule.id).toEqual([]);
      expect(c.results.flags.length, rule.id).toBe(rule.examples.flags.length);
    }
  });
});
