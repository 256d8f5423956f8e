/** @jsxImportSource preact */
/** Options page: rules, sandbox, packs, macro audit, ignored phrases, stats, behaviour, sites. Preact; text only via text nodes. */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSnapshot, onStorageChange, onWriteResult, type Snapshot } from './store';
import { RulesView } from './rules';
import { LearnedChecksView } from './learned';
import { SandboxView } from './sandbox';
import { PacksView } from './packs-view';
import { AuditView } from './audit';
import { StatsView } from './stats-view';
import { SitesView } from './sites';
import { BehaviourView } from './behaviour';
import { IgnoredView } from './ignored-view';
import { keepHeadersBelow } from './sticky-below';

const TABS = [
  { id: 'rules', label: 'Rules' },
  { id: 'sandbox', label: 'Sandbox' },
  { id: 'packs', label: 'Import & export' },
  { id: 'audit', label: 'Macro audit' },
  { id: 'ignored', label: 'Ignored phrases' },
  { id: 'stats', label: 'Stats' },
  { id: 'behaviour', label: 'Behaviour' },
  { id: 'sites', label: 'Sites' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function initialTab(): TabId {
  const h = location.hash.slice(1);
  return (TABS.find((t) => t.id === h)?.id ?? 'rules') as TabId;
}

function App() {
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [tab, setTab] = useState<TabId>(initialTab());
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState('');
  const saveErrorBar = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const reload = () => loadSnapshot().then(setSnap, (e: unknown) => setError(String(e)));
    reload();
    onStorageChange(reload);
    onWriteResult((message) => {
      setSaveError(message);
      // Nothing changed in storage, so no change event: reload so every switch and select
      // shows what is stored again, not the click that could not be saved.
      if (message) reload();
    });
    const onHash = () => setTab(initialTab());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  // The rules table's sticky header stays visible below the save-error bar while it shows.
  useEffect(() => (saveError && saveErrorBar.current ? keepHeadersBelow(saveErrorBar.current) : undefined), [saveError !== '']);

  const select = (id: TabId) => {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
  };

  const onKey = (e: KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = TABS[(i + d + TABS.length) % TABS.length]!;
    select(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <div class="page">
      <header>
        <h1>Tactful</h1>
        <p class="sub">Rules for your team, tested before they reach a reply. Everything stays in this browser.</p>
        {snap?.policy.teamPack || snap?.effective.locked.length ? (
          <p class="managed" data-testid="managed-banner">
            <span class="lock" aria-hidden="true">🔒</span>{' '}
            {snap.policy.teamPack ? `Team pack “${snap.policy.teamPack.name}” ${snap.policy.teamPack.version} is managed by your organisation. ` : ''}
            {snap.effective.locked.length ? `${snap.effective.locked.length} locked rule${snap.effective.locked.length === 1 ? '' : 's'}.` : ''}
          </p>
        ) : null}
        {snap?.policy.problems.length ? (
          <div class="problems" role="alert">
            <p>The policy set by your organisation has problems, so its team pack is not in use:</p>
            <ul>{snap.policy.problems.map((p) => <li key={p}>{p}</li>)}</ul>
          </div>
        ) : null}
      </header>
      <nav role="tablist" aria-label="Sections">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      {error ? <p role="alert" class="error">{error}</p> : null}
      {saveError ? <p ref={saveErrorBar} role="alert" class="error save-error" data-testid="save-error">{saveError}</p> : null}
      <main>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {!snap ? (
          <p>Loading…</p>
        ) : tab === 'rules' ? (
          <>
            <RulesView snap={snap} />
            <LearnedChecksView snap={snap} rows={snap.learned} />
          </>
        ) : tab === 'sandbox' ? (
          <SandboxView snap={snap} />
        ) : tab === 'packs' ? (
          <PacksView snap={snap} />
        ) : tab === 'audit' ? (
          <AuditView snap={snap} />
        ) : tab === 'ignored' ? (
          <IgnoredView snap={snap} />
        ) : tab === 'stats' ? (
          <StatsView snap={snap} />
        ) : tab === 'behaviour' ? (
          <BehaviourView snap={snap} />
        ) : (
          <SitesView snap={snap} />
        )}
      </div>
      </main>
    </div>
  );
}

const root = document.getElementById('app')!;
root.replaceChildren();
render(<App />, root);
