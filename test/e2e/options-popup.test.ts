/** The popup says what its switch does and what its numbers count. */
import { describe, it, expect } from 'vitest';
import { SKIP_BROWSER, useSession } from './harness';

describe.skipIf(SKIP_BROWSER)('popup labels', () => {
  const s = useSession();

  it('labels the on/off switch and each count by what it does', async () => {
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
    const label = popup.locator('label:has(#global-toggle)');
    expect((await label.textContent())!.trim()).toBe('Check replies on all help desks');
    const rows = await popup.locator('#stats tbody th').allTextContents();
    expect(rows).toEqual(['Suggestions seen (once per reply)', 'Rewrites applied', 'Suggestions dismissed', 'Phrases ignored']);
    await popup.close();
  });
});
