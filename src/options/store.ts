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
  listRules,
  mergeConfig,
  migratePersonal,
  normalizePolicy,
  type Effective,
  type ManagedPolicy,
  type PersonalRules,
  type RuleRow,
} from '../shared/packs';
import { IGNORED_KEY, SETTINGS_KEY, normalizeIgnored, normalizeSettings, type Settings } from '../shared/settings';
import { STATS_KEY, normalizeStats, type StatsStore } from '../shared/stats';

export interface Snapshot {
  settings: Settings;
  personal: PersonalRules;
  policy: ManagedPolicy;
  ignored: string[];
  stats: StatsStore;
  effective: Effective;
  rows: RuleRow[];
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
  };
}

export function onStorageChange(cb: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEYS.some((k) => k in changes)) cb();
  });
}

export async function savePersonal(next: PersonalRules): Promise<void> {
  await browser.storage.local.set({ [PERSONAL_KEY]: next });
}

export async function updateSettings(change: (s: Settings) => void): Promise<void> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  const s = normalizeSettings(got[SETTINGS_KEY]);
  change(s);
  await browser.storage.local.set({ [SETTINGS_KEY]: s });
}

export async function saveIgnored(list: string[]): Promise<void> {
  await browser.storage.local.set({ [IGNORED_KEY]: list });
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
