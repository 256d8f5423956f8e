import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The CLI as users run it: the package's bin over the built engine (npm test builds first).
const BIN = join(__dirname, '../../bin/tactful.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tactful-cli-'));
  writeFileSync(join(dir, 'reply.txt'), "Hi Sam,\n\nThanks for waiting.\nThat's not my department.\nHave a good day.\n");
  writeFileSync(join(dir, 'clean.txt'), "Hi Sam,\n\nThanks for your patience. I'm sorry we sent the wrong size; the right one arrives Friday by noon.\n\nLet me know if there's anything else I can do.\n");
  writeFileSync(join(dir, 'macros.jsonl'), '{"id":"m1","text":"Sorry you feel that way."}\n{"id":"m2","text":"Thanks for reaching out!"}\n');
  writeFileSync(join(dir, 'bad-pack.json'), JSON.stringify({ schemaVersion: 1, name: 'Team', version: '1', rules: [{ id: 'x', category: 'rudeness', severity: 'warning', message: 'm', patterns: ['/(a+)+$/'], suggestions: [], examples: { flags: [], allows: [] } }] }));
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ schemaVersion: 1, name: 'Team', version: '1', rules: [{ id: 'per-our-policy', category: 'blame-shifting', severity: 'error', message: 'Say what you can do.', patterns: ['per our policy'], suggestions: [{ template: 'here is what I can do' }], examples: { flags: ['Per our policy, no.', 'No, per our policy.'], allows: ['Our policy is kind.', 'Per your request.'] } }] }));
});

describe('tactful check', { timeout: 30_000 }, () => {
  it('prints file:line:col, category, reason and the best rewrite', () => {
    const r = run(['check', join(dir, 'reply.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('reply.txt:4:1');
    expect(r.stdout).toContain('blame-shifting');
    // The reply types straight apostrophes, so the rewrite does too.
    expect(r.stdout).toMatch(/try: .*(?:I'll|Let me).* update you by \[time\]/);
  });

  it('reads standard input and says so when nothing is found', () => {
    const r = run(['check'], "Thanks for your patience, I've refunded it today.");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No tone issues found');
  });

  it('emits JSON with the engine contract', () => {
    const r = run(['check', '--format', 'json', '--no-tips', join(dir, 'reply.txt')]);
    const [out] = JSON.parse(r.stdout) as Array<{ findings: Array<{ ruleId: string; start: number; end: number; text: string }> }>;
    expect(out!.findings.map((f) => f.ruleId)).toEqual(['not-my-department']);
    expect(out!.findings[0]!.text).toBe("That's not my department");
  });

  it('reads and writes JSON lines by id', () => {
    const r = run(['check', '--input', 'jsonl', '--format', 'json', join(dir, 'macros.jsonl')]);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; findings: Array<{ category: string }> });
    expect(lines.map((l) => l.id)).toEqual(['m1', 'm2']);
    expect(lines[0]!.findings.map((f) => f.category)).toEqual(['non-apology']);
    expect(lines[1]!.findings).toEqual([]);
  });

  it('--fail-on exits 1 only for findings at or above the severity', () => {
    expect(run(['check', '--fail-on', 'warning', join(dir, 'reply.txt')]).status).toBe(1);
    expect(run(['check', '--fail-on', 'error', join(dir, 'reply.txt')]).status).toBe(0);
    expect(run(['check', '--fail-on', 'info', join(dir, 'clean.txt')]).status).toBe(0);
  });

  it('adds a team pack with --rules', () => {
    const r = run(['check', '--rules', join(dir, 'pack.json'), '--fail-on', 'error'], 'Per our policy, no refunds.');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('per-our-policy');
  });

  it('rejects a bad pack naming the rule and field, and an unreadable file, with exit 2', () => {
    const bad = run(['check', '--rules', join(dir, 'bad-pack.json')], 'hello');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('rules[0] "x" › category');
    const missing = run(['check', join(dir, 'nope.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect(run(['check', '--format', 'xml'], 'x').status).toBe(2);
  });
});
