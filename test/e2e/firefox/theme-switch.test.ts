/**
 * A page that switches to its dark theme while Tactful is showing, in Firefox ESR: with no
 * typing after the switch, the open card and the badge take the dark theme and the underlines
 * recolour with 3:1 or more against the new background. The switch is a class on <html>, as
 * help desks' theme toggles do it.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FLAGGED } from '../harness';
import { OVERLAY_LINES, UNDERLINE_REPLY_TAIL, type Line, SURFACE_LOOK } from '../underline-reads';
import { SKIP_FIREFOX, useFirefox, withTab, badgeCount, cardView, pressCtrl, pressShortcut } from './harness';

const REPLY = `${FLAGGED} ${UNDERLINE_REPLY_TAIL}`;
const DARK_THEME = 'html.dark body{background:#0d1117;color:#e6edf3} html.dark #reply{background:#1e1e1e;color:#e4e4e7;border-color:#3f3f46}';

const look = (page: Page, selector: string) => page.evaluate(SURFACE_LOOK, selector);

describe.skipIf(SKIP_FIREFOX)('Firefox: theme switch while showing', () => {
  const s = useFirefox();

  it('textarea with a card open: card, badge and underlines turn dark without typing', async () => {
    await withTab(s, 'textarea.html', async (page, errors) => {
      await page.addStyleTag({ content: DARK_THEME });
      await page.click('#reply');
      await page.keyboard.type(REPLY);
      await expect.poll(() => badgeCount(page), { timeout: 15_000 }).toBe(4);
      await pressCtrl(page, 'Home');
      await pressShortcut(page);
      await expect.poll(async () => (await cardView(page)) !== null).toBe(true);
      // Long enough that any timer the typing armed has run: what follows is the switch alone.
      await new Promise((r) => setTimeout(r, 1500));
      expect((await look(page, '[data-tactful="card"]')).theme).toBe('light');
      const before = (await page.evaluate(OVERLAY_LINES)) as Line[];
      expect(before.length).toBeGreaterThanOrEqual(4);
      await page.evaluate(() => document.documentElement.classList.add('dark'));
      await expect.poll(() => look(page, '[data-tactful="card"]'), { timeout: 1500, interval: 50 }).toMatchObject({ theme: 'dark' });
      expect((await look(page, '[data-tactful="card"]')).luminance).toBeLessThan(0.05);
      expect((await look(page, '[data-tactful="badge"]')).theme).toBe('dark');
      await expect
        .poll(async () => ((await page.evaluate(OVERLAY_LINES)) as Line[]).filter((l) => l.ratio < 3).map((l) => l.what), { timeout: 1500, interval: 50 })
        .toEqual([]);
      const after = (await page.evaluate(OVERLAY_LINES)) as Line[];
      expect(after.map((l) => l.colour)).not.toEqual(before.map((l) => l.colour));
      // Still open: nothing was retyped or reopened.
      expect(await cardView(page)).not.toBeNull();
      expect(errors).toEqual([]);
    });
  });
});
