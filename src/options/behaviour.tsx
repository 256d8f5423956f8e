/** @jsxImportSource preact */
/** Behaviour: how Tactful acts in the reply box (card opening, shortcut, panel-only categories, internal notes); not rules, not sites. */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { CardOn } from '../shared/settings';
import { CATEGORIES, type Category } from '../engine/types';
import { CATEGORY_LABELS } from '../shared/packs';
import { updateSettings, type Snapshot } from './store';

const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

/** The open-card shortcut in force ('' when the agent removed it; null until known). */
function useShortcut(): string | null {
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    void (browser.commands?.getAll() ?? Promise.resolve([])).then(
      (all) => setKey(all.find((c) => c.name === 'open-card')?.shortcut ?? ''),
      () => setKey(''),
    );
  }, []);
  return key;
}

function openShortcutSettings(): void {
  if (isFirefox()) void browser.commands.openShortcutSettings?.();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function BehaviourView({ snap }: { snap: Snapshot }) {
  const locked = new Set(snap.effective.lockedSettings);
  const shortcut = useShortcut();
  const lockedBadge = (key: (typeof snap.effective.lockedSettings)[number]) => (locked.has(key) ? <span class="badge locked">🔒 Set by your organisation</span> : null);

  return (
    <section aria-labelledby="behaviour-h">
      <h2 id="behaviour-h">Behaviour</h2>
      <p class="sub">How Tactful acts in the reply box. These are yours; rules and sites have their own tabs.</p>

      <fieldset class="prefs" data-testid="card-on">
        <legend>Open a flagged phrase's card</legend>
        {(['click', 'hover'] as CardOn[]).map((v) => (
          <label class="switch" key={v}>
            <input
              type="radio"
              name="card-on"
              value={v}
              checked={snap.settings.cardOn === v}
              onChange={() => void updateSettings((s) => { s.cardOn = v; })}
            />
            {v === 'click' ? 'On click' : 'On hover (rest the pointer on it), or click'}
          </label>
        ))}
      </fieldset>

      <fieldset class="prefs" data-testid="shortcut">
        <legend>Keyboard shortcut</legend>
        <p class="shortcut-line">
          <kbd data-testid="shortcut-key">{shortcut === null ? '…' : shortcut || 'not set'}</kbd>
          <span>opens the card for the phrase at the caret; press it again for the next one. Alt+Shift+T works too inside a page.</span>
        </p>
        <div class="buttons">
          <button type="button" onClick={openShortcutSettings}>Change in the browser's extension shortcuts…</button>
        </div>
      </fieldset>

      <fieldset class="prefs" data-testid="panel-only">
        <legend>Underline in the editor, or list only in the panel</legend>
        <p class="hint">Checked categories are not underlined; they still appear in the panel and the badge count.</p>
        {CATEGORIES.map((c: Category) => (
          <label class="switch" key={c}>
            <input
              type="checkbox"
              value={c}
              checked={snap.settings.panelOnlyCategories.includes(c)}
              onChange={(e) => {
                // Read now: the write runs after an await, when the event's currentTarget is null.
                const on = e.currentTarget.checked;
                void updateSettings((s) => {
                  const set = new Set(s.panelOnlyCategories);
                  if (on) set.add(c);
                  else set.delete(c);
                  s.panelOnlyCategories = CATEGORIES.filter((x) => set.has(x));
                });
              }}
            />
            {CATEGORY_LABELS[c]}: panel only
          </label>
        ))}
      </fieldset>

      <fieldset class="prefs">
        <legend>Internal notes</legend>
        <label class="switch">
          <input
            type="checkbox"
            data-testid="internal-notes"
            checked={snap.effective.settings.checkInternalNotes}
            disabled={locked.has('checkInternalNotes')}
            onChange={(e) => {
              const on = e.currentTarget.checked; // read before the write's await (see above)
              void updateSettings((s) => { s.checkInternalNotes = on; });
            }}
          />
          Also check internal notes (Zendesk, Freshdesk, Help Scout) {lockedBadge('checkInternalNotes')}
        </label>
      </fieldset>
    </section>
  );
}
