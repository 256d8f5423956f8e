import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineCol, lineIndex, sanitize } from '../../src/cli/format';

// The CLI as eslint and vale users run it: the package's bin over the built engine.
const BIN = join(__dirname, '../../bin/tactful.js');
const run = (args: string[], input?: string, env: Record<string, string | undefined> = { NO_COLOR: '1' }) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });

const FLAGGED = "Hi Sam,\n\nThanks for waiting.\nThat's not my department.\n";
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tactful-cli-edges-'));
  writeFileSync(join(dir, 'reply.txt'), FLAGGED);
  writeFileSync(join(dir, 'macro.txt'), 'Thanks for your patience while we look into it.');
  writeFileSync(join(dir, 'macros.jsonl'), '\uFEFF{"id":"refund-late","text":"I checked your order today.\\nSorry you feel that way."}\n{"id":null,"text":"Thanks for reaching out!"}\n');
  writeFileSync(join(dir, 'null.jsonl'), '{"id":"a","text":"Thanks."}\nnull\n');
  writeFileSync(join(dir, 'bom-pack.json'), `\uFEFF${JSON.stringify({ schemaVersion: 1, name: 'Team', version: '1', rules: [{ id: 'per-our-policy', category: 'blame-shifting', severity: 'error', message: 'Say what you can do.\u001b[2J', patterns: ['per our policy'], suggestions: [{ template: 'here is what I can do' }], examples: { flags: ['Per our policy, no.', 'No, per our policy.'], allows: ['Our policy is kind.', 'Per your request.'] } }] })}`);
});

describe('tactful check, as eslint and vale users expect', { timeout: 30_000 }, () => {
  it('--format json is an array of {file, findings, tips} with 1-based line and column, also for one file', () => {
    const r = run(['check', '--format', 'json', join(dir, 'reply.txt')]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ line: number; column: number; start: number; end: number }>; tips: unknown[] }>;
    expect(Array.isArray(out)).toBe(true);
    expect(out.map((o) => o.file)).toEqual([join(dir, 'reply.txt')]);
    const f = out[0]!.findings[0]!;
    expect([f.line, f.column]).toEqual([4, 1]);
    expect(FLAGGED.slice(f.start, f.end)).toBe("That's not my department");
    expect(Array.isArray(out[0]!.tips)).toBe(true);
  });

  it('--input jsonl in text mode names each row by its id and line:col; a BOM is no problem; a null id stays null', () => {
    const text = run(['check', '--input', 'jsonl', join(dir, 'macros.jsonl')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('refund-late:2:1');
    expect(text.stdout).not.toContain('<stdin>');
    const json = run(['check', '--input', 'jsonl', '--format', 'json', join(dir, 'macros.jsonl')]);
    const rows = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; findings: Array<{ line: number }> });
    expect(rows.map((r) => r.id)).toEqual(['refund-late', null]);
    expect(rows[0]!.findings[0]!.line).toBe(2);
  });

  it('a jsonl line that is null is one line on stderr and exit 2, not a stack trace', () => {
    const r = run(['check', '--input', 'jsonl', join(dir, 'null.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`tactful: ${join(dir, 'null.jsonl')}:2: each line must be a JSON object like {"id": "m1", "text": "…"}`]);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['check', '--version'], ['-v']]) {
      const r = run(args);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it('an unknown flag gets a short message and the usage line', () => {
    const r = run(['check', '--frobnicate', join(dir, 'reply.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['tactful: unknown option --frobnicate', 'Usage: tactful check [options] [FILE…]']);
  });

  it('one missing file among several: the readable ones are still checked and printed, exit 2', () => {
    const r = run(['check', join(dir, 'nope.txt'), join(dir, 'reply.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope.txt: no such file');
    expect(r.stdout).toContain('reply.txt:4:1');
    const json = run(['check', '--format', 'json', join(dir, 'reply.txt'), join(dir, 'nope.txt')]);
    expect(json.status).toBe(2);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(1);
  });

  it('colours on a terminal only: FORCE-free pipes, NO_COLOR and --no-color print no escapes', () => {
    // spawnSync's stdout is a pipe, so no colour even without NO_COLOR.
    expect(run(['check', join(dir, 'reply.txt')], undefined, {}).stdout).not.toContain('\x1b[');
    const script = `process.stdout.isTTY = true; process.argv.splice(1, 0, ${JSON.stringify(BIN)}); await import(${JSON.stringify(`file://${BIN}`)});`;
    const tty = (args: string[], env: Record<string, string | undefined>) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', script, '--', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, ...env } }).stdout;
    expect(tty(['check', join(dir, 'reply.txt')], {})).toContain('\x1b[33m');
    expect(tty(['check', join(dir, 'reply.txt')], { NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(tty(['check', '--no-color', join(dir, 'reply.txt')], {})).not.toContain('\x1b[');
  });

  it('ANSI escapes in a pack message or a file name never reach the terminal; a pack with a BOM loads', () => {
    const r = run(['check', '--rules', join(dir, 'bom-pack.json')], 'Per our policy, no refunds.');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('per-our-policy');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('\\x1b[2J');
    const name = join(dir, 'bad\u001b[31mname.txt');
    writeFileSync(name, FLAGGED);
    const named = run(['check', name]);
    expect(named.stdout).not.toContain('\u001b');
    expect(named.stdout).toContain('bad\\x1b[31mname.txt:4:1');
  });

  it('greeting and closing tips only for inputs that look like a whole reply', () => {
    const tipsOf = (file: string) =>
      (JSON.parse(run(['check', '--format', 'json', join(dir, file)]).stdout) as Array<{ tips: Array<{ id: string }> }>)[0]!.tips.map((t) => t.id);
    expect(tipsOf('macro.txt')).not.toContain('greeting');
    expect(tipsOf('macro.txt')).not.toContain('closing');
    expect(tipsOf('macro.txt')).toContain('next-step');
    expect(tipsOf('reply.txt')).toContain('closing');
  });
});

describe('lineCol', () => {
  it('is 1-based and counts UTF-16 units', () => {
    expect(lineCol('ab\ncd', 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol('ab\ncd', 4)).toEqual({ line: 2, col: 2 });
    expect(lineCol('😀x\ny', 2)).toEqual({ line: 1, col: 3 });
  });

  it('is linear: 200,000 lines with a lookup per line take well under a second', () => {
    const text = 'word\n'.repeat(200_000);
    const t0 = performance.now();
    const at = lineIndex(text);
    let last = { line: 0, col: 0 };
    for (let i = 0; i < text.length; i += 5) last = at(i);
    expect(last).toEqual({ line: 200_000, col: 1 });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('sanitize shows control characters and keeps newlines', () => {
    expect(sanitize('a\u001b[31mb\nc\td\u009b')).toBe('a\\x1b[31mb\nc\td\\x9b');
  });
});
