/**
 * A team policy delivered the way an admin does on Linux: a managed-storage manifest that
 * Firefox exposes as `storage.managed` to the production build (no test-only stand-in).
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { analyze } from '../../../src/engine/index';
import { TEAM_PACK } from '../team-pack';
import { SKIP_FIREFOX, useFirefox, withTab, badgeCount, markedTexts, cardView, pressShortcut, pressCtrl } from './harness';


async function type(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.click(selector);
  await page.keyboard.type(text);
}

describe.skipIf(SKIP_FIREFOX)('Firefox: team policy from storage.managed', () => {
  const s = useFirefox({
    policy: { teamPack: JSON.stringify(TEAM_PACK), lockedRules: ['as-i-said'], settings: { checkInternalNotes: true } },
  });

  it("the team's rule fires; a locked rule's card cannot turn it off; an unlocked one's can", async () => {
    await withTab(s, 'textarea.html', async (page, errors) => {
      await type(page, '#reply', 'As I already said, it shipped. Cheers mate.');
      await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(2);
      // The built-in rule's span as the engine gives it, and the team rule's.
      const builtIn = analyze('As I already said, it shipped.').findings.map((f) => f.text);
      await expect.poll(() => markedTexts(page)).toEqual([...builtIn, expect.stringMatching(/^Cheers mate/)]);
      await pressCtrl(page, 'Home');
      await pressShortcut(page);
      await expect.poll(async () => (await cardView(page))?.rule).toBe('as-i-said');
      const locked = (await cardView(page))!;
      expect(locked.locked).toBe(true);
      expect(locked.canTurnOff).toBe(false);
      expect(errors).toEqual([]);
    });
    await withTab(s, 'textarea.html', async (page) => {
      await type(page, '#reply', "That's not my department.");
      await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(1);
      await pressShortcut(page);
      await expect.poll(async () => (await cardView(page))?.canTurnOff).toBe(true);
    });
  });

  it('a setting the policy forces applies: internal notes are checked', async () => {
    await withTab(s, 'contenteditable.html', async (page, errors) => {
      await type(page, '#note', "That's not my department.");
      await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => markedTexts(page)).toEqual(analyze("That's not my department.").findings.map((f) => f.text));
      expect(errors).toEqual([]);
    });
  });
});
