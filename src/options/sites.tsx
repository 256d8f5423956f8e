/** @jsxImportSource preact */
/** Sites: the global switch, built-in help desks with per-site switches, hosts enabled through a permission. */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { isHostname, isSiteOn, setSiteSwitch } from '../shared/settings';
import { originPattern } from '../shared/messages';
import { updateSettings, type Snapshot } from './store';

function builtinPatterns(): string[] {
  // 127.0.0.1 and localhost are there for the demo and the tests, not help desks.
  return (browser.runtime.getManifest().content_scripts?.[0]?.matches ?? []).filter((p) => !/^http:\/\/(127\.0\.0\.1|localhost)\//.test(p));
}

function hostOf(pattern: string): string {
  return /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? pattern;
}

export function SitesView({ snap }: { snap: Snapshot }) {
  const [granted, setGranted] = useState<string[]>([]);
  const [newHost, setNewHost] = useState('');
  const [error, setError] = useState('');
  const [addOrigin, setAddOrigin] = useState('');
  const [addError, setAddError] = useState('');
  const locked = new Set(snap.effective.lockedSettings);

  useEffect(() => {
    void browser.permissions.getAll().then((p) => {
      const builtIn = new Set(browser.runtime.getManifest().host_permissions ?? []);
      setGranted((p.origins ?? []).filter((o) => !builtIn.has(o) && !/^\*:|\/\*\/\*$|^https?:\/\/\*\/\*$/.test(o)));
    });
  }, []);

  const setSite = (host: string, on: boolean) => updateSettings((s) => setSiteSwitch(s, host, on));

  const builtinHosts = builtinPatterns().map(hostOf);
  // Built-in entries (wildcards included) have their switch in the list above.
  const ownHosts = Object.entries(snap.settings.sites).filter(([h]) => !builtinHosts.includes(h));

  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">Sites</h2>
      <label class="switch">
        <input
          type="checkbox"
          checked={snap.effective.settings.enabled}
          disabled={locked.has('enabled')}
          onChange={(e) => {
            // Read now: the write below runs after an await, when the event's currentTarget is null.
            const on = e.currentTarget.checked;
            void updateSettings((s) => { s.enabled = on; });
          }}
        />
        Check replies on all help desks {locked.has('enabled') ? <span class="badge locked">🔒 Set by your organisation</span> : null}
      </label>
      <h3>Built-in help desks</h3>
      <ul class="sites">
        {builtinHosts.map((host) => {
          return (
            <li key={host}>
              <label class="switch">
                <input type="checkbox" data-site={host} checked={isSiteOn(snap.settings.sites, host)} onChange={(e) => void setSite(host, e.currentTarget.checked)} />
                {host}
                {host.startsWith('*.') ? <span class="hint inline">(every subdomain; switch single hosts below)</span> : null}
              </label>
            </li>
          );
        })}
      </ul>

      <h3>Switched on or off by host</h3>
      {ownHosts.length ? (
        <ul class="sites" data-testid="own-hosts">
          {ownHosts.map(([h, on]) => (
            <li key={h}>
              <label class="switch"><input type="checkbox" checked={on} onChange={(e) => void setSite(h, e.currentTarget.checked)} />{h}</label>
            </li>
          ))}
        </ul>
      ) : <p class="hint">No host is switched on or off by itself.</p>}
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const h = newHost.trim().toLowerCase();
          if (!isHostname(h)) return setError('Enter a host name like acme.zendesk.com');
          setError('');
          setNewHost('');
          void setSite(h, false);
        }}
      >
        <label>Switch off on host <input value={newHost} onInput={(e) => setNewHost(e.currentTarget.value)} placeholder="acme.zendesk.com" aria-invalid={error ? true : undefined} /></label>
        <button type="submit">Switch off</button>
        {error ? <span class="error" role="alert">{error}</span> : null}
      </form>

      <h3>Other sites you enabled</h3>
      <p class="hint">Self-hosted help desks (Zammad, FreeScout, osTicket…): add the address here, or open the site and choose “Enable on this site” in the toolbar popup. The browser asks for your permission.</p>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          let origin: string;
          try {
            const u = new URL(/^https?:\/\//.test(addOrigin.trim()) ? addOrigin.trim() : `https://${addOrigin.trim()}`);
            if (!isHostname(u.host)) throw new Error('bad host');
            origin = u.origin;
          } catch {
            setAddError('Enter an address like https://support.example.com');
            return;
          }
          setAddError('');
          // Must run inside the submit's user gesture.
          void browser.permissions.request({ origins: [originPattern(origin)] }).then(async (ok) => {
            if (!ok) return setAddError(`Permission for ${origin} was not granted.`);
            const tab = await browser.tabs.getCurrent();
            await browser.runtime.sendMessage({ type: 'site-permission-granted', origin, tabId: tab?.id ?? 0 });
            setGranted([...new Set([...granted, originPattern(origin)])]);
            setAddOrigin('');
          }, (err: unknown) => setAddError(String(err)));
        }}
      >
        <label>Add a site <input value={addOrigin} onInput={(e) => setAddOrigin(e.currentTarget.value)} placeholder="https://support.example.com" aria-invalid={addError ? true : undefined} /></label>
        <button type="submit">Enable</button>
        {addError ? <span class="error" role="alert">{addError}</span> : null}
      </form>
      {granted.length ? (
        <ul class="sites">
          {granted.map((o) => (
            <li key={o}>
              {hostOf(o)}{' '}
              <button type="button" onClick={() => void browser.permissions.remove({ origins: [o] }).then(() => setGranted(granted.filter((g) => g !== o)))}>Remove</button>
            </li>
          ))}
        </ul>
      ) : <p class="hint">None yet.</p>}
    </section>
  );
}
