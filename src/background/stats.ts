/** Local stats writer (counts only; see shared/stats.ts). Serialised read-modify-write. */
import browser from 'webextension-polyfill';
import type { Category } from '../engine/types';
import { STATS_KEY, normalizeStats, record, type StatEvent } from '../shared/stats';

let queue: Promise<unknown> = Promise.resolve();

export function recordStat(category: Category, event: StatEvent, now = new Date()): Promise<void> {
  const task = async () => {
    const got = await browser.storage.local.get(STATS_KEY);
    await browser.storage.local.set({ [STATS_KEY]: record(normalizeStats(got[STATS_KEY]), now, category, event) });
  };
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}
