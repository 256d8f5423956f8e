/**
 * The keyboard shortcut as a browser command (manifest `commands`): registered with the
 * browser (so chrome://extensions/shortcuts lists it and it can be remapped), shown in the
 * popup and as a hint in the card, and acting in the page when the browser delivers it.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, card, cardSpan, useSession, FLAGGED, FLAGGED_2, FLAGGED_SPAN, FLAGGED_2_SPAN } from './harness';

const REPLY = `${FLAGGED} ${FLAGGED_2}`;

describe.skipIf(SKIP_BROWSER)('shortcut command', () => {
  const s = useSession({ clearStorage: true });

  /** What the background does on the command: forward it to the tab (src/background/commands.ts). */
  async function pressCommand(page: Page): Promise<void> {
    const url = page.url();
    await s.worker.evaluate(async (u) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === u)!;
      await chrome.tabs.sendMessage(tab.id!, { type: 'tactful-command', command: 'open-card' });
    }, url);
  }

  async function typed(fixture: string): Promise<Page> {
    const page = await s.context.newPage();
    await page.goto(s.fixtures.url(fixture));
    await page.click('#reply');
    await page.keyboard.type(REPLY);
    await expect.poll(async () => Number(await badge(page).textContent())).toBe(2);
    return page;
  }

  it('is registered with the browser as a remappable command with Alt+Shift+Y by default', async () => {
    const commands = await s.worker.evaluate(() => chrome.commands.getAll());
    const cmd = commands.find((c) => c.name === 'open-card');
    expect(cmd?.shortcut).toBe('Alt+Shift+Y');
    expect(cmd?.description).toMatch(/suggestion/i);
  });

  it('the popup names the shortcut as the browser has it', async () => {
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
    await expect.poll(() => popup.locator('#shortcut-key').textContent()).toBe('Alt+Shift+Y');
    expect(await popup.locator('[data-testid="shortcut"]').textContent()).toMatch(/press it again for the next one/);
    await popup.close();
  });

  for (const fixture of ['textarea.html', 'contenteditable.html']) {
    it(`${fixture}: the command opens the finding at or after the caret, then the next one; the card shows the hint`, async () => {
      const page = await typed(fixture);
      await page.keyboard.press('Home');
      await page.keyboard.press('Control+Home');
      await pressCommand(page);
      await expect.poll(() => card(page).isVisible()).toBe(true);
      expect(REPLY.slice((await cardSpan(page)).start, (await cardSpan(page)).end)).toBe(FLAGGED_SPAN);
      expect(await card(page).locator('[data-tactful="shortcut-hint"]').textContent()).toBe('Alt+Shift+Y: next suggestion');
      await pressCommand(page);
      await expect.poll(async () => REPLY.slice((await cardSpan(page)).start, (await cardSpan(page)).end)).toBe(FLAGGED_2_SPAN);
      // After the last finding it wraps to the first.
      await pressCommand(page);
      await expect.poll(async () => (await cardSpan(page)).start).toBe(0);
      await page.close();
    });
  }

  it('the key pressed with focus in the card moves to the next finding, once per press', async () => {
    const page = await typed('textarea.html');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+Shift+Y');
    await expect.poll(() => card(page).isVisible()).toBe(true);
    expect((await cardSpan(page)).start).toBe(0);
    // Focus is on the card's first rewrite now; the same key moves on (not two findings at once).
    await page.keyboard.press('Alt+Shift+Y');
    await expect.poll(async () => REPLY.slice((await cardSpan(page)).start, (await cardSpan(page)).end)).toBe(FLAGGED_2_SPAN);
    await page.waitForTimeout(300);
    expect(REPLY.slice((await cardSpan(page)).start, (await cardSpan(page)).end)).toBe(FLAGGED_2_SPAN);
    await page.close();
  });
});
