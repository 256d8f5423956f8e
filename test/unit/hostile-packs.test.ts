// Regression tests for issue 11's pack-side defects: prototype pollution through capture names
// (1), template slots named after object members (2), the bypassed regex hang guard (3).
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, builtinPack, compilePattern, createAnalyzer, validatePack, type RulePack, type RuleSpec } from '../../src/engine/index';
import { SafeRegex } from '../../src/engine/safe-regex';

function rule(over: Partial<RuleSpec> = {}): RuleSpec {
  return {
    id: 'per-our-policy',
    category: 'blame-shifting',
    severity: 'warning',
    message: 'Say what you can do.',
    patterns: ['per our [<what>policy]'],
    suggestions: [{ template: "here's what I can do about the {what}" }],
    examples: { flags: ['Per our policy, no.', 'It is closed per our policy.'], allows: ['Our policy helps.', 'Per your request.'] },
    ...over,
  };
}
const pack = (rules: RuleSpec[]): RulePack => ({ schemaVersion: 1, name: 'Team', version: '1', rules });

const MEMBERS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'isPrototypeOf', '__defineGetter__'];

function prototypeIsClean() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    ['__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', '__proto__', 'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf'].sort(),
  );
  const probe = {} as Record<string, unknown>;
  for (const k in probe) throw new Error(`Object.prototype has an enumerable ${k}`);
  expect((probe as { length?: unknown }).length).toBeUndefined();
}

afterEach(prototypeIsClean);

describe('item 1: capture names cannot reach Object.prototype', () => {
  it.each(MEMBERS)('a capture named %s is rejected with a message naming the rule', (name) => {
    const result = validatePack(pack([rule({ patterns: [`per our [<${name}>policy]`] })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.path).toBe('rules[0] "per-our-policy" › patterns[0]');
    expect(result.problems[0]!.message).toMatch(/capture name/);
  });

  it('an unvalidated pack with such a capture is refused before it runs, and nothing is polluted', () => {
    for (const name of MEMBERS) {
      expect(() => analyze('Per our policy, refunds take 10 days.', { packs: [pack([rule({ patterns: [`per our [<${name}>policy]`] })])] })).toThrow(/capture name/);
    }
    // validatePack still works for every later caller.
    expect(validatePack(pack([rule()])).ok).toBe(true);
  });

  it('ordinary capture names still work', () => {
    const f = analyze('Per our policy, refunds take 10 days.', { packs: [pack([rule()])] }).findings.find((x) => x.ruleId === 'per-our-policy')!;
    expect(f.suggestions[0]!.replacement).toBe("Here's what I can do about the policy");
  });
});

describe('item 2: template slots named after object members', () => {
  it.each(['{constructor}', '{__proto__}', '{toString|x}', '{hasOwnProperty}', '{valueOf|the rules}'])('%s fills from captures only', (slot) => {
    const p = pack([rule({ suggestions: [{ template: `here's what I can do: ${slot}` }, { template: 'here is what I can do' }] })]);
    const result = analyze('Per our policy, refunds take 10 days.', { packs: [p] });
    const f = result.findings.find((x) => x.ruleId === 'per-our-policy')!;
    const replacements = f.suggestions.map((s) => s.replacement);
    // A slot with a fallback uses it; one without is a missing capture, so that template is left out.
    if (slot.includes('|')) expect(replacements[0]).toBe(`Here's what I can do: ${slot.slice(slot.indexOf('|') + 1, -1)}`);
    else expect(replacements).toEqual(['Here is what I can do']);
    for (const r of replacements) expect(r).not.toMatch(/function|native code|\[object/);
  });
});

describe('item 3: the regex hang guard cannot be bypassed', () => {
  it.each([
    ['sorry /^((a+))+$/', /nested quantifier/],
    ['sorry !/^(a+)+$/', /nested quantifier/],
    ['/^(a+)+$/{1,2}', /nested quantifier/],
    ['[<g>/^(a+)+$/]', /nested quantifier/],
    ['sorry /^(a|a)*$/', /alternatives that can match the same text/],
    ['sorry /^\\w*\\w*\\w*\\w*\\w*\\w*x$/', /two repeats in a row/],
    ['sorry /^\\p{L}+$/', /syntax Tactful does not run/],
  ])('%s is rejected', (pattern, message) => {
    const result = validatePack(pack([rule({ patterns: [pattern] })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.path).toBe('rules[0] "per-our-policy" › patterns[0]');
    expect(result.problems[0]!.message).toMatch(message);
  });

  it('regex terms that pass run in the linear-time matcher, and still match', () => {
    const compiled = compilePattern('sorry /^colou?r$/');
    const terms = compiled.variants[0] as unknown as Array<{ regex?: unknown }>;
    expect(terms[1]!.regex).toBeInstanceOf(SafeRegex);
    const p = pack([rule({ patterns: ['wrong /^colou?r$/'], suggestions: [] })]);
    expect(analyze('You picked the wrong colour.', { packs: [p] }).findings.map((f) => f.ruleId)).toContain('per-our-policy');
    expect(analyze('You picked the wrong size.', { packs: [p] }).findings.map((f) => f.ruleId)).not.toContain('per-our-policy');
  });

  it('even a catastrophic shape that slipped past the checks takes linear time on a 40-character word', () => {
    const t0 = performance.now();
    expect(new SafeRegex('^(a+)+$').test(`${'a'.repeat(40)}!`)).toBe(false);
    expect(new SafeRegex('^(a|a)*$').test(`${'a'.repeat(40)}!`)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(50);
  });
});

describe('item 12: override and validation gaps', () => {
  const withOverrides = (json: string) => JSON.parse(`{"schemaVersion": 1, "name": "Team", "version": "1", "rules": [], "overrides": ${json}}`) as unknown;

  it('override keys "constructor" and "prototype" are kept and applied, "__proto__" is refused', () => {
    const ok = validatePack(withOverrides('{"constructor": {"enabled": false}, "prototype": {"severity": "info"}}'));
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(Object.keys(ok.pack.overrides!)).toEqual(['constructor', 'prototype']);
    expect(ok.pack.overrides!.constructor).toEqual({ enabled: false });
    // A rule really named "constructor" is switched off by it.
    const ctor = rule({ id: 'constructor' });
    const off = validatePack({ ...pack([ctor]), overrides: ok.pack.overrides });
    expect(off.ok).toBe(true);
    if (off.ok) expect(analyze('Per our policy, no.', { packs: [off.pack] }).findings.map((f) => f.ruleId)).not.toContain('constructor');
    const proto = validatePack(withOverrides('{"__proto__": {"locked": true}}'));
    expect(proto.ok ? [] : proto.problems).toEqual([{ path: 'overrides › "__proto__"', message: 'is not a rule id (lower-case words joined by hyphens)' }]);
    const badValue = validatePack(withOverrides('{"as-i-said": {"severity": "loud"}}'));
    expect(badValue.ok ? '' : badValue.problems[0]!.path).toBe('overrides › "as-i-said" › severity');
  });

  it('an override for an id no rule has is reported, not silently accepted', () => {
    const result = validatePack(withOverrides('{"as-i-sayd": {"enabled": false}, "as-i-said": {"severity": "info"}}'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings?.map((w) => w.path)).toEqual(['overrides › "as-i-sayd"']);
    // A rule from another pack the caller knows about is not unknown.
    const known = validatePack(withOverrides('{"team-rule": {"enabled": false}}'), { knownRuleIds: ['team-rule'] });
    expect(known.ok && known.warnings).toBeFalsy();
  });

  it.each(['(unclosed', 'sorry (((', 'sorry )', '[<x>policy', 'per our ]', '/abc', 'sorry {'])('the malformed pattern %j is rejected', (p) => {
    const result = validatePack(pack([rule({ id: 'not-my-department', patterns: [p] })]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe('rules[0] "not-my-department" › patterns[0]');
    // So it cannot replace the built-in rule with one that never fires.
  });

  it('every rule needs two examples of each kind, and its own examples must behave', () => {
    const few = validatePack(pack([rule({ examples: { flags: ['Per our policy, no.'], allows: [] } })]));
    expect(few.ok ? [] : few.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'rules[0] "per-our-policy" › examples › flags: needs at least two replies this rule must flag',
      'rules[0] "per-our-policy" › examples › allows: needs at least two replies this rule must leave alone',
    ]);
    const wrong = validatePack(pack([rule({ examples: { flags: ['Per our policy, no.', 'Refunds take ten days.'], allows: ['Fine.', 'Per our policy it is fine.'] } })]));
    expect(wrong.ok ? [] : wrong.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'rules[0] "per-our-policy" › examples › flags[1]: example 2 is not flagged by this rule: "Refunds take ten days."',
      'rules[0] "per-our-policy" › examples › allows[1]: example 2 is flagged by this rule but should not be: "Per our policy it is fine."',
    ]);
  });
});

describe('item 11: the analyze() options cache', () => {
  const teamPack = pack([rule()]);
  const text = "Per our policy, it ships Monday. Like I told you yesterday, it shipped. That's not my department.";
  const ids = (opts: Parameters<typeof analyze>[1]) => analyze(text, opts).findings.map((f) => f.ruleId);

  it('Set-valued options do not collide: each call gets its own result', () => {
    const a = ids({ disabledRules: new Set(['as-i-said', 'model/defensive']) as unknown as string[] });
    const b = ids({ disabledRules: new Set(['not-my-department']) as unknown as string[] });
    expect(a).toEqual(['not-my-department']);
    expect(b).toContain('as-i-said');
    expect(b).not.toContain('not-my-department');
    expect(ids({ disabledRules: ['as-i-said', 'model/defensive'] })).toEqual(a);
  });

  it('null and circular options work', () => {
    expect(ids(null)).toEqual(['as-i-said', 'not-my-department']);
    const circular: Record<string, unknown> = { tips: false };
    circular.self = circular;
    expect(ids(circular as never)).toEqual(['as-i-said', 'not-my-department']);
  });

  it('different packs (and the same pack) give the right results', () => {
    expect(ids({ packs: [teamPack] })).toEqual(['per-our-policy', 'as-i-said', 'not-my-department']);
    expect(ids({ packs: [pack([rule({ id: 'other-policy' })])] })).toEqual(['other-policy', 'as-i-said', 'not-my-department']);
    expect(ids({ packs: [teamPack] })).toEqual(['per-our-policy', 'as-i-said', 'not-my-department']);
  });

  it('a 2 MB pack is not re-serialised on every call', () => {
    const big = pack([rule({ examples: { flags: Array.from({ length: 2000 }, () => 'Per our policy, no. '.repeat(50)), allows: ['Fine.', 'Ok.'] } })]);
    expect(JSON.stringify(big).length).toBeGreaterThan(2_000_000);
    analyze('Per our policy, no.', { packs: [big] });
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) analyze('Per our policy, no.', { packs: [big] });
    // JSON.stringify alone took about 4 ms per call.
    expect((performance.now() - t0) / 50).toBeLessThan(1.5);
  });
});

describe('item 6: a pack cannot cost seconds per sentence', () => {
  const heavy = `the${' .{0,3} (#Adjective #Noun|#Noun #Verb)'.repeat(6)}`;
  const sentence = `${'We looked at the small parcel and the big box and the old label and the new address on the form '.repeat(5)}today.`.slice(0, 467);

  it('a rule or pack over the cost budget is rejected at validation', () => {
    const one = validatePack(pack([rule({ patterns: Array.from({ length: 100 }, () => heavy) })]));
    expect(one.ok).toBe(false);
    if (!one.ok) {
      expect(one.problems[0]!.path).toBe('rules[0] "per-our-policy" › patterns');
      expect(one.problems[0]!.message).toMatch(/units of matching work per sentence; the limit is 20,000/);
    }
    // Each rule within its limit, together over the pack's.
    const many = validatePack(pack(Array.from({ length: 60 }, (_, i) => rule({ id: `r${i}`, patterns: ['per our policy', heavy, `${heavy} x`, `${heavy} y`, `${heavy} z`] }))));
    expect(many.ok ? '' : many.problems.map((p) => p.path).join()).toBe('rules');
    // The built-in pack is far inside both.
    expect(validatePack(builtinPack).ok).toBe(true);
  });

  it('an unvalidated pack of that shape is cut off per sentence, with a warning naming the skipped rules', () => {
    const evil = pack(Array.from({ length: 100 }, (_, i) => rule({ id: `heavy-${i}`, patterns: Array.from({ length: 100 }, (_, j) => `${heavy} ${'x'.repeat(j % 3)}`.trim()), suggestions: [] })));
    const analyzer = createAnalyzer({ packs: [evil], tips: false });
    const text = `Hi Sam. ${sentence}`;
    const t0 = performance.now();
    const result = analyzer.analyze(text);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000); // was 10 s; the budget is 50 ms, plus the one match call running when it ran out
    expect(result.warnings?.length).toBeGreaterThan(0);
    const w = result.warnings![0]!;
    expect(w.kind).toBe('rule-skipped');
    expect(w.kind === 'rule-skipped' && w.ruleId).toMatch(/^heavy-\d+$/);
    expect(text.slice(w.start, w.end)).toBe(sentence);
    expect(w.message).toMatch(/skipped for this sentence/);
    // Not cached as if complete: the next call tries again and warns again.
    expect(analyzer.analyze(text).warnings?.length).toBeGreaterThan(0);
    // A result with nothing to warn about has no warnings field at all.
    expect('warnings' in analyze('Hi Sam.')).toBe(false);
  });
});
