import { describe, expect, it } from 'vitest';
import { createAnalyzer, builtinRules, type RulePack, type RuleSpec } from '../../src/engine/index';
import {
  applyImport,
  listRules,
  mergeConfig,
  migratePersonal,
  normalizePolicy,
  personalPack,
  previewImport,
  EMPTY_PERSONAL,
  type PersonalRules,
} from '../../src/shared/packs';
import { normalizeSettings } from '../../src/shared/settings';

const custom: RuleSpec = {
  id: 'per-our-policy',
  category: 'blame-shifting',
  severity: 'warning',
  message: 'Quoting policy tells the customer you will not try.',
  patterns: ['per our policy'],
  suggestions: [{ template: "here's what I can do: [option]" }],
  examples: { flags: ['Per our policy, refunds take 10 days.', 'Per our policy no.'], allows: ['Our policy is generous.', 'Fine.'] },
};

const teamRule: RuleSpec = {
  ...custom,
  id: 'team-no-cheers',
  patterns: ['cheers mate'],
  message: 'Too casual for email.',
  category: 'lecturing',
  examples: { flags: ['Cheers mate.', 'Thanks, cheers mate!'], allows: ['Cheers.', 'Thanks, mate.'] },
};
const teamPack: RulePack = { schemaVersion: 1, name: 'Team', version: '1', rules: [teamRule], overrides: { 'as-i-said': { locked: true, severity: 'error' } } };

const personal = (p: Partial<PersonalRules> = {}): PersonalRules => ({ ...(structuredClone(EMPTY_PERSONAL) as PersonalRules), ...p });
const settings = (p: Record<string, unknown> = {}) => normalizeSettings(p);
const ids = (text: string, packs: RulePack[], disabledRules: string[] = []) =>
  createAnalyzer({ packs, disabledRules }).analyze(text).findings.map((f) => `${f.ruleId}:${f.severity}`);

describe('merge and precedence: built-in < team pack < personal (unless locked)', () => {
  it('with nothing stored, only built-in rules fire', () => {
    const eff = mergeConfig({ builtin: builtinRules, policy: normalizePolicy(undefined), personal: personal(), settings: settings() });
    expect(eff.locked).toEqual([]);
    expect(ids('Per our policy, it ships Monday. Like I told you yesterday, it shipped.', eff.packs)).toEqual(['as-i-said:warning']);
  });

  it('team rules and overrides apply; personal custom rules apply on top', () => {
    const policy = normalizePolicy({ teamPack: JSON.stringify(teamPack) });
    expect(policy.problems).toEqual([]);
    const eff = mergeConfig({ builtin: builtinRules, policy, personal: personal({ rules: [custom] }), settings: settings() });
    expect(eff.locked).toEqual(['as-i-said']);
    expect(ids('Cheers mate. Per our policy, it ships Monday. Like I told you yesterday, it shipped.', eff.packs, eff.disabledRules).sort()).toEqual(
      ['as-i-said:error', 'per-our-policy:warning', 'team-no-cheers:warning'].sort(),
    );
  });

  it('personal changes win over the team pack where not locked', () => {
    const policy = normalizePolicy({ teamPack });
    const mine = personal({ overrides: { 'team-no-cheers': { severity: 'info' }, 'as-i-said': { severity: 'info', enabled: false } } });
    const eff = mergeConfig({ builtin: builtinRules, policy, personal: mine, settings: settings({ disabledRules: ['as-i-said', 'tone-policing'] }) });
    // as-i-said is locked: the personal severity, the override's enabled:false and disabledRules are all ignored.
    expect(eff.disabledRules).toEqual(['tone-policing']);
    expect(ids('Cheers mate. Like I told you yesterday, it shipped.', eff.packs, eff.disabledRules).sort()).toEqual(['as-i-said:error', 'team-no-cheers:info']);
  });

  it('a personal rule with the same id replaces a team rule, but not a locked one', () => {
    const replaced = { ...teamRule, patterns: ['howdy'], examples: { flags: ['Howdy.', 'Well, howdy!'], allows: ['Hello.', 'Hi there.'] } };
    const policy = normalizePolicy({ teamPack });
    let eff = mergeConfig({ builtin: builtinRules, policy, personal: personal({ rules: [replaced] }), settings: settings() });
    expect(ids('Cheers mate. Howdy.', eff.packs)).toEqual(['team-no-cheers:warning']);
    expect(createAnalyzer({ packs: eff.packs }).analyze('Howdy.').findings).toHaveLength(1);
    const lockedPolicy = normalizePolicy({ teamPack, lockedRules: ['team-no-cheers'] });
    eff = mergeConfig({ builtin: builtinRules, policy: lockedPolicy, personal: personal({ rules: [replaced] }), settings: settings() });
    expect(createAnalyzer({ packs: eff.packs }).analyze('Howdy.').findings).toHaveLength(0);
    expect(createAnalyzer({ packs: eff.packs }).analyze('Cheers mate.').findings).toHaveLength(1);
  });

  it('lockedRules without a team pack lock built-in rules; admin settings are forced and reported locked', () => {
    const policy = normalizePolicy({ lockedRules: ['as-i-said'], settings: { checkInternalNotes: true, bogus: 1 } });
    const eff = mergeConfig({ builtin: builtinRules, policy, personal: personal(), settings: settings({ disabledRules: ['as-i-said'] }) });
    expect(eff.disabledRules).toEqual([]);
    expect(eff.settings.checkInternalNotes).toBe(true);
    expect(eff.lockedSettings).toEqual(['checkInternalNotes']);
    const rows = listRules({ builtin: builtinRules, policy, personal: personal(), settings: settings({ disabledRules: ['as-i-said'] }) });
    const row = rows.find((r) => r.rule.id === 'as-i-said')!;
    expect(row).toMatchObject({ locked: true, enabled: true, source: 'builtin' });
  });

  it('listRules shows sources, replacements, personal severity and switches', () => {
    const policy = normalizePolicy({ teamPack });
    const mine = personal({ rules: [custom, { ...builtinRules[0]!, message: 'Mine.' }], overrides: { 'tone-policing': { severity: 'error' } } });
    const rows = listRules({ builtin: builtinRules, policy, personal: mine, settings: settings({ disabledRules: ['minimising'] }) });
    const by = new Map(rows.map((r) => [r.rule.id, r]));
    expect(by.get('per-our-policy')).toMatchObject({ source: 'custom', replaces: null });
    expect(by.get(builtinRules[0]!.id)).toMatchObject({ source: 'custom', replaces: 'builtin' });
    expect(by.get('team-no-cheers')).toMatchObject({ source: 'team' });
    expect(by.get('tone-policing')).toMatchObject({ severity: 'error' });
    expect(by.get('minimising')?.enabled).toBe(false);
    expect(rows.length).toBe(builtinRules.length + 2);
  });

  it('an invalid team pack is reported down to rule and field and not loaded', () => {
    const bad = { ...teamPack, rules: [{ ...teamRule, severity: 'loud' }] };
    const policy = normalizePolicy({ teamPack: JSON.stringify(bad) });
    expect(policy.teamPack).toBeNull();
    expect(policy.problems.join('\n')).toMatch(/teamPack › rules\[0\] "team-no-cheers" › severity/);
    expect(normalizePolicy({ teamPack: '{nope' }).problems[0]).toMatch(/not valid JSON/);
  });
});

describe('personal store migrations', () => {
  it('a current store round-trips unchanged', () => {
    const s = personal({ rules: [custom], overrides: { 'as-i-said': { severity: 'info' } } });
    const m = migratePersonal(JSON.parse(JSON.stringify(s)));
    expect(m.changed).toBe(false);
    expect(m.store).toEqual(s);
  });

  it('migrates v1 { version, customRules, severities } and a bare array', () => {
    const v1 = migratePersonal({ version: 1, customRules: [custom], severities: { 'as-i-said': 'info', x: 'huge' } });
    expect(v1.changed).toBe(true);
    expect(v1.store.schemaVersion).toBe(2);
    expect(v1.store.rules.map((r) => r.id)).toEqual(['per-our-policy']);
    expect(v1.store.overrides).toEqual({ 'as-i-said': { severity: 'info' } });
    expect(migratePersonal([custom]).store.rules).toHaveLength(1);
  });

  it('repairs a corrupt store without losing custom rules', () => {
    const broken = { ...custom, id: 'Bad Id!', patterns: [] };
    const m = migratePersonal({ schemaVersion: 2, rules: [custom, broken, custom, 42], overrides: 'garbage' });
    expect(m.changed).toBe(true);
    expect(m.store.rules.map((r) => r.id)).toEqual(['per-our-policy']);
    // The invalid and duplicate ones are kept aside with reasons, not dropped.
    expect(m.store.quarantine).toHaveLength(3);
    expect(m.store.quarantine[0]!.problems.join(' ')).toMatch(/id|patterns/);
    expect(m.store.quarantine[1]!.problems[0]).toMatch(/used by another custom rule/);
    expect(m.store.overrides).toEqual({});
    // Unreadable values are quarantined too; a second pass is stable.
    const s = migratePersonal('{"truncated');
    expect(s.store.quarantine[0]!.rule).toBe('{"truncated');
    expect(migratePersonal(JSON.parse(JSON.stringify(m.store))).changed).toBe(false);
  });
});

describe('pack import and export', () => {
  it('preview says what changes; import replaces same ids, keeps the rest, skips locked ids', () => {
    const mine = personal({ rules: [custom, { ...custom, id: 'keep-me' }] });
    const incoming: RulePack = {
      schemaVersion: 1, name: 'x', version: '1',
      rules: [{ ...custom, message: 'Changed.' }, { ...custom, id: 'new-one' }, { ...custom, id: 'as-i-said' }],
      overrides: { 'tone-policing': { severity: 'info' } },
    };
    expect(previewImport(mine, incoming, ['as-i-said'])).toEqual({
      added: ['new-one'], replaced: ['per-our-policy'], unchanged: [], overrides: ['tone-policing'], lockedSkipped: ['as-i-said'],
    });
    const next = applyImport(mine, incoming, ['as-i-said']);
    expect(next.rules.map((r) => r.id)).toEqual(['per-our-policy', 'keep-me', 'new-one']);
    expect(next.rules[0]!.message).toBe('Changed.');
    expect(next.overrides['tone-policing']).toEqual({ severity: 'info' });
  });

  it('an exported personal pack validates and carries switched-off rules', async () => {
    const { validatePack } = await import('../../src/engine/index');
    const pack = personalPack(personal({ rules: [custom], overrides: { 'as-i-said': { severity: 'info' } } }), 'Acme', '2.0.0', ['minimising']);
    expect(validatePack(JSON.parse(JSON.stringify(pack))).ok).toBe(true);
    expect(pack.overrides).toEqual({ 'as-i-said': { severity: 'info' }, minimising: { enabled: false } });
  });
});

describe('roaming settings (storage.sync)', () => {
  it('carries switches and per-rule changes, not custom rules; refuses what would not fit', async () => {
    const { toSyncPayload, fromSyncPayload, SYNC_MAX_BYTES } = await import('../../src/shared/packs');
    const s = settings({ disabledRules: ['as-i-said'], sites: { 'acme.zendesk.com': false } });
    const p = toSyncPayload(s, personal({ rules: [custom], overrides: { minimising: { severity: 'info' } } }))!;
    expect(JSON.stringify(p)).not.toContain('per-our-policy');
    const back = fromSyncPayload(JSON.parse(JSON.stringify(p)), normalizeSettings)!;
    expect(back.settings).toEqual(s);
    expect(back.overrides).toEqual({ minimising: { severity: 'info' } });
    expect(fromSyncPayload({ schemaVersion: 9 }, normalizeSettings)).toBeNull();
    const huge = settings({ disabledRules: Array.from({ length: 400 }, (_, i) => `some-long-rule-id-number-${i}`) });
    expect(JSON.stringify(huge).length).toBeGreaterThan(SYNC_MAX_BYTES);
    expect(toSyncPayload(huge, personal())).toBeNull();
  });
});
