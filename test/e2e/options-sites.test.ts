/**
 * Wildcard help-desk entries in the options page's Sites tab, in Chromium: `*.zendesk.com` has an
 * on/off switch like the other built-in sites, it is stored, and the content script on a
 * matching host (acme.zendesk.com, served from the fixtures through request interception)
 * stops and starts with it.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, storageLocal, useSession, withPage, FLAGGED, type Session } from './harness';

const DESK = 'https://acme.zendesk.com';

/** Serves the fixture pages as if they were acme.zendesk.com (the built-in content script matches it). */
async function routeDesk(s: Session, page: Page): Promise<void> {
  await page.route(`${DESK}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\//, '');
    await route.fulfill({ response: await route.fetch({ url: s.fixtures.url(path) }) });
  });
}

const sites = async (s: Session) => ((await storageLocal(s)).settings as { sites?: Record<string, boolean> } | undefined)?.sites ?? {};

describe.skipIf(SKIP_BROWSER)('options: wildcard site switches', () => {
  const s = useSession();

  it('switching *.zendesk.com off stores it and stops checking on acme.zendesk.com; on again, it checks again', async () => {
    await withPage(s, async (desk) => {
      await routeDesk(s, desk);
      await desk.goto(`${DESK}/textarea.html`);
      await desk.click('#reply');
      await desk.keyboard.type(FLAGGED);
      await expect.poll(async () => Number(await badge(desk).textContent())).toBe(1);

      await withPage(s, async (page) => {
        await page.goto(`chrome-extension://${s.extensionId}/src/options/index.html#sites`);
        const wildcard = page.getByRole('checkbox', { name: /^\*\.zendesk\.com/ });
        await expect.poll(() => wildcard.isChecked()).toBe(true);
        // Every built-in entry has a switch, the wildcard ones too.
        const entries = page.locator('ul.sites').first().locator('li');
        expect(await entries.count()).toBeGreaterThan(5);
        expect(await entries.locator('input[type="checkbox"]').count()).toBe(await entries.count());

        await wildcard.uncheck();
        await expect.poll(() => sites(s)).toEqual({ '*.zendesk.com': false });
        // The open reply box stops being checked.
        await expect.poll(() => badge(desk).count()).toBe(0);
        // A new page on the host is not checked either.
        await desk.reload();
        await desk.click('#reply');
        await desk.keyboard.type(FLAGGED);
        await desk.waitForTimeout(800);
        expect(await badge(desk).count()).toBe(0);
        // The options page shows it switched off after a reload, too.
        await page.reload();
        await expect.poll(() => page.getByRole('checkbox', { name: /^\*\.zendesk\.com/ }).isChecked()).toBe(false);

        await page.getByRole('checkbox', { name: /^\*\.zendesk\.com/ }).check();
        await expect.poll(() => sites(s)).toEqual({});
        await expect.poll(async () => Number(await badge(desk).textContent())).toBe(1);
      });
    });
  });
});
