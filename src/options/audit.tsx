/** @jsxImportSource preact */
/** Macro audit: paste or import canned responses, audit them in chunks with progress, sort, export CSV. */
import { useMemo, useRef, useState } from 'preact/hooks';
import { createAnalyzer } from '../engine/index';
import { CATEGORIES } from '../engine/types';
import { auditCsv, auditInChunks, parseMacros, sortRows, totals, type AuditRow, type SortKey } from '../shared/macros';
import { CATEGORY_LABELS } from '../shared/packs';
import { download, type Snapshot } from './store';

const PAGE = 100;

export function AuditView({ snap }: { snap: Snapshot }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'index', dir: 'asc' });
  const [shown, setShown] = useState(PAGE);
  const abort = useRef<AbortController | null>(null);

  const analyzer = useMemo(() => createAnalyzer({ packs: snap.effective.packs, disabledRules: snap.effective.disabledRules, tips: false }), [snap.effective]);

  const run = async (input: string, name?: string) => {
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    const parsed = parseMacros(input, name);
    setProblems(parsed.problems);
    setRows(null);
    setShown(PAGE);
    if (!parsed.macros.length) {
      setProblems(parsed.problems.length ? parsed.problems : ['No macros found: separate them with a blank line, or use CSV (title, body) or JSON.']);
      setProgress(null);
      return;
    }
    setProgress({ done: 0, total: parsed.macros.length });
    const result = await auditInChunks(parsed.macros, analyzer, (done, total) => setProgress({ done, total }), { signal: ctrl.signal });
    if (!ctrl.signal.aborted) setRows(result);
  };

  const readFile = async (f: File) => {
    const t = await f.text();
    setFileName(f.name);
    setText(t.length > 200_000 ? '' : t);
    await run(t, f.name);
  };

  const sorted = useMemo(() => (rows ? sortRows(rows, sort.key, sort.dir) : []), [rows, sort]);
  const sum = useMemo(() => (rows ? totals(rows) : null), [rows]);
  const flagged = rows?.filter((r) => r.total > 0).length ?? 0;

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" class="sort" onClick={() => setSort({ key, dir: active && sort.dir === 'desc' ? 'asc' : active ? 'desc' : key === 'title' || key === 'index' ? 'asc' : 'desc' })}>
          {label} <span aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <section aria-labelledby="audit-h">
      <h2 id="audit-h">Macro audit</h2>
      <p class="sub">Check your canned responses with the rules in force. Paste macros separated by a blank line, or import a CSV (title and body columns) or a JSON export (<code>[{'{'}"title", "body"{'}'}]</code>).</p>
      <label>
        Macros
        <textarea data-testid="audit-input" rows={6} value={text} onInput={(e) => { setText(e.currentTarget.value); setFileName(undefined); }} />
      </label>
      <div
        class="buttons dropzone-inline"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const f = e.dataTransfer?.files[0];
          if (f) void readFile(f);
        }}
      >
        <button type="button" class="primary" data-testid="audit-run" onClick={() => void run(text, fileName)} disabled={!text.trim()}>Audit</button>
        <label class="file-pick">
          Import a file (.txt, .csv, .json)
          <input type="file" accept=".txt,.csv,.json,text/plain,text/csv,application/json" data-testid="audit-file" onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void readFile(f);
            e.currentTarget.value = '';
          }} />
        </label>
        {rows ? <button type="button" data-testid="audit-export" onClick={() => download('macro-audit.csv', auditCsv(sorted), 'text/csv')}>Export CSV</button> : null}
      </div>
      {progress && !rows ? (
        <p>
          <label>
            Auditing {progress.done} of {progress.total}…{' '}
            <progress max={progress.total} value={progress.done} data-testid="audit-progress" />
          </label>
        </p>
      ) : null}
      {problems.length ? (
        <ul class="problems" role="alert">{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
      ) : null}
      {rows && sum ? (
        <>
          <p role="status" data-testid="audit-summary">
            {rows.length} macros audited, {flagged} with findings.
          </p>
          <div class="table-wrap">
            <table class="audit" data-testid="audit-table">
              <thead>
                <tr>
                  {header('index', '#')}
                  {header('title', 'Macro')}
                  {CATEGORIES.map((c) => header(c, CATEGORY_LABELS[c]))}
                  {header('total', 'Total')}
                  <th scope="col">Suggested rewrite</th>
                </tr>
              </thead>
              <tbody>
                {sorted.slice(0, shown).map((r) => (
                  <tr key={r.index}>
                    <td>{r.index + 1}</td>
                    <th scope="row">
                      <span class="macro-title">{r.title}</span>
                      {r.findings.length ? <span class="rule-msg">{[...new Set(r.findings.map((f) => f.ruleId))].join(', ')}</span> : null}
                    </th>
                    {CATEGORIES.map((c) => <td key={c} class={r.byCategory[c] ? 'num hit' : 'num'}>{r.byCategory[c]}</td>)}
                    <td class="num">{r.total}</td>
                    <td class="rewrite">{r.rewrite ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="audit-totals">
                  <td />
                  <th scope="row">Total</th>
                  {CATEGORIES.map((c) => <td key={c} class="num" data-category={c}>{sum[c]}</td>)}
                  <td class="num">{CATEGORIES.reduce((a, c) => a + sum[c], 0)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          {shown < sorted.length ? (
            <button type="button" onClick={() => setShown(shown + PAGE)}>Show {Math.min(PAGE, sorted.length - shown)} more of {sorted.length - shown}</button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
