/**
 * Importing packs in the options page, in Chromium: one status line says what the last import
 * did. Each import (a broken pack, a good one, confirming it) replaces that line; messages do
 * not pile up and no second live message (an alert beside the status) appears.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, useSession, withPage } from './harness';

const RULE = {
  id: 'new-rule',
  category: 'defensive',
  severity: 'info',
  message: 'Mine.',
  patterns: ['new rule'],
  suggestions: [],
  examples: { flags: ['new rule', 'a new rule here'], allows: ['no', 'old rule'] },
};
const GOOD = { schemaVersion: 1, name: 'Team', version: '2', rules: [RULE] };
const BAD = { ...GOOD, name: 'Broken', rules: [{ ...RULE, severity: 'loud' }] };

/** Every live message in the Import & export tab: the text of each status and alert element. */
async function liveMessages(page: Page): Promise<string[]> {
  return page.locator('[role="tabpanel"] :is([role="status"], [role="alert"], [aria-live]:not([aria-live="off"]))').allTextContents();
}

async function importFile(page: Page, name: string, body: unknown): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });
}

describe.skipIf(SKIP_BROWSER)('options: one import status line', () => {
  const s = useSession();

  it('a broken pack, then a good one, then confirming it: exactly one status line, with the latest text', async () => {
    await withPage(s, async (page) => {
      await page.goto(`chrome-extension://${s.extensionId}/src/options/index.html#packs`);
      const status = page.locator('[role="tabpanel"] [role="status"]');

      await importFile(page, 'broken.json', BAD);
      await expect.poll(() => liveMessages(page)).toEqual(["broken.json can't be imported. Your rules are unchanged."]);
      expect(await status.count()).toBe(1);
      // The details are listed, but they are not a second message.
      expect(await page.getByTestId('import-problems').textContent()).toMatch(/severity.*must be one of info, warning, error/);

      // The same broken file again: still one line (replaced, not repeated).
      await importFile(page, 'broken.json', BAD);
      await page.waitForTimeout(200);
      expect(await liveMessages(page)).toEqual(["broken.json can't be imported. Your rules are unchanged."]);

      await importFile(page, 'team.json', GOOD);
      await expect.poll(() => status.allTextContents()).toEqual(['team.json: check what “Team” 2 changes below, then choose Import.']);
      expect(await liveMessages(page)).toHaveLength(1);
      expect(await page.getByTestId('import-problems').count()).toBe(0);
      await expect.poll(() => page.getByTestId('import-preview').textContent()).toMatch(/New rules \(1\): new-rule/);

      await page.getByTestId('confirm-import').click();
      await expect.poll(() => status.allTextContents()).toEqual(['Imported “Team” 2.']);
      expect(await liveMessages(page)).toHaveLength(1);
      expect(await page.getByTestId('import-preview').count()).toBe(0);

      // A broken pack after a good import: the line says so, alone.
      await importFile(page, 'broken.json', BAD);
      await expect.poll(() => liveMessages(page)).toEqual(["broken.json can't be imported. Your rules are unchanged."]);
    });
  });
});
