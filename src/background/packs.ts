/**
 * Keeps the personal rule store at the current schema version (repairs old or corrupt stores),
 * and roams the small personal settings through storage.sync.
 */
import browser from 'webextension-polyfill';
import { PERSONAL_KEY, SYNC_KEY, fromSyncPayload, migratePersonal, toSyncPayload, type PersonalRules } from '../shared/packs';
import { SETTINGS_KEY, normalizeSettings } from '../shared/settings';

export async function migratePersonalStore(): Promise<PersonalRules> {
  const got = await browser.storage.local.get(PERSONAL_KEY);
  const { store, changed } = migratePersonal(got[PERSONAL_KEY]);
  if (changed) {
    // Keep a copy of what was there before the first repair, in case a human wants it back.
    const backupKey = `${PERSONAL_KEY}:backup`;
    const prev = await browser.storage.local.get(backupKey);
    if (prev[backupKey] === undefined && got[PERSONAL_KEY] !== undefined) {
      await browser.storage.local.set({ [backupKey]: got[PERSONAL_KEY] });
    }
    await browser.storage.local.set({ [PERSONAL_KEY]: store });
  }
  return store;
}

// ——— roaming of the small personal settings through storage.sync ———

type SyncArea = typeof browser.storage.local;
const syncArea = (): SyncArea | null => (browser.storage as unknown as { sync?: SyncArea }).sync ?? null;
let syncTimer: ReturnType<typeof setTimeout> | null = null;

async function pushToSync(): Promise<void> {
  const sync = syncArea();
  if (!sync) return;
  const got = await browser.storage.local.get([SETTINGS_KEY, PERSONAL_KEY]);
  const payload = toSyncPayload(normalizeSettings(got[SETTINGS_KEY]), migratePersonal(got[PERSONAL_KEY]).store);
  if (!payload) {
    console.warn('[tactful] settings too large to sync; kept on this device only');
    return;
  }
  await sync.set({ [SYNC_KEY]: payload });
}

/** Local is the source of truth; a copy of the small settings goes to storage.sync (debounced). */
export function mirrorSettingsToSync(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || PERSONAL_KEY in changes)) return;
    if (syncTimer) clearTimeout(syncTimer);
    syncTimer = setTimeout(() => {
      syncTimer = null;
      void pushToSync().catch((err: unknown) => console.warn('[tactful] sync', err));
    }, 2000);
  });
}

/** On a fresh install: take the settings the agent has on another browser, if any. */
export async function restoreFromSync(): Promise<boolean> {
  const sync = syncArea();
  if (!sync) return false;
  const local = await browser.storage.local.get([SETTINGS_KEY, PERSONAL_KEY]);
  if (local[SETTINGS_KEY] !== undefined) return false;
  const restored = fromSyncPayload((await sync.get(SYNC_KEY))[SYNC_KEY], normalizeSettings);
  if (!restored) return false;
  const personal = migratePersonal(local[PERSONAL_KEY]).store;
  personal.overrides = { ...restored.overrides, ...personal.overrides };
  await browser.storage.local.set({ [SETTINGS_KEY]: restored.settings, [PERSONAL_KEY]: personal });
  return true;
}

/** Repairs the rule store whenever something writes an old or damaged one (an older version's sync, a hand edit). */
export function watchPersonalStore(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[PERSONAL_KEY];
    if (area !== 'local' || !change || change.newValue === undefined) return;
    if (migratePersonal(change.newValue).changed) void migratePersonalStore().catch((err: unknown) => console.warn('[tactful] rule store', err));
  });
}
