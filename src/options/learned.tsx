/** @jsxImportSource preact */
/**
 * The learned checks (one per category, trained from the project's labeled data):
 * a team lead turns each on or off and sets how readily it flags; locked by policy
 * shows as locked, as for rules.
 */
import { useState } from 'preact/hooks';
import { SENSITIVITIES, type Sensitivity } from '../engine/types';
import { CATEGORY_LABELS, type LearnedRow } from '../shared/packs';
import { savePersonal, updateSettings, type Snapshot } from './store';

const SENSITIVITY_HELP: Record<Sensitivity, string> = {
  low: 'only when very sure',
  normal: 'balanced (default)',
  high: 'catches more, more false alarms',
};

export function LearnedChecksView({ snap, rows }: { snap: Snapshot; rows: LearnedRow[] }) {
  const [status, setStatus] = useState('');

  const setEnabled = async (row: LearnedRow, on: boolean) => {
    const saved = await updateSettings((s) => {
      s.disabledRules = s.disabledRules.filter((id) => id !== row.id);
      if (!on) s.disabledRules.push(row.id);
    });
    setStatus(saved.ok ? `${row.id} turned ${on ? 'on' : 'off'}.` : `${row.id} was not turned ${on ? 'on' : 'off'}. ${saved.message}`);
  };

  const setSensitivity = async (row: LearnedRow, sensitivity: Sensitivity) => {
    const personal = structuredClone(snap.personal);
    personal.overrides[row.id] = { ...(personal.overrides[row.id] ?? {}), sensitivity };
    const saved = await savePersonal(personal);
    setStatus(saved.ok ? `${row.id} sensitivity is now ${sensitivity}.` : `${row.id} sensitivity is still ${row.sensitivity}. ${saved.message}`);
  };

  return (
    <section aria-labelledby="learned-h" data-testid="learned-checks">
      <h3 id="learned-h">Learned checks</h3>
      <p class="sub">
        Besides the rules, a small model trained on labeled support replies catches phrasing no rule names. Its findings show as
        <code> model/…</code> and explain which words weighed most. It runs in this browser like the rules.
      </p>
      <table class="rules">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Category</th>
            <th scope="col">On</th>
            <th scope="col">Sensitivity</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-rule={row.id}>
              <td>
                <code>{row.id}</code> {row.locked ? <span title="Locked by your organisation" aria-label="locked">🔒</span> : null}
                <p class="msg">{row.message}</p>
              </td>
              <td>{CATEGORY_LABELS[row.category]}</td>
              <td>
                <input
                  type="checkbox"
                  checked={row.enabled}
                  disabled={row.locked}
                  aria-label={`${row.id} on`}
                  onChange={(e) => void setEnabled(row, e.currentTarget.checked)}
                />
              </td>
              <td>
                <select value={row.sensitivity} disabled={row.locked} aria-label={`${row.id} sensitivity`} onChange={(e) => void setSensitivity(row, e.currentTarget.value as Sensitivity)}>
                  {SENSITIVITIES.map((s) => (
                    <option key={s} value={s}>
                      {s} — {SENSITIVITY_HELP[s]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" aria-live="polite" data-testid="learned-status">{status}</p>
    </section>
  );
}
