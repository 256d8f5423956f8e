/**
 * Managed policy: reads `storage.managed` (set by an admin through Chrome policy or
 * Firefox policies.json `3rdparty` extension settings; see managed_schema.json), normalises
 * it, and mirrors it into storage.local under `managedPolicy`, where the content script and
 * the options page read it together with the personal rules.
 *
 * Test builds only (`vite build --mode chrome-test`, __TACTFUL_TEST__): when managed storage
 * is empty, `storage.local['test:managedPolicy']` stands in for it, so a browser test can
 * simulate a policy without root access to /etc/chromium/policies. Production builds never
 * read that key.
 */
import browser from 'webextension-polyfill';
import { POLICY_KEY, normalizePolicy, type ManagedPolicy } from '../shared/packs';

declare const __TACTFUL_TEST__: boolean | undefined;
export const TEST_BUILD = typeof __TACTFUL_TEST__ !== 'undefined' && __TACTFUL_TEST__ === true;
export const TEST_POLICY_KEY = 'test:managedPolicy';

type Area = { get(keys?: null | string | string[]): Promise<Record<string, unknown>> };

/** Raw managed values; {} when there is no policy (Firefox throws then) or no managed area. */
export async function readManagedRaw(): Promise<Record<string, unknown>> {
  let raw: Record<string, unknown> = {};
  try {
    const managed = (browser.storage as unknown as { managed?: Area }).managed;
    if (managed) raw = await managed.get(null);
  } catch {
    raw = {};
  }
  if (TEST_BUILD && Object.keys(raw).length === 0) {
    const got = await browser.storage.local.get(TEST_POLICY_KEY);
    const t = got[TEST_POLICY_KEY];
    if (typeof t === 'object' && t !== null) raw = t as Record<string, unknown>;
  }
  return raw;
}

export async function readPolicy(): Promise<ManagedPolicy> {
  return normalizePolicy(await readManagedRaw());
}

/** Mirrors the normalised policy into storage.local (only when it changed, to avoid churn). */
export async function syncPolicy(): Promise<ManagedPolicy> {
  const policy = await readPolicy();
  const got = await browser.storage.local.get(POLICY_KEY);
  if (JSON.stringify(got[POLICY_KEY]) !== JSON.stringify(policy)) {
    await browser.storage.local.set({ [POLICY_KEY]: policy });
  }
  if (policy.problems.length) console.warn('[tactful] managed policy problems:\n' + policy.problems.join('\n'));
  return policy;
}

export function watchPolicy(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (TEST_BUILD && area === 'local' && TEST_POLICY_KEY in changes)) void syncPolicy();
  });
}
