/** @jsxImportSource preact */
/** Local stats: 30-day chart (SVG) and totals per category; JSON export. Counts only, never text. */
import { useMemo } from 'preact/hooks';
import { CATEGORIES } from '../engine/types';
import { CATEGORY_LABELS } from '../shared/packs';
import { lastDays, STAT_EVENTS, type Counts } from '../shared/stats';
import { download, type Snapshot } from './store';

const W = 720;
const H = 180;
const PAD = 28;

export function StatsView({ snap }: { snap: Snapshot }) {
  const days = useMemo(() => lastDays(snap.stats, new Date(), 30), [snap.stats]);
  const max = Math.max(1, ...days.map((d) => d.totals.shown));
  const bw = (W - PAD * 2) / days.length;
  const y = (n: number) => H - PAD - (n / max) * (H - PAD * 2);
  const byCat = useMemo(() => {
    const out = Object.fromEntries(CATEGORIES.map((c) => [c, { shown: 0, applied: 0, dismissed: 0, ignored: 0 } as Counts]));
    for (const d of days) for (const c of CATEGORIES) for (const e of STAT_EVENTS) out[c]![e] += d.byCategory[c]?.[e] ?? 0;
    return out;
  }, [days]);
  const total = days.reduce((a, d) => a + d.totals.shown, 0);

  return (
    <section aria-labelledby="stats-h">
      <h2 id="stats-h">Stats (last 30 days)</h2>
      <p class="sub">Counts only, kept in this browser: how many nudges were shown (each finding once per reply, however often its card is opened) and what happened to them. No reply text is ever stored.</p>
      <figure>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title" class="chart" data-testid="stats-chart">
          <title id="chart-title">{`Nudges shown per day over 30 days: ${total} in total`}</title>
          <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} class="axis" />
          <text x={PAD} y={PAD - 10} class="tick">{max}</text>
          {days.map((d, i) => (
            <g key={d.day}>
              <rect x={PAD + i * bw + 1} y={y(d.totals.shown)} width={Math.max(1, bw - 2)} height={H - PAD - y(d.totals.shown)} class="bar-shown">
                <title>{`${d.day}: ${d.totals.shown} shown, ${d.totals.applied} applied, ${d.totals.dismissed} dismissed, ${d.totals.ignored} ignored`}</title>
              </rect>
              <rect x={PAD + i * bw + 1} y={y(d.totals.applied)} width={Math.max(1, bw - 2)} height={H - PAD - y(d.totals.applied)} class="bar-applied" />
              {(days.length - 1 - i) % 7 === 0 ? <text x={PAD + i * bw} y={H - 8} class="tick">{d.day.slice(5)}</text> : null}
            </g>
          ))}
        </svg>
        <figcaption><span class="key shown" /> shown <span class="key applied" /> rewrite applied</figcaption>
      </figure>
      <div class="table-wrap">
        <table data-testid="stats-table">
          <thead>
            <tr><th scope="col">Category</th>{STAT_EVENTS.map((e) => <th key={e} scope="col" class="num">{e}</th>)}</tr>
          </thead>
          <tbody>
            {CATEGORIES.map((c) => (
              <tr key={c} data-category={c}>
                <th scope="row">{CATEGORY_LABELS[c]}</th>
                {STAT_EVENTS.map((e) => <td key={e} class="num" data-event={e}>{byCat[c]![e]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={() => download('tactful-stats.json', `${JSON.stringify(snap.stats, null, 2)}\n`, 'application/json')}>Export stats JSON</button>
    </section>
  );
}
