import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizePolicy, LOCKABLE_SETTINGS } from '../../src/shared/packs';

const ROOT = resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8'));

describe('managed policy schema and adapter', () => {
  it('the managed_schema describes exactly what normalizePolicy reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(['lockedRules', 'settings', 'teamPack']);
    expect(Object.keys(schema.properties.settings.properties).sort()).toEqual([...LOCKABLE_SETTINGS].sort());
    // The README's example policies must normalise without problems.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const chrome = /```json chrome-policy\n([\s\S]*?)```/.exec(readme)?.[1];
    const firefox = /```json firefox-policies\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(chrome, 'README has a Chrome policy example').toBeTruthy();
    expect(firefox, 'README has a Firefox policies.json example').toBeTruthy();
    const c = JSON.parse(chrome!);
    const id = Object.keys(c['3rdparty'].extensions)[0]!;
    const fromChrome = normalizePolicy(c['3rdparty'].extensions[id]);
    expect(fromChrome.problems).toEqual([]);
    expect(fromChrome.teamPack?.rules.length).toBeGreaterThan(0);
    const f = JSON.parse(firefox!);
    const fromFirefox = normalizePolicy(f.policies['3rdparty'].Extensions['tactful@tactful.dev']);
    expect(fromFirefox).toEqual(fromChrome);
    const manifest = /```json firefox-managed-storage\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(manifest, 'README has a Firefox managed-storage manifest example').toBeTruthy();
    const m = JSON.parse(manifest!);
    expect(m).toMatchObject({ name: 'tactful@tactful.dev', type: 'storage' });
    expect(normalizePolicy(m.data)).toEqual(fromChrome);
  });

  const builtBackground = join(ROOT, 'dist/chrome/assets');
  it.skipIf(!existsSync(builtBackground))('the production build has no test-only policy hook', () => {
    for (const f of readdirSync(builtBackground)) {
      if (f.endsWith('.js')) expect(readFileSync(join(builtBackground, f), 'utf8'), f).not.toContain('test:managedPolicy');
    }
  });
});
