/**
 * Focus in the card and panel, in real Chromium through the overlay hooks: Tab and Shift+Tab
 * cycle inside them, Escape from any element inside (and from the badge) closes them and
 * gives focus back to the reply box.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, card, useSession, FLAGGED, FLAGGED_2 } from './harness';

const REPLY = `${FLAGGED} ${FLAGGED_2}`;

/** Where focus is: 'reply', or the data-tactful of the overlay element and the surface (card/panel) holding it. */
async function focusAt(page: Page): Promise<{ where: string; role: string | null }> {
  return page.evaluate(() => {
    if (document.activeElement?.id === 'reply') return { where: 'reply', role: null };
    const el = document.querySelector('tactful-overlay')?.shadowRoot?.activeElement;
    if (!el) return { where: String(document.activeElement?.tagName), role: null };
    const surface = el.closest('[data-tactful="card"], [data-tactful="panel"]');
    return { where: surface ? surface.getAttribute('data-tactful')! : 'overlay', role: el.getAttribute('data-tactful') };
  });
}

describe.skipIf(SKIP_BROWSER)('focus', () => {
  const s = useSession({ clearStorage: true });

  async function typed(): Promise<Page> {
    const page = await s.context.newPage();
    await page.goto(s.fixtures.url('textarea.html'));
    await page.click('#reply');
    await page.keyboard.type(REPLY);
    await expect.poll(async () => Number(await badge(page).textContent())).toBe(2);
    return page;
  }

  it('Tab and Shift+Tab cycle inside the card; Escape from any button closes it and returns to the reply', async () => {
    const page = await typed();
    await page.keyboard.press('Alt+Shift+T');
    await expect.poll(() => card(page).isVisible()).toBe(true);
    await expect.poll(async () => (await focusAt(page)).role).toBe('suggestion');
    const buttons = await card(page).locator('button').count();
    const seen = new Set<string>();
    for (let i = 0; i < buttons + 2; i++) {
      await page.keyboard.press('Tab');
      const at = await focusAt(page);
      expect(at.where).toBe('card');
      seen.add(at.role!);
    }
    expect(seen).toEqual(new Set(['close', 'suggestion', 'dismiss', 'ignore', 'disable-rule']));
    for (let i = 0; i < buttons + 2; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focusAt(page)).where).toBe('card');
    }
    // Escape from the "ignore" button, not just the first one.
    while ((await focusAt(page)).role !== 'ignore') await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    expect((await focusAt(page)).where).toBe('reply');
    await page.close();
  });

  it('the panel opened by clicking the badge keeps focus, cycles Tab inside and closes on Escape', async () => {
    const page = await typed();
    await badge(page).click();
    const panel = page.locator('tactful-overlay [data-tactful="panel"]');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expect.poll(async () => (await focusAt(page)).where).toBe('panel');
    const buttons = await panel.locator('button').count();
    for (let i = 0; i < buttons + 2; i++) {
      await page.keyboard.press('Tab');
      expect((await focusAt(page)).where).toBe('panel');
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect((await focusAt(page)).where).toBe('reply');
    await page.close();
  });

  it('Escape on the badge closes the open card and gives the caret back', async () => {
    const page = await typed();
    await page.keyboard.press('Alt+Shift+T');
    await expect.poll(() => card(page).isVisible()).toBe(true);
    await badge(page).focus();
    expect((await focusAt(page)).role).toBe('badge');
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    expect((await focusAt(page)).where).toBe('reply');
    await page.close();
  });
});
