/**
 * Ignored phrases in the options page: an "always ignore" from a card is listed with a remove
 * button that makes the phrase flagged again, and "Reset to defaults" says it clears them and does.
 */
import { describe, it, expect } from 'vitest';
import { SKIP_BROWSER, badge, card, storageLocal, useSession, withPage, FLAGGED } from './harness';

const optionsUrl = (id: string, tab: string) => `chrome-extension://${id}/src/options/index.html#${tab}`;
const ignoredNow = async (s: Parameters<typeof storageLocal>[0]) => ((await storageLocal(s)).ignoredPhrases as string[] | undefined) ?? [];

describe.skipIf(SKIP_BROWSER)('options: ignored phrases', () => {
  const s = useSession({ clearStorage: true });

  async function ignoreFromCard(): Promise<void> {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('textarea.html'));
      await page.click('#reply');
      await page.keyboard.type(FLAGGED);
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(1);
      await page.keyboard.press('Alt+Shift+T');
      await card(page).locator('[data-tactful="ignore"]').click();
      await expect.poll(() => ignoredNow(s)).toHaveLength(1);
    });
  }

  it('lists a phrase ignored from a card; Remove makes it flagged again', async () => {
    await ignoreFromCard();
    await withPage(s, async (page) => {
      await page.goto(optionsUrl(s.extensionId, 'ignored'));
      const items = page.getByTestId('ignored-list').locator('li');
      await expect.poll(() => items.count()).toBe(1);
      expect(await items.first().locator('.phrase').textContent()).toBe((await ignoredNow(s))[0]);
      await page.getByTestId('remove-ignored').click();
      await expect.poll(() => ignoredNow(s)).toEqual([]);
      await expect.poll(() => page.getByTestId('ignored-empty').isVisible()).toBe(true);
    });
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('textarea.html'));
      await page.click('#reply');
      await page.keyboard.type(FLAGGED);
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(1);
    });
  });

  it('"Reset to defaults" says it clears ignored phrases, and does', async () => {
    await ignoreFromCard();
    await withPage(s, async (page) => {
      await page.goto(optionsUrl(s.extensionId, 'packs'));
      await page.getByRole('button', { name: 'Reset to defaults…' }).click();
      expect(await page.getByTestId('reset-dialog').textContent()).toContain('1 ignored phrase.');
      await page.getByTestId('confirm-reset').click();
      await expect.poll(() => ignoredNow(s)).toEqual([]);
    });
  });
});
