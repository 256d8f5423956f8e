/**
 * Managed policy, simulated. Real Chrome policy on Linux lives in /etc/chromium/policies/managed
 * (root, machine-wide), so this test builds the extension in test mode (`vite build --mode
 * chrome-test` → dist/chrome-test) whose background, only in that build, reads
 * storage.local['test:managedPolicy'] when storage.managed is empty. Everything after that —
 * normalising the policy, the mirror the content script and options page read, the merge and
 * the locks — is the production code path. (The production bundle does not contain the key:
 * see test/unit/storage-policy.test.ts.)
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SKIP_BROWSER, CHROMIUM, buildFixtures, serve, badge, card, type FixtureServer } from './harness';
import { TEAM_PACK } from './team-pack';

const TEST_EXT = join(ROOT, 'dist/chrome-test');

const teamPack = { ...TEAM_PACK, overrides: { 'as-i-said': { locked: true, severity: 'error' } } };

describe.skipIf(SKIP_BROWSER)('managed policy (simulated in a test build)', () => {
  let context: BrowserContext;
  let worker: Worker;
  let id: string;
  let fixtures: FixtureServer;
  let profile: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'chrome-test'], { cwd: ROOT, stdio: 'pipe' });
    fixtures = await serve(await buildFixtures());
    profile = mkdtempSync(join(tmpdir(), 'tactful-policy-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM!,
      headless: false,
      args: ['--headless=new', `--disable-extensions-except=${TEST_EXT}`, `--load-extension=${TEST_EXT}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-background-networking'],
      viewport: { width: 1280, height: 900 },
    });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    id = new URL(worker.url()).host;
    // The agent had turned the rule off and tried to replace the team's rule before the policy arrived.
    await worker.evaluate(() =>
      chrome.storage.local.set({
        settings: { enabled: true, sites: {}, disabledRules: ['as-i-said'], checkInternalNotes: false },
        personalRules: {
          schemaVersion: 2,
          rules: [{ id: 'acme-cheers-mate', category: 'lecturing', severity: 'info', message: 'Mine.', patterns: ['howdy'], suggestions: [], examples: { flags: ['howdy', 'well howdy'], allows: ['hi', 'hello'] } }],
          overrides: { 'as-i-said': { severity: 'info' } },
          quarantine: [],
        },
      }),
    );
    await worker.evaluate(
      (p) => chrome.storage.local.set({ 'test:managedPolicy': { teamPack: JSON.stringify(p), lockedRules: ['acme-cheers-mate'], settings: { checkInternalNotes: true } } }),
      teamPack,
    );
    const mirrored = () =>
      worker.evaluate(() => chrome.storage.local.get('managedPolicy').then((g) => (g.managedPolicy as { teamPack?: { name?: string } } | undefined)?.teamPack?.name));
    for (let i = 0; i < 100 && (await mirrored()) !== 'Acme support'; i++) await new Promise((r) => setTimeout(r, 100));
  });

  it('the background mirrors the normalised policy', async () => {
    const got = await worker.evaluate(() => chrome.storage.local.get('managedPolicy'));
    expect(got.managedPolicy).toMatchObject({ teamPack: { name: 'Acme support' }, lockedRules: ['acme-cheers-mate'], settings: { checkInternalNotes: true }, problems: [] });
  });

  afterAll(async () => {
    await context?.close();
    await fixtures?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function reply(text: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(fixtures.url('textarea.html'));
    await page.click('#reply');
    await page.keyboard.type(text);
    return page;
  }

  it('locked and team rules fire despite the agent turning them off or replacing them; the card has no "turn off"', async () => {
    const page = await reply('Like I told you yesterday, it shipped. Cheers mate.');
    try {
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(2);
      await page.keyboard.press('Home');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Alt+Shift+KeyT');
      await expect.poll(() => card(page).getAttribute('data-rule')).toBe('as-i-said');
      expect(await card(page).getAttribute('data-locked')).toBe('');
      expect(await card(page).locator('[data-tactful="disable-rule"]').count()).toBe(0);
      expect(await card(page).locator('[data-tactful="dismiss"]').count()).toBe(1);
    } finally {
      await page.close();
    }
    // An unlocked built-in rule keeps its "turn off" button.
    const other = await reply("That's not my department.");
    try {
      await expect.poll(async () => Number(await badge(other).textContent())).toBe(1);
      await other.keyboard.press('Alt+Shift+KeyT');
      await expect.poll(() => card(other).locator('[data-tactful="disable-rule"]').count()).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('the options page shows the team pack, locked rules and locked settings', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${id}/src/options/index.html#rules`);
      await expect.poll(() => page.getByTestId('managed-banner').textContent()).toMatch(/Acme support.*3\.1\.0.*2 locked rules/);
      const row = page.locator('tr[data-rule="as-i-said"]');
      await expect.poll(() => row.getAttribute('data-locked')).toBe('true');
      expect(await row.getByTestId('locked-badge').count()).toBe(1);
      expect(await row.locator('input[type="checkbox"]').isDisabled()).toBe(true);
      expect(await row.locator('input[type="checkbox"]').isChecked()).toBe(true);
      expect(await row.locator('select').inputValue()).toBe('error'); // the team's severity, not the agent's "info"
      const team = page.locator('tr[data-rule="acme-cheers-mate"]');
      expect(await team.textContent()).toMatch(/Team/);
      expect(await team.getByTestId('locked-badge').count()).toBe(1);
      await page.getByRole('tab', { name: 'Behaviour' }).click();
      const notes = page.getByTestId('internal-notes');
      expect(await notes.isChecked()).toBe(true);
      expect(await notes.isDisabled()).toBe(true);
    } finally {
      await page.close();
    }
  });
});
