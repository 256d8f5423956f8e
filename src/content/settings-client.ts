/** Content-script view of the settings: read from storage.local, writes go through the background. */
import browser from 'webextension-polyfill';
import { IGNORED_KEY, SETTINGS_KEY, normalizeIgnored, normalizeSettings, type Settings } from '../shared/settings';
import type { Message } from '../shared/messages';

export interface ContentSettings {
  settings: Settings;
  ignored: Set<string>;
}

export async function loadSettings(): Promise<ContentSettings> {
  const got = await browser.storage.local.get([SETTINGS_KEY, IGNORED_KEY]);
  return { settings: normalizeSettings(got[SETTINGS_KEY]), ignored: new Set(normalizeIgnored(got[IGNORED_KEY])) };
}

export function watchSettings(onChange: (s: ContentSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (!(SETTINGS_KEY in changes) && !(IGNORED_KEY in changes)) return;
    void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function send(msg: Message): void {
  browser.runtime.sendMessage(msg).catch(() => {
    // The background may be restarting or the extension was reloaded; counts are best effort.
  });
}
