/**
 * Firefox unloads an idle MV3 event page even while a content script holds a port to it (here
 * after 1 s instead of 30 s). Every check after a pause then runs against a background that
 * was unloaded and starts again: the reply must still be checked, and rewrites still applied.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../../src/engine/index';
import { FLAGGED, FLAGGED_2 } from '../harness';
import { SKIP_FIREFOX, useFirefox, withTab, badgeCount, markedTexts, cardView, clickInCard, pressShortcut, pressCtrl } from './harness';

const IDLE_MS = 1000;

describe.skipIf(SKIP_FIREFOX)('Firefox: the background event page unloaded between checks', () => {
  const s = useFirefox({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } });

  it('typing after the background went idle is checked; the card still applies a rewrite', async () => {
    await withTab(s, 'textarea.html', async (page, errors) => {
      const value = () => page.$eval('#reply', (e) => (e as HTMLTextAreaElement).value);
      await page.click('#reply');
      const first = `Hi Sam, thanks for writing in. ${FLAGGED}`;
      await page.keyboard.type(first);
      await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(analyze(first).findings.length);

      for (const [i, more] of [` ${FLAGGED_2}`, ' You should have read the email.'].entries()) {
        await new Promise((r) => setTimeout(r, IDLE_MS * 3));
        await page.keyboard.type(more);
        const text = first + [` ${FLAGGED_2}`, ' You should have read the email.'].slice(0, i + 1).join('');
        expect(await value()).toBe(text);
        const want = analyze(text).findings;
        await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(want.length);
        await expect.poll(() => markedTexts(page)).toEqual(want.map((f) => f.text).sort());
      }

      await new Promise((r) => setTimeout(r, IDLE_MS * 3));
      const text = await value();
      const target = analyze(text).findings[0]!;
      await pressCtrl(page, 'Home');
      await pressShortcut(page);
      await expect.poll(async () => (await cardView(page))?.rule).toBe(target.ruleId);
      const view = (await cardView(page))!;
      await clickInCard(page, 'suggestion', 0);
      await expect.poll(value).toBe(text.slice(0, view.start) + view.suggestions[0]! + text.slice(view.end));
      expect(errors).toEqual([]);
    });
  });
});
