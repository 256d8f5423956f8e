/** @jsxImportSource preact */
/** Rules list (built-in, team, custom) with search and filters, switches, severity, and the rule editor. */
import { useMemo, useState } from 'preact/hooks';
import { CATEGORIES, SEVERITIES, type Category, type RuleSpec, type Severity } from '../engine/types';
import { CATEGORY_LABELS, type RuleRow } from '../shared/packs';
import { RuleEditor } from './editor';
import { SeverityHelp } from './severity-help';
import { savePersonal, updateSettings, type Snapshot } from './store';

const SOURCE_LABEL = { builtin: 'Built-in', team: 'Team', custom: 'Custom' } as const;

export function RulesView({ snap }: { snap: Snapshot }) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [editing, setEditing] = useState<{ rule: RuleSpec | null; isNew: boolean } | null>(null);
  const [status, setStatus] = useState('');

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return snap.rows.filter(
      (r) =>
        (!category || r.rule.category === category) &&
        (!severity || r.severity === severity) &&
        (!q ||
          r.rule.id.includes(q) ||
          r.rule.message.toLowerCase().includes(q) ||
          r.rule.patterns.some((p) => p.toLowerCase().includes(q)) ||
          r.rule.examples.flags.some((p) => p.toLowerCase().includes(q))),
    );
  }, [snap.rows, query, category, severity]);

  const setEnabled = async (row: RuleRow, on: boolean) => {
    const personal = structuredClone(snap.personal);
    const o = { ...(personal.overrides[row.rule.id] ?? {}) };
    delete o.enabled;
    const saved = await updateSettings((s) => {
      s.disabledRules = s.disabledRules.filter((id) => id !== row.rule.id);
      if (!on) s.disabledRules.push(row.rule.id);
    });
    if (!saved.ok) return setStatus(`${row.rule.id} was not turned ${on ? 'on' : 'off'}. ${saved.message}`);
    // A rule that is off by default (or off in the team pack) needs an explicit personal "on".
    const offByDefault = row.rule.enabled === false || snap.policy.teamPack?.overrides?.[row.rule.id]?.enabled === false;
    if (on && offByDefault) o.enabled = true;
    if (Object.keys(o).length) personal.overrides[row.rule.id] = o;
    else delete personal.overrides[row.rule.id];
    const both = await savePersonal(personal);
    setStatus(both.ok ? `${row.rule.id} turned ${on ? 'on' : 'off'}.` : both.message);
  };

  const setSeverity_ = async (row: RuleRow, sev: Severity) => {
    const personal = structuredClone(snap.personal);
    personal.overrides[row.rule.id] = { ...(personal.overrides[row.rule.id] ?? {}), severity: sev };
    const saved = await savePersonal(personal);
    setStatus(saved.ok ? `${row.rule.id} is now ${sev}.` : `${row.rule.id} is still ${row.severity}. ${saved.message}`);
  };

  const remove = async (row: RuleRow) => {
    const personal = structuredClone(snap.personal);
    personal.rules = personal.rules.filter((r) => r.id !== row.rule.id);
    const saved = await savePersonal(personal);
    setStatus(saved.ok ? `Custom rule ${row.rule.id} deleted.` : saved.message);
  };

  const save = async (rule: RuleSpec, previousId: string | null) => {
    const personal = structuredClone(snap.personal);
    const list = personal.rules.filter((r) => r.id !== previousId && r.id !== rule.id);
    const at = previousId ? snap.personal.rules.findIndex((r) => r.id === previousId) : -1;
    if (at >= 0) list.splice(Math.min(at, list.length), 0, rule);
    else list.push(rule);
    personal.rules = list;
    // Not saved: the editor stays open with the rule as typed (the page shows why).
    if (!(await savePersonal(personal)).ok) return;
    setEditing(null);
    setStatus(`Rule ${rule.id} saved. It applies in reply boxes right away.`);
  };

  if (editing) {
    return (
      <RuleEditor
        initial={editing.rule}
        isNew={editing.isNew}
        locked={new Set(snap.effective.locked)}
        customIds={new Set(snap.personal.rules.map((r) => r.id))}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
    );
  }

  return (
    <section aria-labelledby="rules-h">
      <div class="row-head">
        <h2 id="rules-h">Rules</h2>
        <button type="button" class="primary" data-testid="new-rule" onClick={() => setEditing({ rule: null, isNew: true })}>
          New rule
        </button>
      </div>
      {snap.personal.quarantine.length ? <Quarantine snap={snap} /> : null}
      <div class="filters">
        <label>
          Search
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="id, message, pattern or example" data-testid="rule-search" />
        </label>
        <label>
          Category
          <select value={category} onChange={(e) => setCategory(e.currentTarget.value as Category | '')}>
            <option value="">All</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
          </select>
        </label>
        <label>
          Severity
          <select value={severity} onChange={(e) => setSeverity(e.currentTarget.value as Severity | '')}>
            <option value="">All</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      </div>
      <SeverityHelp />
      <p class="status" role="status" aria-live="polite">{status || `${rows.length} of ${snap.rows.length} rules`}</p>
      <div class="table-wrap sticky-head">
        <table class="rules" data-testid="rules-table">
          <thead>
            <tr>
              <th scope="col">On</th>
              <th scope="col">Rule</th>
              <th scope="col">Category</th>
              <th scope="col">Severity</th>
              <th scope="col">Source</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.rule.id} data-rule={row.rule.id} data-locked={row.locked ? 'true' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    checked={row.enabled}
                    disabled={row.locked}
                    aria-label={`${row.rule.id} on`}
                    onChange={(e) => void setEnabled(row, e.currentTarget.checked)}
                  />
                </td>
                <th scope="row">
                  <span class="rule-id">{row.rule.id}</span>
                  {row.locked ? <span class="badge locked" data-testid="locked-badge" title="Locked by your organisation">🔒 Locked</span> : null}
                  <span class="rule-msg">{row.rule.message}</span>
                </th>
                <td><span class={`cat cat-${row.rule.category}`}>{CATEGORY_LABELS[row.rule.category]}</span></td>
                <td>
                  <select value={row.severity} disabled={row.locked} aria-label={`${row.rule.id} severity`} onChange={(e) => void setSeverity_(row, e.currentTarget.value as Severity)}>
                    {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
                  </select>
                </td>
                <td>
                  <span class={`badge src-${row.source}`}>{SOURCE_LABEL[row.source]}</span>
                  {row.replaces ? <span class="replaces"> (replaces {SOURCE_LABEL[row.replaces].toLowerCase()})</span> : null}
                </td>
                <td class="actions">
                  {row.locked ? null : row.source === 'custom' ? (
                    <>
                      <button type="button" onClick={() => setEditing({ rule: row.rule, isNew: false })} aria-label={`Edit ${row.rule.id}`}>Edit</button>
                      <button type="button" onClick={() => void remove(row)} aria-label={`Delete ${row.rule.id}`}>Delete</button>
                    </>
                  ) : (
                    <button type="button" onClick={() => setEditing({ rule: row.rule, isNew: true })} aria-label={`Customize ${row.rule.id}`} title="Make your own copy of this rule (same id, replaces it)">
                      Customize
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Quarantine({ snap }: { snap: Snapshot }) {
  const drop = async (i: number) => {
    const personal = structuredClone(snap.personal);
    personal.quarantine.splice(i, 1);
    await savePersonal(personal);
  };
  return (
    <div class="problems" role="alert" data-testid="quarantine">
      <p>Some stored rules could not be read and are set aside (not in use) until you fix or delete them:</p>
      <ul>
        {snap.personal.quarantine.map((q, i) => (
          <li key={i}>
            <code>{typeof q.rule === 'object' && q.rule && 'id' in q.rule ? String((q.rule as { id: unknown }).id) : `item ${i + 1}`}</code>: {q.problems.join('; ')}{' '}
            <button type="button" onClick={() => void drop(i)}>Delete</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
