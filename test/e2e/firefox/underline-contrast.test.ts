/**
 * Underlines stay visible in dark reply boxes, in Firefox: a dark contenteditable (CSS highlights
 * where Firefox has them, overlay boxes otherwise) and a dark textarea (overlay mirror); every
 * underline in use has at least 3:1 contrast against the field's computed background. On a
 * mid-grey textarea the lines also still look coloured.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FLAGGED } from '../harness';
import { DARK_FIELD, GREY_FIELD, HIGHLIGHT_LINES, OVERLAY_LINES, UNDERLINE_REPLY_TAIL, type Line } from '../underline-reads';
import { SKIP_FIREFOX, useFirefox, withTab, badgeCount } from './harness';

const REPLY = `${FLAGGED} ${UNDERLINE_REPLY_TAIL}`;

/** The lines in use: the highlight rules when the field is painted with CSS highlights, else the overlay marks. */
async function lines(page: Page): Promise<Line[]> {
  const css = (await page.evaluate(HIGHLIGHT_LINES).catch(() => [])) as Line[];
  return css.length ? css : ((await page.evaluate(OVERLAY_LINES)) as Line[]);
}

describe.skipIf(SKIP_FIREFOX)('Firefox: underline contrast', () => {
  const s = useFirefox();

  const cases = [
    { fixture: 'contenteditable.html', css: DARK_FIELD, on: 'a dark background', grey: false },
    { fixture: 'textarea.html', css: DARK_FIELD, on: 'a dark background', grey: false },
    { fixture: 'textarea.html', css: GREY_FIELD(128), on: 'rgb(128, 128, 128)', grey: true },
  ];
  for (const c of cases) {
    it(`${c.fixture} on ${c.on}: every underline has 3:1 or more against it${c.grey ? ' and still looks coloured' : ''}`, async () => {
      await withTab(s, c.fixture, async (page, errors) => {
        await page.addStyleTag({ content: c.css });
        await page.click('#reply');
        await page.keyboard.type(REPLY);
        await expect.poll(() => badgeCount(page), { timeout: 15_000 }).toBe(4);
        await expect.poll(async () => (await lines(page)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
        const got = await lines(page);
        expect(new Set(got.map((l) => l.what.match(/(info|warning|error)/)?.[1])).size).toBe(3);
        expect(got.filter((l) => l.ratio < 3), 'lines under 3:1').toEqual([]);
        if (c.grey) expect(got.filter((l) => l.chroma < 50), 'lines that look grey, black or white').toEqual([]);
        expect(errors).toEqual([]);
      });
    });
  }
});
