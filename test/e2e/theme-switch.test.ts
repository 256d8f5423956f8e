/**
 * A page that switches to its dark theme while Tactful is showing, in real Chromium: with no
 * typing, scrolling or focus change after the switch, the open card (or panel), the badge and
 * the underlines take the dark colours within a second, and every line keeps 3:1 against the
 * new background. The switch is a class on <html>, as theme toggles in help desks do it.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, FLAGGED, badge, card, marks, useSession, withPage } from './harness';
import { HIGHLIGHT_LINES, OVERLAY_LINES, UNDERLINE_REPLY_TAIL, type Line, SURFACE_LOOK } from './underline-reads';

const REPLY = `${FLAGGED} ${UNDERLINE_REPLY_TAIL}`;
/** The page's dark theme, in force once <html> has the class `dark`. */
const DARK_THEME = 'html.dark body{background:#0d1117;color:#e6edf3} html.dark #reply{background:#1e1e1e;color:#e4e4e7;border-color:#3f3f46}';
const panel = (page: Page) => page.locator('tactful-overlay [data-tactful="panel"]');

const surfaceLook = (page: Page, selector: string) => page.evaluate(SURFACE_LOOK, selector);

async function typeReply(page: Page): Promise<void> {
  await page.addStyleTag({ content: DARK_THEME });
  await page.click('#reply');
  await page.keyboard.type(REPLY);
  await expect.poll(async () => Number(await badge(page).textContent())).toBe(4);
}

/** After typing, long enough that any timer it armed (the pause's geometry and colour read) has run. */
const settle = (page: Page) => page.waitForTimeout(1500);

const switchToDark = (page: Page) => page.evaluate(() => document.documentElement.classList.add('dark'));

/**
 * Switches the page to dark and checks, with no typing: the open surface and the badge turn dark
 * within a second, every line (read by `lines`) keeps 3:1 by then, and the lines changed colour.
 */
async function expectDarkWithin1s(page: Page, surface: string, lines: string): Promise<void> {
  const before = (await page.evaluate(lines)) as Line[];
  expect((await surfaceLook(page, surface)).theme).toBe('light');
  await switchToDark(page);
  const t0 = Date.now();
  await expect.poll(() => surfaceLook(page, surface), { timeout: 1000, interval: 50 }).toMatchObject({ theme: 'dark' });
  expect((await surfaceLook(page, surface)).luminance).toBeLessThan(0.05);
  expect(await badge(page).getAttribute('data-theme')).toBe('dark');
  await expect
    .poll(async () => ((await page.evaluate(lines)) as Line[]).filter((l) => l.ratio < 3).map((l) => l.what), { timeout: Math.max(100, 1000 - (Date.now() - t0)), interval: 50 })
    .toEqual([]);
  const after = (await page.evaluate(lines)) as Line[];
  expect(after.length).toBe(before.length);
  // Other colours, not the same lines that happen to pass.
  expect(after.map((l) => l.colour)).not.toEqual(before.map((l) => l.colour));
}

describe.skipIf(SKIP_BROWSER)('theme switch while showing', () => {
  const s = useSession({ clearStorage: true });

  it('contenteditable (CSS highlights) with a card open: card, badge and underlines turn dark within 1 s, no typing', async () => {
    await withPage(s, async (page) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(s.fixtures.url('contenteditable.html'));
      await typeReply(page);
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Alt+Shift+T');
      await expect.poll(() => card(page).isVisible()).toBe(true);
      await settle(page);
      expect(((await page.evaluate(HIGHLIGHT_LINES)) as Line[]).length).toBeGreaterThanOrEqual(4);
      expect(await badge(page).getAttribute('data-theme')).toBe('light');
      await expectDarkWithin1s(page, '[data-tactful="card"]', HIGHLIGHT_LINES);
      // Still open on the same finding: nothing was retyped or reopened.
      expect(await card(page).isVisible()).toBe(true);
    });
  });

  it('textarea (overlay mirror) with the panel open: panel, badge and underlines turn dark within 1 s, no typing', async () => {
    await withPage(s, async (page) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(s.fixtures.url('textarea.html'));
      await typeReply(page);
      await badge(page).click();
      await expect.poll(() => panel(page).isVisible()).toBe(true);
      await settle(page);
      await expect.poll(() => marks(page).count()).toBe(4);
      await expectDarkWithin1s(page, '[data-tactful="panel"]', OVERLAY_LINES);
      expect(await panel(page).isVisible()).toBe(true);
    });
  });
});
