/** Overlay marks and badges follow page and container scrolling and never show outside the visible part. */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, marks, useSession, withPage, FLAGGED, FLAGGED_2 } from './harness';

const REPLY = `Hi Sam, ${FLAGGED} ${FLAGGED_2}`;

/** Top of the mirror (textarea overlay) relative to the textarea, and whether it is shown. */
async function mirrorState(page: Page) {
  return page.evaluate(() => {
    const mirror = document.querySelector('tactful-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-tactful="mirror"]')!;
    const ta = document.querySelector('#reply')!.getBoundingClientRect();
    const m = mirror.getBoundingClientRect();
    return { dy: Math.round(m.top - ta.top), dx: Math.round(m.left - ta.left), shown: getComputedStyle(mirror).display !== 'none', clip: mirror.style.clipPath };
  });
}

describe.skipIf(SKIP_BROWSER)('scrolling', () => {
  const s = useSession({ clearStorage: false });

  it('textarea marks follow container and page scrolling and are clipped to the visible part', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('scroll.html'));
      await page.click('#reply');
      await page.keyboard.type(REPLY);
      await expect.poll(async () => Number(await badge(page).textContent())).toBeGreaterThanOrEqual(2);
      expect(await mirrorState(page)).toMatchObject({ dx: 0, dy: 0, shown: true });

      await page.evaluate(() => document.querySelector('#pane')!.scrollTo(0, 260)); // 40px above the pane's top
      await expect.poll(async () => (await mirrorState(page)).dy).toBe(0);
      // partly scrolled out at the top of the pane: clipped, still aligned
      await expect.poll(async () => (await mirrorState(page)).clip).toMatch(/^inset\(\d/);

      await page.evaluate(() => window.scrollBy(0, 60));
      await expect.poll(async () => (await mirrorState(page)).dy).toBe(0);

      // fully scrolled out of the pane: no marks, no badge
      await page.evaluate(() => document.querySelector('#pane')!.scrollTo(0, 700));
      await expect.poll(async () => (await mirrorState(page)).shown).toBe(false);
      await expect.poll(() => badge(page).isVisible()).toBe(false);

      await page.evaluate(() => document.querySelector('#pane')!.scrollTo(0, 0));
      await expect.poll(async () => (await mirrorState(page)).shown).toBe(true);
      await expect.poll(() => badge(page).isVisible()).toBe(true);
    });
  });

  it('contenteditable overlay boxes (fallback) follow scrolling and stay inside the pane', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('scroll.html'));
      await page.evaluate(() => document.documentElement.setAttribute('data-tactful-force-overlay', ''));
      await page.evaluate(() => document.querySelector('#ce')!.scrollIntoView({ block: 'center' }));
      await page.click('#ce');
      await page.keyboard.type(REPLY);
      await expect.poll(async () => Number(await badge(page).first().textContent())).toBeGreaterThanOrEqual(2);
      const n = Number(await badge(page).first().textContent());
      await expect.poll(() => marks(page).count()).toBe(n);
      const pane = (await page.locator('#pane').boundingBox())!;
      const inside = async () => {
        const boxes = await marks(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
        return boxes.every((b) => b.top >= pane.y - 1 && b.bottom <= pane.y + pane.height + 1);
      };
      expect(await inside()).toBe(true);
      // the first mark sits on the flagged text
      const aligned = async () =>
        page.evaluate(() => {
          const m = document.querySelector('tactful-overlay')!.shadowRoot!.querySelector('[data-tactful="mark"]')!.getBoundingClientRect();
          const el = document.elementFromPoint(m.left + 2, m.top + m.height / 2);
          return el?.id === 'ce';
        });
      expect(await aligned()).toBe(true);
      await page.evaluate(() => document.querySelector('#pane')!.scrollBy(0, 40));
      // The marks follow in the next animation frame: wait for both, not just the first mark.
      await expect.poll(aligned).toBe(true);
      await expect.poll(inside).toBe(true);
      await page.evaluate(() => document.querySelector('#pane')!.scrollBy(0, 2000));
      await expect.poll(() => marks(page).count()).toBe(0);
    });
  });
});
