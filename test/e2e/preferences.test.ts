/**
 * Agent preferences honoured by the content script: categories shown only in the panel (not
 * underlined, still counted) and the card opening on hover (and closing once the pointer leaves
 * both the span and the card, after a grace period).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import {
  SKIP_BROWSER, badge, card, marks, highlightSizes, totalFlagged, flaggedPoints, cardSpan,
  storageLocal, norm, useSession, withPage, FLAGGED, FLAGGED_2, type MarkMode, FLAGGED_SPAN, FLAGGED_2_SPAN } from './harness';

// FLAGGED is blame-shifting, FLAGGED_2 defensive.
const REPLY = `${FLAGGED} ${FLAGGED_2}`;

describe.skipIf(SKIP_BROWSER)('preferences', () => {
  const s = useSession();
  beforeAll(async () => {
    // The install handler writes default settings once; let it finish so it cannot overwrite ours.
    for (let i = 0; i < 100 && (await storageLocal(s)).settings === undefined; i++) await new Promise((r) => setTimeout(r, 100));
  });

  async function setPrefs(prefs: Record<string, unknown>): Promise<void> {
    await s.worker.evaluate(
      (p) => chrome.storage.local.set({ settings: { enabled: true, sites: {}, disabledRules: [], checkInternalNotes: false, ...p } }),
      prefs,
    );
  }

  async function typeReply(page: Page, fixture: string): Promise<void> {
    await page.goto(s.fixtures.url(fixture));
    await page.click('#reply');
    await page.keyboard.type(REPLY);
    await expect.poll(async () => Number(await badge(page).textContent())).toBe(2);
  }

  const cases: Array<{ fixture: string; mode: MarkMode }> = [
    { fixture: 'contenteditable.html', mode: 'css' },
    { fixture: 'textarea.html', mode: 'overlay' },
  ];

  for (const { fixture, mode } of cases) {
    it(`${fixture}: panel-only categories are counted but not underlined`, async () => {
      await setPrefs({ panelOnlyCategories: ['defensive'] });
      await withPage(s, async (page) => {
        await typeReply(page, fixture);
        if (mode === 'css') {
          await expect.poll(async () => totalFlagged(await highlightSizes(page))).toBe(1);
          const sizes = await highlightSizes(page);
          expect(sizes['tactful-blame-shifting-warning']).toBe(1);
          // No defensive highlight at any severity.
          expect(Object.entries(sizes).filter(([k, n]) => k.startsWith('tactful-defensive-') && n > 0)).toEqual([]);
        } else {
          await expect.poll(() => marks(page).count()).toBe(1);
        }
        expect(Number(await badge(page).textContent())).toBe(2);
        // The only underlined span is the blame-shifting one. Under load the marks can be laid out once
        // more after the count settles, so the point clicked is one that held still between two reads.
        let pts = await flaggedPoints(page, mode);
        await expect
          .poll(async () => {
            const again = await flaggedPoints(page, mode);
            const still = JSON.stringify(again) === JSON.stringify(pts);
            pts = again;
            return still;
          })
          .toBe(true);
        expect(pts).toHaveLength(1);
        await page.mouse.click(pts[0]!.x, pts[0]!.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        const span = await cardSpan(page);
        expect(norm(REPLY).slice(span.start, span.end)).toBe(FLAGGED_SPAN);
        // The panel still lists both.
        await page.keyboard.press('Escape');
        await badge(page).click();
        await expect.poll(() => page.locator('tactful-overlay [data-tactful="panel"] [data-tactful="review"]').count()).toBe(2);
      });
    });

    it(`${fixture}: with cardOn='hover', resting the pointer on a span opens its card`, async () => {
      await setPrefs({ cardOn: 'hover' });
      await withPage(s, async (page) => {
        await typeReply(page, fixture);
        await expect.poll(async () => (await flaggedPoints(page, mode)).length).toBe(2);
        const pts = await flaggedPoints(page, mode);
        await page.mouse.move(pts[1]!.x, pts[1]!.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        const span = await cardSpan(page);
        expect(norm(REPLY).slice(span.start, span.end)).toBe(FLAGGED_2_SPAN);
      });
    });

    it(`${fixture}: with cardOn='hover', the card stays while the pointer goes from the span into it, and closes once it leaves both`, async () => {
      await setPrefs({ cardOn: 'hover' });
      await withPage(s, async (page) => {
        await typeReply(page, fixture);
        await expect.poll(async () => (await flaggedPoints(page, mode)).length).toBe(2);
        const pts = await flaggedPoints(page, mode);
        await page.mouse.move(pts[0]!.x, pts[0]!.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        // Resting on the span keeps it open.
        await page.waitForTimeout(700);
        expect(await card(page).isVisible()).toBe(true);
        // From the span across the gap into the card.
        const box = (await card(page).boundingBox())!;
        await page.mouse.move(box.x + 40, box.y + box.height / 2, { steps: 12 });
        await page.waitForTimeout(900);
        expect(await card(page).isVisible()).toBe(true);
        expect(norm(REPLY).slice((await cardSpan(page)).start, (await cardSpan(page)).end)).toBe(FLAGGED_SPAN);
        // Out and straight back in: within the grace period, nothing closes.
        await page.mouse.move(1050, 760);
        await page.mouse.move(box.x + 40, box.y + box.height / 2);
        await page.waitForTimeout(900);
        expect(await card(page).isVisible()).toBe(true);
        // Out of both: closed after the grace period.
        await page.mouse.move(1050, 760, { steps: 3 });
        await expect.poll(() => card(page).count(), { timeout: 3000 }).toBe(0);
        // A card opened by hover also closes when the pointer leaves the span for plain text.
        await page.mouse.move(pts[1]!.x, pts[1]!.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        const field = (await page.locator('#reply').boundingBox())!;
        // Bottom left of the reply box: no text there, and clear of the card (by the span) and the badge (right).
        await page.mouse.move(field.x + 15, field.y + field.height - 15, { steps: 4 });
        await expect.poll(() => card(page).count(), { timeout: 3000 }).toBe(0);
      });
    });
  }

  it('with the default (click), hovering opens no card', async () => {
    await withPage(s, async (page) => {
      await typeReply(page, 'contenteditable.html');
      await expect.poll(async () => (await flaggedPoints(page, 'css')).length).toBe(2);
      const pts = await flaggedPoints(page, 'css');
      await page.mouse.move(pts[0]!.x, pts[0]!.y);
      await page.waitForTimeout(900);
      expect(await card(page).count()).toBe(0);
    });
  });
});
