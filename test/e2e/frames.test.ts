/**
 * Fields in same-origin iframes (a normal page and an about:blank one written by script),
 * in an open shadow root, fields added after load, and fields Tactful must leave alone.
 */
import { describe, it, expect } from 'vitest';
import {
  SKIP_BROWSER,
  badge,
  card,
  marks,
  highlightSizes,
  totalFlagged,
  flaggedPoints,
  norm,
  FLAGGED,
  FLAGGED_2,
  useSession,
  withPage,
} from './harness';

const REPLY = `${FLAGGED} ${FLAGGED_2}`;
const badgeCount = async (p: import('playwright-core').Page, i = 0) => Number(await badge(p).nth(i).textContent());

describe.skipIf(SKIP_BROWSER)('frames, shadow DOM, late fields', () => {
  const s = useSession();

  it('textarea in a same-origin iframe: overlay in the top page, apply and undo', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('frames.html'));
      const frame = page.frameLocator('#same');
      await frame.locator('#reply').click();
      await page.keyboard.type(REPLY);
      await expect.poll(() => badgeCount(page)).toBeGreaterThanOrEqual(2);
      const n = await badgeCount(page);
      expect(await marks(page).count()).toBe(n);
      // the badge sits inside the iframe's box
      const fb = (await page.locator('#same').boundingBox())!;
      const bb = (await badge(page).boundingBox())!;
      expect(bb.x).toBeGreaterThan(fb.x);
      expect(bb.y).toBeGreaterThan(fb.y);
      expect(bb.y + bb.height).toBeLessThan(fb.y + fb.height);
      const pts = await flaggedPoints(page, 'overlay');
      await page.mouse.click(pts[0]!.x, pts[0]!.y);
      await expect.poll(() => card(page).isVisible()).toBe(true);
      const repl = (await card(page).locator('[data-tactful="suggestion"]').first().textContent())!;
      await card(page).locator('[data-tactful="suggestion"]').first().click();
      const value = () => frame.locator('#reply').inputValue();
      await expect.poll(value).toContain(repl);
      await page.keyboard.press('Control+z');
      await expect.poll(value).toBe(REPLY);
    });
  });

  it('contenteditable in an about:blank iframe written by script: highlights in that document', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('frames.html'));
      const frame = page.frameLocator('#blank');
      await frame.locator('#reply').click();
      await page.keyboard.type(REPLY);
      await expect.poll(() => badgeCount(page)).toBeGreaterThanOrEqual(2);
      const n = await badgeCount(page);
      await expect.poll(async () => totalFlagged(await highlightSizes(page, '#blank'))).toBe(n);
      // only one overlay, in the top document
      expect(await page.evaluate(() => document.querySelectorAll('tactful-overlay').length)).toBe(1);
      expect(
        await page.evaluate(() => (document.querySelector('#blank') as HTMLIFrameElement).contentDocument!.querySelectorAll('tactful-overlay').length),
      ).toBe(0);
      const pts = await flaggedPoints(page, 'css', '#blank');
      await page.mouse.click(pts[0]!.x, pts[0]!.y);
      await expect.poll(() => card(page).isVisible()).toBe(true);
      const repl = (await card(page).locator('[data-tactful="suggestion"]').first().textContent())!;
      await card(page).locator('[data-tactful="suggestion"]').first().click();
      const text = async () => norm(await frame.locator('#reply').innerText());
      await expect.poll(text).toContain(repl);
      await page.keyboard.press('Control+z');
      await expect.poll(text).toBe(REPLY);
    });
  });

  it('contenteditable inside an open shadow root: highlights, card, apply, undo', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('shadow.html'));
      await page.locator('reply-box #reply').click();
      await page.keyboard.type(REPLY);
      await expect.poll(() => badgeCount(page)).toBeGreaterThanOrEqual(2);
      const n = await badgeCount(page);
      await expect.poll(async () => totalFlagged(await highlightSizes(page))).toBe(n);
      // the ::highlight styles are adopted into the shadow root
      expect(
        await page.evaluate(() => {
          const root = document.querySelector('reply-box')!.shadowRoot!;
          return root.adoptedStyleSheets.some((sh) => Array.from(sh.cssRules).some((r) => r.cssText.includes('::highlight(tactful-')));
        }),
      ).toBe(true);
      const pts = await flaggedPoints(page, 'css');
      await page.mouse.click(pts[0]!.x, pts[0]!.y);
      await expect.poll(() => card(page).isVisible()).toBe(true);
      const repl = (await card(page).locator('[data-tactful="suggestion"]').first().textContent())!;
      await card(page).locator('[data-tactful="suggestion"]').first().click();
      const text = async () => norm(await page.locator('reply-box #reply').innerText());
      await expect.poll(text).toContain(repl);
      await page.keyboard.press('Control+z');
      await expect.poll(text).toBe(REPLY);
    });
  });

  it('a field added after load is picked up; internal notes, search and password fields are not', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('contenteditable.html'));
      // internal note (marked by the help desk): no badge, no highlights
      await page.click('#note');
      await page.keyboard.type(REPLY);
      await page.waitForTimeout(400);
      expect(await badge(page).count()).toBe(0);
      expect(totalFlagged(await highlightSizes(page))).toBe(0);

      await page.evaluate(() => {
        const wrap = document.createElement('section');
        wrap.innerHTML = '<div id="late" class="reply" contenteditable="true"></div>';
        document.body.appendChild(wrap);
      });
      await page.click('#late');
      await page.keyboard.type(REPLY);
      await expect.poll(() => badgeCount(page)).toBeGreaterThanOrEqual(2);
      await expect.poll(async () => totalFlagged(await highlightSizes(page))).toBe(await badgeCount(page));
    });
  });

  it('ignores search and password inputs', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('textarea.html'));
      await page.fill('#search', REPLY);
      await page.fill('#pw', REPLY);
      await page.click('#search');
      await page.keyboard.type(' x');
      await page.waitForTimeout(400);
      expect(await badge(page).count()).toBe(0);
      expect(await marks(page).count()).toBe(0);
    });
  });
});
