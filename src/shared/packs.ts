/**
 * Rule storage model and the ONE place where rule sources are merged.
 *
 * Precedence (lowest to highest):
 *   built-in rules  <  team pack (managed policy)  <  personal changes (custom rules,
 *   severity/enabled overrides, "turn off this rule"), except where the team locked a rule.
 *
 * Storage:
 *   storage.local  `personalRules`  { schemaVersion, rules, overrides, quarantine }  (can be large)
 *   storage.local  `managedPolicy`  the background's normalised mirror of storage.managed
 *   storage.local  `settings`       switches (see settings.ts); its disabledRules are personal changes
 *
 * Pure: no browser APIs, so the content script, the options page, the background and the
 * unit tests share it.
 */
import { validatePack, type PackProblem } from '../engine/pack';
import { SEVERITIES, type RulePack, type RuleSpec, type Sensitivity, type Severity, type Category } from '../engine/types';
import learnedSpecs from '../rules/learned.json';
import type { Settings } from './settings';
import {
  LOCKABLE_SETTINGS,
  PERSONAL_KEY,
  POLICY_KEY,
  isRecord,
  lockedRuleIds,
  mergeSettings,
  normalizeOverrides,
  readLockedRules,
  readLockedSettings,
  type LockableSetting,
  type PersonalOverride,
} from './agent-config';

export { LOCKABLE_SETTINGS, PERSONAL_KEY, POLICY_KEY, lockedRuleIds, type LockableSetting, type PersonalOverride };

export const PERSONAL_SCHEMA_VERSION = 2;

export interface PersonalRules {
  schemaVersion: typeof PERSONAL_SCHEMA_VERSION;
  /** The agent's / team lead's own rules (a pack's `rules`). */
  rules: RuleSpec[];
  /** Per-rule changes to built-in or team rules. */
  overrides: Record<string, PersonalOverride>;
  /** Stored rules that no longer validate: kept (never silently dropped) until fixed or deleted. */
  quarantine: Array<{ rule: unknown; problems: string[] }>;
}

export const EMPTY_PERSONAL: Readonly<PersonalRules> = Object.freeze({
  schemaVersion: PERSONAL_SCHEMA_VERSION,
  rules: [],
  overrides: {},
  quarantine: [],
});

/** Validates one rule in isolation (the same checks as a whole pack). */
export function validateRule(rule: unknown): { ok: true; rule: RuleSpec } | { ok: false; problems: PackProblem[] } {
  const r = validatePack({ schemaVersion: 1, name: 'rule', version: '0', rules: [rule] });
  if (r.ok) return { ok: true, rule: r.pack.rules[0]! };
  return { ok: false, problems: r.problems };
}

/**
 * Reads whatever is stored under `personalRules` and returns a valid current-version store.
 * - v1 (`{ version: 1, customRules: [...] }`) and a bare array of rules are migrated;
 * - rules that fail validation go to `quarantine` with their problems instead of being lost;
 * - duplicate ids: the later one is quarantined;
 * - anything unreadable becomes an empty store (`changed` tells the caller to write it back).
 */
export function migratePersonal(raw: unknown): { store: PersonalRules; changed: boolean } {
  if (raw === undefined || raw === null) return { store: structuredClone(EMPTY_PERSONAL) as PersonalRules, changed: false };
  let rules: unknown[] = [];
  let overrides: unknown = {};
  let quarantine: PersonalRules['quarantine'] = [];
  let changed = false;
  if (Array.isArray(raw)) {
    rules = raw; // oldest form: a bare list of rules
    changed = true;
  } else if (isRecord(raw)) {
    if (raw.schemaVersion === PERSONAL_SCHEMA_VERSION) {
      rules = Array.isArray(raw.rules) ? raw.rules : [];
      if (!Array.isArray(raw.rules)) changed = true;
      overrides = raw.overrides;
      if (Array.isArray(raw.quarantine)) {
        quarantine = raw.quarantine
          .filter(isRecord)
          .map((q) => ({ rule: q.rule, problems: Array.isArray(q.problems) ? q.problems.filter((p): p is string => typeof p === 'string') : [] }));
      }
    } else {
      // v1: { version: 1, customRules, severities: { id: sev } } — or a store without a version.
      changed = true;
      rules = Array.isArray(raw.customRules) ? raw.customRules : Array.isArray(raw.rules) ? raw.rules : [];
      const sev = isRecord(raw.severities) ? raw.severities : {};
      overrides = { ...Object.fromEntries(Object.entries(sev).map(([k, s]) => [k, { severity: s }])), ...(isRecord(raw.overrides) ? raw.overrides : {}) };
    }
  } else {
    // A string, a number…: nothing recoverable, but keep it where a human can see it.
    return {
      store: { ...(structuredClone(EMPTY_PERSONAL) as PersonalRules), quarantine: [{ rule: raw, problems: ['the stored rules were not readable'] }] },
      changed: true,
    };
  }
  const good: RuleSpec[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const v = validateRule(rule);
    if (!v.ok) {
      quarantine.push({ rule, problems: v.problems.map((p) => `${p.path.replace(/^rules\[0\] "[^"]*"(?: › )?/, '') || 'rule'}: ${p.message}`) });
      changed = true;
    } else if (seen.has(v.rule.id)) {
      quarantine.push({ rule, problems: [`id: "${v.rule.id}" is used by another custom rule`] });
      changed = true;
    } else {
      seen.add(v.rule.id);
      good.push(v.rule);
    }
  }
  const cleanOverrides = normalizeOverrides(overrides);
  if (JSON.stringify(cleanOverrides) !== JSON.stringify(overrides ?? {})) changed = true;
  return { store: { schemaVersion: PERSONAL_SCHEMA_VERSION, rules: good, overrides: cleanOverrides, quarantine }, changed };
}

// ——— managed policy ———

export interface ManagedPolicy {
  teamPack: RulePack | null;
  /** Rule ids the agent may not turn off or change (in addition to the pack's `overrides[id].locked`). */
  lockedRules: string[];
  /** Settings forced (and locked) by the admin. */
  settings: Partial<Pick<Settings, LockableSetting>>;
  /** What was wrong with the policy, for the options page. */
  problems: string[];
}

export const EMPTY_POLICY: Readonly<ManagedPolicy> = Object.freeze({ teamPack: null, lockedRules: [], settings: {}, problems: [] });

/**
 * Normalises what `storage.managed` holds (see managed_schema.json): `teamPack` as a JSON
 * string (or an object), `lockedRules`, and `settings`. An invalid pack is reported, not loaded.
 */
export function normalizePolicy(raw: unknown): ManagedPolicy {
  if (!isRecord(raw)) return { ...EMPTY_POLICY, lockedRules: [], settings: {}, problems: [] };
  const problems: string[] = [];
  let teamPack: RulePack | null = null;
  if (raw.teamPack !== undefined && raw.teamPack !== '') {
    let data: unknown = raw.teamPack;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch (e) {
        problems.push(`teamPack: not valid JSON: ${(e as Error).message}`);
        data = undefined;
      }
    }
    if (data !== undefined) {
      const v = validatePack(data);
      if (v.ok) teamPack = v.pack;
      else problems.push(...v.problems.map((p) => `teamPack › ${p.path}: ${p.message}`));
    }
  }
  return { teamPack, lockedRules: readLockedRules(raw.lockedRules), settings: readLockedSettings(raw.settings), problems };
}

// ——— merge ———

export interface MergeInput {
  builtin: RuleSpec[];
  policy: ManagedPolicy;
  personal: PersonalRules;
  settings: Settings;
}

export interface Effective {
  /** Packs to hand to the engine, in order (team, then personal). */
  packs: RulePack[];
  /** Rules turned off by personal changes, minus locked ones. */
  disabledRules: string[];
  /** Locked rule ids. */
  locked: string[];
  /** Settings after the admin's forced values. */
  settings: Settings;
  lockedSettings: LockableSetting[];
}

export type RuleSource = 'builtin' | 'team' | 'custom';

export interface RuleRow {
  rule: RuleSpec;
  source: RuleSource;
  /** Rule id also exists at a lower level (a custom rule replacing a built-in, say). */
  replaces: RuleSource | null;
  enabled: boolean;
  severity: Severity;
  locked: boolean;
}

export function mergeConfig({ policy, personal, settings }: MergeInput): Effective {
  const locked = new Set(lockedRuleIds(policy));
  const packs: RulePack[] = [];
  if (policy.teamPack) {
    const overrides = { ...(policy.teamPack.overrides ?? {}) };
    for (const id of policy.lockedRules) overrides[id] = { ...(overrides[id] ?? {}), locked: true };
    packs.push({ ...policy.teamPack, overrides });
  } else if (policy.lockedRules.length) {
    packs.push({ schemaVersion: 1, name: 'Team policy', version: '0', rules: [], overrides: Object.fromEntries(policy.lockedRules.map((id) => [id, { locked: true }])) });
  }
  const personalOverrides: RulePack['overrides'] = {};
  for (const [id, o] of Object.entries(personal.overrides)) {
    if (locked.has(id)) continue;
    const entry: { enabled?: boolean; severity?: Severity; sensitivity?: Sensitivity } = {};
    if (o.severity) entry.severity = o.severity;
    if (o.sensitivity) entry.sensitivity = o.sensitivity;
    if (o.enabled === true) entry.enabled = true; // switching off goes through disabledRules
    if (Object.keys(entry).length) personalOverrides[id] = entry;
  }
  packs.push({
    schemaVersion: 1,
    name: 'Personal',
    version: '0',
    rules: personal.rules.filter((r) => !locked.has(r.id)),
    overrides: personalOverrides,
  });
  const m = mergeSettings(policy, personal.overrides, settings);
  return { packs, disabledRules: m.settings.disabledRules, locked: m.locked, settings: m.settings, lockedSettings: m.lockedSettings };
}

/** Every rule at every level, as the options page lists it: the top-most definition wins. */
export function listRules(input: MergeInput): RuleRow[] {
  const eff = mergeConfig(input);
  const rows = new Map<string, RuleRow>();
  const put = (rule: RuleSpec, source: RuleSource) => {
    const prev = rows.get(rule.id);
    rows.set(rule.id, { rule, source, replaces: prev?.source ?? null, enabled: rule.enabled ?? true, severity: rule.severity, locked: false });
  };
  for (const r of input.builtin) put(r, 'builtin');
  const team = eff.packs.length === 2 ? eff.packs[0]! : null;
  const personal = eff.packs[eff.packs.length - 1]!;
  for (const pack of [team, personal]) {
    if (!pack) continue;
    for (const r of pack.rules) put(r, pack === team ? 'team' : 'custom');
    for (const [id, o] of Object.entries(pack.overrides ?? {})) {
      const row = rows.get(id);
      if (!row) continue;
      if (o.enabled !== undefined) row.enabled = o.enabled;
      if (o.severity) row.severity = o.severity;
      if (o.locked) row.locked = true;
    }
  }
  for (const id of eff.disabledRules) {
    const row = rows.get(id);
    if (row && !row.locked) row.enabled = false;
  }
  return [...rows.values()];
}

export interface LearnedRow {
  id: string;
  category: Category;
  message: string;
  enabled: boolean;
  severity: Severity;
  sensitivity: Sensitivity;
  locked: boolean;
}

/** The learned checks (one per category) as the options page lists them, after team and personal changes. */
export function listLearned(input: MergeInput): LearnedRow[] {
  const eff = mergeConfig(input);
  const rows = (learnedSpecs as Array<{ id: string; category: Category; message: string; severity: Severity }>).map((s): LearnedRow => ({ id: s.id, category: s.category, message: s.message, enabled: true, severity: s.severity, sensitivity: 'normal', locked: false }));
  for (const pack of eff.packs) {
    for (const [id, o] of Object.entries(pack.overrides ?? {})) {
      const row = rows.find((r) => r.id === id);
      if (!row || row.locked) continue;
      if (o.enabled !== undefined) row.enabled = o.enabled;
      if (o.severity) row.severity = o.severity;
      if (o.sensitivity) row.sensitivity = o.sensitivity;
      if (o.locked) row.locked = true;
    }
  }
  for (const row of rows) if (!row.locked && eff.disabledRules.includes(row.id)) row.enabled = false;
  if (eff.locked.length) for (const row of rows) if (eff.locked.includes(row.id)) row.locked = true;
  return rows;
}

/** A pack holding the personal rules and overrides, for export. */
export function personalPack(personal: PersonalRules, name = 'My team rules', version = '1.0.0', disabledRules: string[] = []): RulePack {
  const overrides: NonNullable<RulePack['overrides']> = {};
  for (const [id, o] of Object.entries(personal.overrides)) overrides[id] = { ...o };
  for (const id of disabledRules) overrides[id] = { ...(overrides[id] ?? {}), enabled: false };
  const pack: RulePack = { schemaVersion: 1, name, version, rules: personal.rules };
  if (Object.keys(overrides).length) pack.overrides = overrides;
  return pack;
}

export interface ImportPreview {
  added: string[];
  replaced: string[];
  unchanged: string[];
  overrides: string[];
  /** Ids the import would change but that the team locked: skipped. */
  lockedSkipped: string[];
}

/** What importing `pack` into the personal store would change. */
export function previewImport(personal: PersonalRules, pack: RulePack, locked: readonly string[]): ImportPreview {
  const lockedSet = new Set(locked);
  const mine = new Map(personal.rules.map((r) => [r.id, r]));
  const p: ImportPreview = { added: [], replaced: [], unchanged: [], overrides: [], lockedSkipped: [] };
  for (const r of pack.rules) {
    if (lockedSet.has(r.id)) p.lockedSkipped.push(r.id);
    else if (!mine.has(r.id)) p.added.push(r.id);
    else if (JSON.stringify(mine.get(r.id)) === JSON.stringify(r)) p.unchanged.push(r.id);
    else p.replaced.push(r.id);
  }
  for (const id of Object.keys(pack.overrides ?? {})) {
    if (lockedSet.has(id)) p.lockedSkipped.push(id);
    else p.overrides.push(id);
  }
  return p;
}

/** The personal store after importing `pack` (same ids replaced, others kept). Locked ids are skipped. */
export function applyImport(personal: PersonalRules, pack: RulePack, locked: readonly string[]): PersonalRules {
  const lockedSet = new Set(locked);
  const rules = new Map(personal.rules.map((r) => [r.id, r]));
  for (const r of pack.rules) if (!lockedSet.has(r.id)) rules.set(r.id, r);
  const overrides = { ...personal.overrides };
  for (const [id, o] of Object.entries(pack.overrides ?? {})) {
    if (lockedSet.has(id)) continue;
    const clean: PersonalOverride = {};
    if (o.enabled !== undefined) clean.enabled = o.enabled;
    if (o.severity) clean.severity = o.severity;
    overrides[id] = clean;
  }
  return { ...personal, rules: [...rules.values()], overrides };
}

export const CATEGORY_LABELS: Record<Category, string> = {
  'blame-shifting': 'Blame-shifting',
  defensive: 'Defensive',
  lecturing: 'Lecturing',
  'non-apology': 'Non-apology',
  'vague-commitment': 'Vague commitment',
};

// ——— roaming: small personal settings in storage.sync ———

export const SYNC_KEY = 'tactfulSettings';
/** storage.sync allows 8,192 bytes per item; stay well below it. */
export const SYNC_MAX_BYTES = 7000;

export interface SyncPayload {
  schemaVersion: 1;
  settings: Settings;
  overrides: Record<string, PersonalOverride>;
}

/**
 * The small, personal part of the store that follows the agent to other browsers signed in
 * to the same account: switches, per-site choices, rules turned off and per-rule severity.
 * Custom rules stay in storage.local (they can be large). Returns null when it would not fit.
 */
export function toSyncPayload(settings: Settings, personal: PersonalRules): SyncPayload | null {
  const payload: SyncPayload = { schemaVersion: 1, settings, overrides: personal.overrides };
  return new TextEncoder().encode(JSON.stringify(payload)).length <= SYNC_MAX_BYTES ? payload : null;
}

export function fromSyncPayload(raw: unknown, normalize: (v: unknown) => Settings): { settings: Settings; overrides: Record<string, PersonalOverride> } | null {
  if (!isRecord(raw) || raw.schemaVersion !== 1) return null;
  return { settings: normalize(raw.settings), overrides: normalizeOverrides(raw.overrides) };
}
