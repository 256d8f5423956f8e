/** Background storage adapters with an in-memory `browser.storage`: managed policy mirror, test-build gating, stats writes. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (changes: Record<string, unknown>, area: string) => void;
const mem = { local: {} as Record<string, unknown>, managed: {} as Record<string, unknown> | Error };
const listeners: Listener[] = [];

function area(name: 'local' | 'managed') {
  return {
    async get(keys?: null | string | string[]) {
      const src = mem[name];
      if (src instanceof Error) throw src;
      if (keys === null || keys === undefined) return structuredClone(src);
      const list = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => k in src).map((k) => [k, structuredClone(src[k])]));
    },
    async set(items: Record<string, unknown>) {
      await new Promise((r) => setTimeout(r, Math.random() * 3)); // interleave like a real async store
      const src = mem[name] as Record<string, unknown>;
      Object.assign(src, structuredClone(items));
      for (const l of listeners) l(Object.fromEntries(Object.keys(items).map((k) => [k, { newValue: items[k] }])), name);
    },
  };
}

vi.mock('webextension-polyfill', () => ({
  default: { storage: { local: area('local'), managed: area('managed'), onChanged: { addListener: (l: Listener) => listeners.push(l) } } },
}));

const teamPack = { schemaVersion: 1, name: 'Acme', version: '1', rules: [], overrides: { 'as-i-said': { locked: true } } };

beforeEach(() => {
  mem.local = {};
  mem.managed = {};
  listeners.length = 0;
  vi.resetModules();
  delete (globalThis as { __TACTFUL_TEST__?: boolean }).__TACTFUL_TEST__;
});

describe('managed policy adapter', () => {
  it('mirrors storage.managed, normalised, into storage.local', async () => {
    mem.managed = { teamPack: JSON.stringify(teamPack), lockedRules: ['x'], junk: 1 };
    const { syncPolicy } = await import('../../src/background/policy');
    await syncPolicy();
    expect(mem.local.managedPolicy).toMatchObject({ teamPack: { name: 'Acme' }, lockedRules: ['x'], settings: {}, problems: [] });
  });

  it('no managed area or a throwing one (Firefox without policy) means no policy; the test key is ignored outside test builds', async () => {
    mem.managed = new Error('Managed storage manifest not found');
    mem.local['test:managedPolicy'] = { teamPack };
    const { syncPolicy, TEST_BUILD } = await import('../../src/background/policy');
    expect(TEST_BUILD).toBe(false);
    const p = await syncPolicy();
    expect(p.teamPack).toBeNull();
    expect(mem.local.managedPolicy).toEqual({ teamPack: null, lockedRules: [], settings: {}, problems: [] });
  });

  it('in a test build the test key stands in only while storage.managed is empty', async () => {
    (globalThis as { __TACTFUL_TEST__?: boolean }).__TACTFUL_TEST__ = true;
    mem.local['test:managedPolicy'] = { teamPack };
    const { syncPolicy, TEST_BUILD } = await import('../../src/background/policy');
    expect(TEST_BUILD).toBe(true);
    expect((await syncPolicy()).teamPack?.name).toBe('Acme');
    mem.managed = { lockedRules: ['real'] };
    const real = await syncPolicy();
    expect(real.teamPack).toBeNull();
    expect(real.lockedRules).toEqual(['real']);
  });
});

describe('background writers', () => {
  it('stats: concurrent events are all counted (serialised read-modify-write)', async () => {
    const { recordStat } = await import('../../src/background/stats');
    const now = new Date(2026, 10, 26);
    await Promise.all(Array.from({ length: 25 }, (_, i) => recordStat(i % 5 ? 'defensive' : 'lecturing', 'applied', now)));
    expect(mem.local.stats).toEqual({ schemaVersion: 1, days: { '2026-11-26': { defensive: { applied: 20 }, lecturing: { applied: 5 } } } });
  });

  it('rule store: an old store is migrated once, with a backup of the original', async () => {
    const rule = { id: 'r1', category: 'defensive', severity: 'info', message: 'm', patterns: ['abc'], suggestions: [], examples: { flags: ['abc', 'abc def'], allows: ['x', 'ab c'] } };
    mem.local.personalRules = [rule, { bad: true }];
    const { migratePersonalStore } = await import('../../src/background/packs');
    const store = await migratePersonalStore();
    expect(store.rules.map((r) => r.id)).toEqual(['r1']);
    expect(store.quarantine).toHaveLength(1);
    expect(mem.local['personalRules:backup']).toEqual([rule, { bad: true }]);
    mem.local.personalRules = 'later junk';
    await migratePersonalStore();
    expect(mem.local['personalRules:backup']).toEqual([rule, { bad: true }]); // the first original is kept
  });
});
