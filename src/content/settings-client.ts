/** Content-script view of the settings: read from storage.local, writes go through the background. */
import browser from 'webextension-polyfill';
import { IGNORED_KEY, SETTINGS_KEY, normalizeIgnored, normalizeSettings, type Settings } from '../shared/settings';
import { PERSONAL_KEY, POLICY_KEY, isRecord, mergeSettings, normalizeOverrides, readPolicyLocks } from '../shared/agent-config';
import type { Message } from '../shared/messages';
import { setLockedRules } from './findings';

export interface ContentSettings {
  settings: Settings;
  ignored: Set<string>;
}

/**
 * Reads settings, the personal rule store and the managed-policy mirror and merges what the
 * page needs (shared/agent-config.ts: the admin's forced settings, personal "off" switches,
 * locked rules). The rules themselves are the background engine's business.
 * `settings.disabledRules` comes back without locked rules.
 */
export async function loadSettings(): Promise<ContentSettings> {
  const got = await browser.storage.local.get([SETTINGS_KEY, IGNORED_KEY, PERSONAL_KEY, POLICY_KEY]);
  const personal = got[PERSONAL_KEY];
  const eff = mergeSettings(
    readPolicyLocks(got[POLICY_KEY]),
    normalizeOverrides(isRecord(personal) ? personal.overrides : undefined),
    normalizeSettings(got[SETTINGS_KEY]),
  );
  setLockedRules(new Set(eff.locked));
  return { settings: eff.settings, ignored: new Set(normalizeIgnored(got[IGNORED_KEY])) };
}

export function watchSettings(onChange: (s: ContentSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (!(SETTINGS_KEY in changes) && !(IGNORED_KEY in changes) && !(PERSONAL_KEY in changes) && !(POLICY_KEY in changes)) return;
    void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function send(msg: Message): void {
  try {
    browser.runtime.sendMessage(msg).catch(() => {
      // The background may be restarting; counts are best effort.
    });
  } catch {
    // The extension was reloaded or removed: sendMessage throws "Extension context invalidated"
    // synchronously. The controller notices and retires; nothing to send to.
  }
}
