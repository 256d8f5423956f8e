/**
 * The Behaviour tab in Chromium (production build): how Tactful acts in the reply box (card
 * opening, the shortcut, panel-only categories, internal notes) under its own heading, apart
 * from the rules and the site switches.
 */
import { describe, it, expect } from 'vitest';
import { SKIP_BROWSER, useSession, withPage } from './harness';

describe.skipIf(SKIP_BROWSER)('options: behaviour', () => {
  const s = useSession();

  it('the behaviour settings (card opening, shortcut, panel-only categories, internal notes) are in their own "Behaviour" section', async () => {
    await withPage(s, async (page) => {
      await page.goto(`chrome-extension://${s.extensionId}/src/options/index.html#rules`);
      await page.getByRole('tab', { name: 'Behaviour' }).click();
      const section = page.getByRole('region', { name: 'Behaviour' });
      await expect.poll(() => section.count()).toBe(1);
      expect(await section.getByRole('heading', { name: 'Behaviour' }).count()).toBe(1);
      expect(await section.getByTestId('card-on').getByRole('radio').count()).toBe(2);
      expect(await section.getByTestId('panel-only').getByRole('checkbox').count()).toBe(5);
      expect(await section.getByTestId('internal-notes').count()).toBe(1);
      // The shortcut in force (the manifest's default here), and how to change it.
      await expect.poll(() => section.getByTestId('shortcut-key').textContent()).toBe('Alt+Shift+Y');
      expect(await section.getByTestId('shortcut').textContent()).toMatch(/shortcuts/i);
      const [shortcuts] = await Promise.all([
        s.context.waitForEvent('page'),
        section.getByRole('button', { name: /extension shortcuts/ }).click(),
      ]);
      await expect.poll(() => shortcuts.url()).toBe('chrome://extensions/shortcuts');
      await shortcuts.close();
      // The sites tab keeps the site switches only.
      await page.getByRole('tab', { name: 'Sites' }).click();
      await page.getByRole('heading', { name: 'Sites', exact: true }).waitFor();
      expect(await page.getByTestId('card-on').count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Behaviour' }).count()).toBe(0);
      // A control there still saves.
      await page.getByRole('tab', { name: 'Behaviour' }).click();
      await section.getByTestId('card-on').getByLabel(/On hover/).check();
      await expect
        .poll(() => s.worker.evaluate(() => chrome.storage.local.get('settings').then((g) => (g.settings as { cardOn?: string } | undefined)?.cardOn)))
        .toBe('hover');
    });
  });
});
