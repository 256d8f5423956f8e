import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, parsePack, validatePack } from '../../src/engine/index';

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'per-our-policy',
  category: 'blame-shifting',
  severity: 'warning',
  message: 'Say what you can do.',
  patterns: ['per our policy'],
  suggestions: [{ template: 'here is what I can do' }],
  examples: { flags: ['Per our policy, no.', 'No, per our policy.'], allows: ['Our policy is kind.', 'Per your request.'] },
  ...over,
});
const pack = (rules: unknown[]) => ({ schemaVersion: 1, name: 'Team', version: '1.0.0', rules });

describe('rule packs', () => {
  it('accepts a valid pack and its rules fire', () => {
    const result = validatePack(pack([rule()]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(analyze('Per our policy, no.', { packs: [result.pack] }).findings[0]?.ruleId).toBe('per-our-policy');
  });

  it('names the rule and field of every problem, and loads nothing', () => {
    const result = validatePack(pack([rule(), rule({ id: 'Bad Id', severity: 'loud', patterns: [] })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.problems.map((p) => p.path);
    expect(where).toEqual(expect.arrayContaining(['rules[1] "Bad Id" › id', 'rules[1] "Bad Id" › severity', 'rules[1] "Bad Id" › patterns']));
  });

  it('rejects patterns that could hang or match everything', () => {
    const cases = ['/(a+)+$/', '/(\\w*)*x/', '.*', `(${Array.from({ length: 300 }, (_, i) => `w${i}`).join('|')})`, 'x '.repeat(400)];
    for (const p of cases) {
      const result = validatePack(pack([rule({ patterns: [p] })]));
      expect(result.ok, p.slice(0, 40)).toBe(false);
      if (!result.ok) expect(result.problems[0]!.path).toBe('rules[0] "per-our-policy" › patterns[0]');
    }
  });

  it('rejects duplicate ids, wrong schema versions and broken JSON with clear messages', () => {
    const dup = validatePack(pack([rule(), rule()]));
    expect(dup.ok ? '' : dup.problems[0]!.message).toContain('used by an earlier rule');
    const old = validatePack({ ...pack([rule()]), schemaVersion: 3 });
    expect(old.ok ? '' : old.problems[0]!.path).toBe('schemaVersion');
    const broken = parsePack('{"schemaVersion": 1,');
    expect(broken.ok ? '' : broken.problems[0]!.message).toMatch(/not valid JSON/);
  });

  it('treats a plain phrase with punctuation as literal words', () => {
    const result = validatePack(
      pack([rule({ patterns: ["That's above my pay grade."], examples: { flags: ["That's above my pay grade.", 'Sorry, that is above my pay grade!'], allows: ['My pay is fine.', 'Above all, thanks.'] } })]),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(analyze("Sorry, that's above my pay grade!", { packs: [result.pack] }).findings.map((f) => f.ruleId)).toContain('per-our-policy');
  });
});

describe('the README', () => {
  it('shows a team pack (format 2, with an edit) that validates as written', () => {
    const md = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /## Adding a rule[\s\S]*?```json\n([\s\S]*?)```/.exec(md)?.[1];
    expect(block).toBeTruthy();
    const r = validatePack(JSON.parse(block!));
    expect(r.ok ? r.pack.edits?.map((e) => e.id) : r.problems).toEqual(['recap-not-repeat']);
  });
});
