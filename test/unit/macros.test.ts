import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/engine/index';
import { auditCsv, auditInChunks, auditMacro, detectFormat, parseMacros, sortRows, totals } from '../../src/shared/macros';
import Papa from 'papaparse';

describe('macro parsing', () => {
  it('plain text: blank-line separated, optional title line', () => {
    const p = parseMacros('Refund done:\nI have refunded you.\n\n\n  \nThat is not my department.\r\n\r\n# Shipping\nIt shipped today.');
    expect(p.format).toBe('text');
    expect(p.macros).toEqual([
      { title: 'Refund done', body: 'I have refunded you.' },
      { title: 'That is not my department.', body: 'That is not my department.' },
      { title: 'Shipping', body: 'It shipped today.' },
    ]);
  });

  it('CSV with title/body columns (quoted newlines, commas, BOM, other header names)', () => {
    const csv = '\uFEFFTitle,Body\n"Late order","Sorry, it is late.\nI will check."\nEmpty,\n';
    const p = parseMacros(csv);
    expect(p.format).toBe('csv');
    expect(p.macros).toEqual([{ title: 'Late order', body: 'Sorry, it is late.\nI will check.' }]);
    expect(p.problems.join()).toMatch(/row 3: empty body/);
    expect(parseMacros('name,content\nA,Hello there.', 'x.csv').macros).toEqual([{ title: 'A', body: 'Hello there.' }]);
    expect(parseMacros('foo,bar\n1,2', 'm.csv').problems[0]).toMatch(/no body column/);
  });

  it('JSON: array of {title, body}, wrapped exports, HTML bodies', () => {
    expect(detectFormat(' [ ]')).toBe('json');
    const p = parseMacros(JSON.stringify({ macros: [{ title: 'A', body: '<p>Hi &amp; bye</p><p>Calm down.</p>' }, { title: 'B' }, 7] }));
    expect(p.macros).toEqual([{ title: 'A', body: 'Hi & bye\nCalm down.' }]);
    expect(p.problems).toEqual(['[1]: no "body" text, skipped', '[2]: not an object, skipped']);
    expect(parseMacros('[{"title": "x",').problems[0]).toMatch(/not valid JSON/);
  });
});

describe('macro audit', () => {
  const analyzer = createAnalyzer({ tips: false });

  it('finds per category, suggests a rewrite, totals, sorts and exports CSV', () => {
    const rows = [
      auditMacro({ title: 'Dept', body: "That's not my department. Like I told you yesterday, it shipped." }, 0, analyzer),
      auditMacro({ title: 'Fine', body: 'I have refunded you in full.' }, 1, analyzer),
    ];
    expect(rows[0]!.byCategory['blame-shifting']).toBe(1);
    expect(rows[0]!.byCategory.defensive).toBe(1);
    expect(rows[0]!.rewrite).not.toMatch(/not my department|told you/);
    expect(rows[1]!.total).toBe(0);
    expect(rows[1]!.rewrite).toBeNull();
    expect(totals(rows)['blame-shifting']).toBe(1);
    expect(sortRows(rows, 'total', 'asc').map((r) => r.title)).toEqual(['Fine', 'Dept']);
    expect(sortRows(rows, 'title', 'desc').map((r) => r.title)).toEqual(['Fine', 'Dept']);
    const csv = Papa.parse<Record<string, string>>(auditCsv(rows), { header: true }).data;
    expect(csv[0]).toMatchObject({ title: 'Dept', 'blame-shifting': '1', defensive: '1', total: '2' });
    expect(csv[0]!.rules).toMatch(/not-my-department/);
  });

  it('audits 1,000 macros in chunks with progress', async () => {
    const macros = Array.from({ length: 1000 }, (_, i) => ({ title: `m${i}`, body: i % 2 ? "That's not my department." : 'Thanks, I have sent it.' }));
    const progress: number[] = [];
    let yields = 0;
    const rows = await auditInChunks(macros, analyzer, (done) => progress.push(done), { chunkMs: 2, yieldFn: async () => void yields++ });
    expect(rows).toHaveLength(1000);
    expect(progress.at(-1)).toBe(1000);
    expect(progress.length).toBeGreaterThan(1);
    expect(yields).toBe(progress.length - 1);
    expect(totals(rows)['blame-shifting']).toBe(500);
  });
});
