/**
 * The part of the rule/policy merge that the content script needs: the agent's effective
 * settings and which rules are locked. It reads the stored shapes only and never validates
 * rules, so it does not pull the engine (compromise) into the content script. The rules
 * themselves are merged and validated by the background, which runs the engine
 * (shared/packs.ts mergeConfig, which builds on this).
 */
import type { Settings } from './settings';
import { SENSITIVITIES, SEVERITIES, type Sensitivity, type Severity } from '../engine/types';

/** storage.local keys: the personal rule store, and the background's mirror of the managed policy. */
export const PERSONAL_KEY = 'personalRules';
export const POLICY_KEY = 'managedPolicy';

/** Settings an admin can set (and thereby lock) through policy. */
export const LOCKABLE_SETTINGS = ['enabled', 'checkInternalNotes'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

export interface PersonalOverride {
  enabled?: boolean;
  severity?: Severity;
  /** Learned checks only: how readily they flag. */
  sensitivity?: Sensitivity;
}

/** What locking needs from a managed policy (ManagedPolicy in shared/packs.ts has this shape). */
export interface PolicyLocks {
  teamPack: { overrides?: Record<string, { locked?: boolean }> } | null;
  lockedRules: string[];
  settings: Partial<Pick<Settings, LockableSetting>>;
}

export interface MergedSettings {
  /** Settings after the admin's forced values; disabledRules include personal "off" overrides, minus locked rules. */
  settings: Settings;
  locked: string[];
  lockedSettings: LockableSetting[];
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function normalizeOverrides(raw: unknown): Record<string, PersonalOverride> {
  const out: Record<string, PersonalOverride> = {};
  if (!isRecord(raw)) return out;
  for (const [id, o] of Object.entries(raw)) {
    if (!isRecord(o) || id.length > 120) continue;
    const clean: PersonalOverride = {};
    if (typeof o.enabled === 'boolean') clean.enabled = o.enabled;
    if (typeof o.severity === 'string' && (SEVERITIES as readonly string[]).includes(o.severity)) clean.severity = o.severity as Severity;
    if (typeof o.sensitivity === 'string' && (SENSITIVITIES as readonly string[]).includes(o.sensitivity)) clean.sensitivity = o.sensitivity as Sensitivity;
    if (Object.keys(clean).length) out[id] = clean;
  }
  return out;
}

export function lockedRuleIds(policy: PolicyLocks): string[] {
  const ids = new Set(policy.lockedRules);
  for (const [id, o] of Object.entries(policy.teamPack?.overrides ?? {})) if (o.locked) ids.add(id);
  return [...ids];
}

export function readLockedRules(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 120) : [];
}

export function readLockedSettings(raw: unknown): PolicyLocks['settings'] {
  const settings: PolicyLocks['settings'] = {};
  if (isRecord(raw)) for (const k of LOCKABLE_SETTINGS) if (typeof raw[k] === 'boolean') settings[k] = raw[k] as boolean;
  return settings;
}

/**
 * Reads the background's policy mirror (storage.local `managedPolicy`, already normalised and
 * validated when the background wrote it) for its locks only.
 */
export function readPolicyLocks(raw: unknown): PolicyLocks {
  if (!isRecord(raw)) return { teamPack: null, lockedRules: [], settings: {} };
  const pack = isRecord(raw.teamPack) ? raw.teamPack : null;
  const overrides: Record<string, { locked?: boolean }> = {};
  if (pack && isRecord(pack.overrides)) {
    for (const [id, o] of Object.entries(pack.overrides)) if (isRecord(o) && o.locked === true) overrides[id] = { locked: true };
  }
  return { teamPack: pack ? { overrides } : null, lockedRules: readLockedRules(raw.lockedRules), settings: readLockedSettings(raw.settings) };
}

/** The agent's settings with the admin's forced values and personal "off" switches applied. */
export function mergeSettings(policy: PolicyLocks, overrides: Record<string, PersonalOverride>, settings: Settings): MergedSettings {
  const locked = lockedRuleIds(policy);
  const lockedSet = new Set(locked);
  const disabled = new Set(settings.disabledRules);
  for (const [id, o] of Object.entries(overrides)) if (o.enabled === false) disabled.add(id);
  const lockedSettings = LOCKABLE_SETTINGS.filter((k) => policy.settings[k] !== undefined);
  const merged: Settings = { ...settings, sites: { ...settings.sites }, disabledRules: [...disabled].filter((id) => !lockedSet.has(id)) };
  for (const k of lockedSettings) merged[k] = policy.settings[k]!;
  return { settings: merged, locked, lockedSettings };
}
