/** Filling extension storage to its real quota in Chromium, so every write that adds a byte fails (storage-quota and options-layout tests). */
import { withPage, type Session } from './harness';

export const FILL_PREFIX = 'zzQuotaFill';

export type Area = 'local' | 'sync';

interface AreaArg {
  area: Area;
  prefix: string;
}

/** Runs `fn(arg)` in an extension page (chrome.storage with its real quotas). */
export async function inExtension<T>(s: Session, fn: (arg: AreaArg) => Promise<T>, arg: AreaArg): Promise<T> {
  return withPage(s, async (page) => {
    await page.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
    return page.evaluate(fn, arg);
  });
}

/** Fills an area up to exactly its quota (items no larger than sync's per-item limit); returns the bytes left. */
export function fill(s: Session, area: Area): Promise<number> {
  return inExtension(s, async ({ area, prefix }) => {
    const st = chrome.storage[area] as chrome.storage.StorageArea & { QUOTA_BYTES: number };
    const perItem = area === 'sync' ? chrome.storage.sync.QUOTA_BYTES_PER_ITEM : st.QUOTA_BYTES;
    let free = st.QUOTA_BYTES - (await st.getBytesInUse(null));
    for (let i = 0; free > 0; i++) {
      const key = `${prefix}${String(i).padStart(3, '0')}`;
      // An item costs its key plus its JSON; leave enough for one more key unless this one fits exactly.
      const room = free <= perItem ? free : Math.min(perItem, free - 64);
      await st.set({ [key]: 'x'.repeat(room - key.length - 2) });
      free = st.QUOTA_BYTES - (await st.getBytesInUse(null));
    }
    return free;
  }, { area, prefix: FILL_PREFIX });
}

export function unfill(s: Session, area: Area): Promise<void> {
  return inExtension(s, async ({ area, prefix }) => {
    const all = await chrome.storage[area].get(null);
    await chrome.storage[area].remove(Object.keys(all).filter((k) => k.startsWith(prefix)));
  }, { area, prefix: FILL_PREFIX });
}
