/** Keeps the personal rule store at the current schema version (repairs old or corrupt stores). */
import browser from 'webextension-polyfill';
import { PERSONAL_KEY, migratePersonal, type PersonalRules } from '../shared/packs';

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
