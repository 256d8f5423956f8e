/**
 * Options-page access to storage. Reads the same keys the content script reads and merges
 * them with the same pure module (shared/packs.ts). Writes are read-modify-write on
 * storage.local (the options page is the only writer of the personal rule store).
 */
import browser from 'webextension-polyfill';
import { builtinRules } from '../engine/index';
import {
  EMPTY_POLICY,
  PERSONAL_KEY,
  POLICY_KEY,
  listLearned,
  listRules,
  mergeConfig,
  migratePersonal,
  normalizePolicy,
  type Effective,
  type ManagedPolicy,
  type PersonalRules,
  type LearnedRow,
  type RuleRow,
} from '../shared/packs';
import { IGNORED_KEY, SETTINGS_KEY, normalizeIgnored, normalizeSettings, type Settings } from '../shared/settings';
import { STATS_KEY, normalizeStats, type StatsStore } from '../shared/stats';
import { classifyWriteError, saveFailedMessage } from '../shared/storage-errors';

export interface Snapshot {
  settings: Settings;
  personal: PersonalRules;
  policy: ManagedPolicy;
  ignored: string[];
  stats: StatsStore;
  effective: Effective;
  rows: RuleRow[];
  learned: LearnedRow[];
}

const KEYS = [SETTINGS_KEY, PERSONAL_KEY, POLICY_KEY, IGNORED_KEY, STATS_KEY];

export async function loadSnapshot(): Promise<Snapshot> {
  const got = await browser.storage.local.get(KEYS);
  const settings = normalizeSettings(got[SETTINGS_KEY]);
  const personal = migratePersonal(got[PERSONAL_KEY]).store;
  const policy = got[POLICY_KEY] === undefined ? (EMPTY_POLICY as ManagedPolicy) : normalizePolicy(got[POLICY_KEY]);
  // The mirror holds an already-normalised policy; keep its problems for display.
  const stored = got[POLICY_KEY] as { problems?: unknown } | undefined;
  if (stored && Array.isArray(stored.problems)) policy.problems = stored.problems.filter((p): p is string => typeof p === 'string');
  const input = { builtin: builtinRules, policy, personal, settings };
  return {
    settings,
    personal,
    policy,
    ignored: normalizeIgnored(got[IGNORED_KEY]),
    stats: normalizeStats(got[STATS_KEY]),
    effective: mergeConfig(input),
    rows: listRules(input),
    learned: listLearned(input),
  };
}

export function onStorageChange(cb: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEYS.some((k) => k in changes)) cb();
  });
}

// ——— writes ———
// A write can fail: storage.local holds 10 MB and rejects anything past it. Writes here never
// reject (the views call them from event handlers, where a rejection would go uncaught);
// they resolve to whether the change was stored (and if not, why, for a status line next to
// the control), and a failure is also announced to the page (main.tsx shows it and reloads
// the snapshot, so controls show what is really stored).

export type Saved = { ok: true } | { ok: false; message: string };

type WriteErrorListener = (message: string) => void;
const writeErrorListeners: WriteErrorListener[] = [];

/** `message` is the failure's text, or '' after a write that worked (clears an old message). */
export function onWriteResult(cb: WriteErrorListener): void {
  writeErrorListeners.push(cb);
}

async function write(task: () => Promise<void>): Promise<Saved> {
  try {
    await task();
  } catch (err) {
    console.warn('[tactful] could not save', err);
    const message = saveFailedMessage(classifyWriteError(err));
    for (const cb of writeErrorListeners) cb(message);
    return { ok: false, message };
  }
  for (const cb of writeErrorListeners) cb('');
  return { ok: true };
}

export function savePersonal(next: PersonalRules): Promise<Saved> {
  return write(() => browser.storage.local.set({ [PERSONAL_KEY]: next }));
}

export function updateSettings(change: (s: Settings) => void): Promise<Saved> {
  return write(async () => {
    const got = await browser.storage.local.get(SETTINGS_KEY);
    const s = normalizeSettings(got[SETTINGS_KEY]);
    change(s);
    await browser.storage.local.set({ [SETTINGS_KEY]: s });
  });
}

export function saveIgnored(list: string[]): Promise<Saved> {
  return write(() => browser.storage.local.set({ [IGNORED_KEY]: list }));
}

/** Saves a file the user asked for (export), without any network access. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
