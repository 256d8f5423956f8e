/**
 * Underlines stay visible in dark reply boxes, in real Chromium: on a dark textarea (overlay
 * mirror), a dark contenteditable (CSS Custom Highlight API, and the overlay boxes when forced)
 * and a contenteditable on a dark page, every underline colour in use has at least 3:1 contrast
 * (WCAG 1.4.11) against the field's computed background, read from the rules injected into the
 * document (highlights) or the marks' computed style (overlay). A light page keeps 3:1 too. On
 * mid-grey reply boxes the lines keep 3:1 and still look coloured (not near-black or near-white).
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, highlightSizes, marks, useSession, withPage, FLAGGED } from './harness';
import { DARK_FIELD, DARK_PAGE, GREY_FIELD, HIGHLIGHT_LINES, OVERLAY_LINES, UNDERLINE_REPLY_TAIL, type Line } from './underline-reads';

const REPLY = `${FLAGGED} ${UNDERLINE_REPLY_TAIL}`;

const highlightLines = (page: Page): Promise<Line[]> => page.evaluate(HIGHLIGHT_LINES);
const overlayLines = (page: Page): Promise<Line[]> => page.evaluate(OVERLAY_LINES);

async function typeReply(page: Page): Promise<void> {
  await page.click('#reply');
  await page.keyboard.type(REPLY);
  await expect.poll(async () => Number(await badge(page).textContent())).toBe(4);
}

describe.skipIf(SKIP_BROWSER)('underline contrast', () => {
  const s = useSession({ clearStorage: true });

  const cases = [
    { name: 'a dark contenteditable (CSS highlights)', fixture: 'contenteditable.html', css: DARK_FIELD, path: 'highlight' as const },
    { name: 'a contenteditable on a dark page (CSS highlights)', fixture: 'contenteditable.html', css: DARK_PAGE, path: 'highlight' as const },
    { name: 'a light contenteditable (CSS highlights)', fixture: 'contenteditable.html', css: '', path: 'highlight' as const },
    { name: 'a dark contenteditable (overlay boxes)', fixture: 'contenteditable.html', css: DARK_FIELD, path: 'boxes' as const },
    { name: 'a dark textarea (overlay mirror)', fixture: 'textarea.html', css: DARK_FIELD, path: 'mirror' as const },
    { name: 'a textarea on a dark page (overlay mirror)', fixture: 'textarea.html', css: DARK_PAGE, path: 'mirror' as const },
    ...[128, 110, 150].flatMap((g) => [
      { name: `a rgb(${g}, ${g}, ${g}) contenteditable (CSS highlights)`, fixture: 'contenteditable.html', css: GREY_FIELD(g), path: 'highlight' as const, grey: true },
      { name: `a rgb(${g}, ${g}, ${g}) textarea (overlay mirror)`, fixture: 'textarea.html', css: GREY_FIELD(g), path: 'mirror' as const, grey: true },
    ]),
  ];

  for (const c of cases) {
    it(`${c.name}: every underline has 3:1 or more against the field's background${'grey' in c ? ' and still looks coloured' : ''}`, async () => {
      await withPage(s, async (page) => {
        await page.goto(s.fixtures.url(c.fixture));
        if (c.css) await page.addStyleTag({ content: c.css });
        if (c.path === 'boxes') await page.evaluate(() => document.documentElement.setAttribute('data-tactful-force-overlay', ''));
        await typeReply(page);
        let lines: Line[];
        if (c.path === 'highlight') {
          await expect.poll(async () => Object.values(await highlightSizes(page)).reduce((a, n) => a + n, 0)).toBeGreaterThanOrEqual(4);
          lines = await highlightLines(page);
        } else {
          await expect.poll(() => marks(page).count()).toBe(4);
          lines = await overlayLines(page);
        }
        expect(lines.length).toBeGreaterThanOrEqual(4);
        // Info, warning and error lines are all among them.
        expect(new Set(lines.map((l) => l.what.replace(/^tactful-/, '').match(/(info|warning|error)/)?.[1])).size).toBe(3);
        expect(lines.filter((l) => l.ratio < 3), 'lines under 3:1').toEqual([]);
        // Mid-grey: 3:1 is reached with the category's hue, not by turning the line near-black or near-white.
        if ('grey' in c) expect(lines.filter((l) => l.chroma < 50), 'lines that look grey, black or white').toEqual([]);
      });
    });
  }

  it('a page that turns its reply box dark gets visible underlines after the next pause', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('contenteditable.html'));
      await typeReply(page);
      await expect.poll(async () => (await highlightLines(page)).length).toBeGreaterThanOrEqual(4);
      await page.addStyleTag({ content: DARK_FIELD });
      await page.waitForTimeout(1100);
      await page.keyboard.type(' Thanks.');
      await expect
        .poll(async () => (await highlightLines(page)).filter((l) => l.ratio < 3).map((l) => l.what), { timeout: 5000 })
        .toEqual([]);
      expect((await highlightLines(page)).length).toBeGreaterThanOrEqual(4);
    });
  });
});
