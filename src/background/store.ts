/** Settings writes. The background is the single writer, so read-modify-write is serialised here. */
import browser from 'webextension-polyfill';
import {
  IGNORED_KEY,
  SETTINGS_KEY,
  normalizeIgnored,
  normalizePhrase,
  normalizeSettings,
  type Settings,
} from '../shared/settings';

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(got[SETTINGS_KEY]);
}

export function updateSettings(change: (s: Settings) => void): Promise<Settings> {
  return serial(async () => {
    const s = await readSettings();
    change(s);
    await browser.storage.local.set({ [SETTINGS_KEY]: s });
    return s;
  });
}

export function ensureSettings(): Promise<Settings> {
  return updateSettings(() => undefined);
}

export function addDisabledRule(ruleId: string): Promise<Settings> {
  return updateSettings((s) => {
    if (!s.disabledRules.includes(ruleId)) s.disabledRules.push(ruleId);
  });
}

export function addIgnoredPhrase(phrase: string): Promise<void> {
  return serial(async () => {
    const got = await browser.storage.local.get(IGNORED_KEY);
    const list = normalizeIgnored(got[IGNORED_KEY]);
    const p = normalizePhrase(phrase);
    if (p && !list.includes(p)) {
      list.push(p);
      await browser.storage.local.set({ [IGNORED_KEY]: list });
    }
  });
}
