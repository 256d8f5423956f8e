/**
 * Local stats count what an agent actually saw: a finding's card opened again in the same
 * reply is not another nudge "shown"; a different finding is.
 */
import { describe, expect, it } from 'vitest';
import { SKIP_BROWSER, FLAGGED, FLAGGED_2, badge, card, clearStorage, flaggedPoints, storageLocal, useSession, withPage } from './harness';

const REPLY = `Hi Sam, thanks for writing in. ${FLAGGED} ${FLAGGED_2}`;

describe.skipIf(SKIP_BROWSER)('stats', () => {
  const s = useSession();

  it('"shown" counts each finding once per reply, however often its card is opened', async () => {
    await clearStorage(s);
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('textarea.html'));
      await page.click('#reply');
      await page.keyboard.type(REPLY);
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(2);
      const pts = await flaggedPoints(page, 'overlay');
      for (const at of [pts[0]!, pts[0]!, pts[0]!, pts[1]!, pts[1]!]) {
        await page.mouse.click(at.x, at.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        await page.keyboard.press('Escape');
        await expect.poll(() => card(page).count()).toBe(0);
      }
      const shown = async () => {
        const st = (await storageLocal(s)).stats as { days?: Record<string, Record<string, Record<string, number>>> } | undefined;
        const day = Object.values(st?.days ?? {})[0] ?? {};
        return Object.fromEntries(Object.entries(day).map(([category, counts]) => [category, counts.shown ?? 0]));
      };
      await expect.poll(shown).toEqual({ 'blame-shifting': 1, defensive: 1 });
    });
  });
});
