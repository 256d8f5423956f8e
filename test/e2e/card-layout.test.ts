/**
 * What the card shows, in real Chromium through the overlay hooks: two problems on the same
 * words (different categories) are both in the card, each with its reason and rewrites.
 */
import { describe, it, expect } from 'vitest';
import { SKIP_BROWSER, badge, card, useSession } from './harness';

// Both a non-apology ("I'm sorry, but") and blame-shifting ("that's our policy"), overlapping.
const BOTH = "I'm sorry, but that's our policy.";

describe.skipIf(SKIP_BROWSER)('card contents', () => {
  const s = useSession({ clearStorage: true });

  it('shows each overlapping finding of another category with its reason and rewrites', async () => {
    const page = await s.context.newPage();
    await page.goto(s.fixtures.url('textarea.html'));
    await page.click('#reply');
    await page.keyboard.type(BOTH);
    await expect.poll(async () => Number(await badge(page).textContent())).toBe(2);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+Shift+T');
    await expect.poll(() => card(page).isVisible()).toBe(true);
    const primary = await card(page).getAttribute('data-category');
    const also = card(page).locator('[data-tactful="also"]');
    expect(await also.count()).toBe(1);
    const other = await also.getAttribute('data-category');
    expect(new Set([primary, other])).toEqual(new Set(['non-apology', 'blame-shifting']));
    expect((await also.locator('.message').textContent())!.length).toBeGreaterThan(10);
    // The second finding's rewrite applies from the same card.
    const rewrite = also.locator('[data-tactful="also-suggestion"]').first();
    const replacement = (await rewrite.textContent())!;
    await rewrite.click();
    await expect.poll(() => page.$eval('#reply', (e) => (e as HTMLTextAreaElement).value)).toContain(replacement.replace(/\.$/, ''));
    await page.close();
  });
});
