/**
 * Storage quota errors in the real browser. storage.local is filled to exactly its 10 MB quota
 * (or storage.sync to its 100 KB) from an extension page, so every write that adds a byte is
 * rejected by Chromium with a quota error. Then the flows that write:
 *
 * - a card's "Always ignore" and "Turn off this rule": the card comes back saying it could not
 *   be saved because storage is full, the finding stays flagged, nothing is stored; with room
 *   again the same click works;
 * - the options page (rule switch, a setting, a team-pack import) and the popup's switch: each
 *   says it was not saved, the control shows the stored state again, nothing is stored;
 * - the storage.sync mirror failing: local saves work as usual, and the mirror catches up once
 *   there is room.
 *
 * Throughout, the reply in the help-desk page is untouched and nothing throws uncaught.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, card, dumpStorage, norm, useSession, watchPageErrors, withPage, type Session } from './harness';
import { watchExtensionErrors } from './probes';
import { FILL_PREFIX, fill, inExtension, unfill, type Area } from './quota';
import { analyze } from '../../src/engine/index';

const REPLY = "Hi Sam, thanks for writing in. That's not my department. As I already said, it shipped.";
const FULL = /storage for Tactful is full/;
/** Tactful's own keys (without the filler), per area. */
async function stored(s: Session): Promise<Record<Area, Record<string, unknown>>> {
  const all = await dumpStorage(s);
  const own = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith(FILL_PREFIX)));
  return { local: own(all.local), sync: own(all.sync) };
}

async function openDesk(s: Session): Promise<{ page: Page; pageErrors: string[]; extErrors: string[] }> {
  const page = await s.context.newPage();
  const pageErrors = watchPageErrors(page);
  const extErrors = (await watchExtensionErrors(s, page)).list;
  await page.goto(s.fixtures.url('textarea.html'));
  await page.click('#reply');
  await page.keyboard.type(REPLY);
  await expect.poll(async () => Number(await badge(page).textContent()), { timeout: 10_000 }).toBe(analyze(REPLY).findings.length);
  return { page, pageErrors, extErrors };
}

/** Caret at the start, shortcut: the first finding's card. */
async function openFirstCard(page: Page): Promise<void> {
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+Shift+KeyT');
  await expect.poll(() => card(page).isVisible()).toBe(true);
}

const cardError = (page: Page) => card(page).locator('[data-tactful="error"]');
/** Text of an element that may not exist yet (inside expect.poll, which retries). */
const textOf = (l: ReturnType<Page['locator']>) => l.textContent({ timeout: 1000 });

describe.skipIf(SKIP_BROWSER)('storage quota errors', () => {
  const s = useSession();

  it('card: "Always ignore" and "Turn off this rule" with storage.local full say so; nothing half-saved; with room they work', async () => {
    const { page, pageErrors, extErrors } = await openDesk(s);
    try {
      const findings = analyze(REPLY).findings;
      const first = findings[0]!;
      expect(await fill(s, 'local')).toBe(0);

      await openFirstCard(page);
      expect(await card(page).getAttribute('data-rule')).toBe(first.ruleId);
      await card(page).locator('[data-tactful="ignore"]').click();
      // The card comes back on the same phrase with the reason; the phrase is still flagged.
      await expect.poll(() => textOf(cardError(page)), { timeout: 10_000 }).toMatch(FULL);
      expect(await cardError(page).textContent()).toMatch(/Couldn't save “Always ignore”.*still checked/);
      expect(await cardError(page).getAttribute('role')).toBe('alert');
      expect(await card(page).getAttribute('data-rule')).toBe(first.ruleId);
      expect(Number(await badge(page).textContent())).toBe(findings.length);

      await card(page).locator('[data-tactful="disable-rule"]').click();
      await expect.poll(() => textOf(cardError(page)), { timeout: 10_000 }).toMatch(/Couldn't turn off this rule.*storage for Tactful is full.*stays on/);
      expect(Number(await badge(page).textContent())).toBe(findings.length);
      expect(norm(await page.inputValue('#reply'))).toBe(REPLY);
      const none = await stored(s);
      expect(none.local.ignoredPhrases ?? []).toEqual([]);
      expect(JSON.stringify(none.local.settings ?? {})).not.toContain(first.ruleId);

      // With room again, the same click is saved and the finding goes.
      await unfill(s, 'local');
      await card(page).locator('[data-tactful="ignore"]').click();
      await expect.poll(() => card(page).count()).toBe(0);
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(findings.length - 1);
      await expect.poll(async () => (await stored(s)).local.ignoredPhrases).toEqual([first.text.toLowerCase()]);
      await page.waitForTimeout(300); // a late failure would reopen the card
      expect(await card(page).count()).toBe(0);
      expect(norm(await page.inputValue('#reply'))).toBe(REPLY);
      expect(pageErrors).toEqual([]);
      expect(extErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('options page and popup with storage.local full: rule switch, setting and pack import say they were not saved; controls show what is stored', async () => {
    const { page: desk, pageErrors: deskErrors, extErrors } = await openDesk(s);
    const page = await s.context.newPage();
    const errors = watchPageErrors(page);
    try {
      await page.goto(`chrome-extension://${s.extensionId}/src/options/index.html#rules`);
      const row = page.locator('tr[data-rule="not-my-department"]');
      await expect.poll(() => row.locator('input[type="checkbox"]').isChecked()).toBe(true);
      const before = await stored(s);
      expect(await fill(s, 'local')).toBe(0);
      const saveError = page.getByTestId('save-error');

      // A rule switch.
      await row.locator('input[type="checkbox"]').click();
      await expect.poll(() => textOf(saveError)).toMatch(FULL);
      await expect.poll(() => row.locator('input[type="checkbox"]').isChecked()).toBe(true);
      expect(await page.locator('section[aria-labelledby="rules-h"] .status').textContent()).toMatch(/not-my-department was not turned off\. Not saved: .*storage for Tactful is full/);

      // A setting.
      await page.getByRole('tab', { name: 'Behaviour' }).click();
      await page.getByTestId('internal-notes').click();
      await expect.poll(() => page.getByTestId('internal-notes').isChecked()).toBe(false);
      expect(await saveError.textContent()).toMatch(FULL);

      // A team pack: previewed, then not imported; the preview stays for another try.
      const pack = {
        schemaVersion: 1,
        name: 'Acme support',
        version: '2.0.0',
        rules: [{
          id: 'per-our-policy', category: 'blame-shifting', severity: 'warning',
          message: 'Quoting policy tells the customer you will not try; say what you can do.',
          patterns: ['per our policy'], suggestions: [{ template: "here's what I can do: [option]" }],
          examples: { flags: ['Per our policy, refunds take 10 days.', 'As per our policy, no.'], allows: ['Our policy allows a refund.', 'Per your request, I have refunded it.'] },
        }],
      };
      await page.getByRole('tab', { name: 'Import & export' }).click();
      await page.getByTestId('import-file').setInputFiles({ name: 'acme.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
      await expect.poll(() => page.getByTestId('import-preview').textContent()).toMatch(/New rules \(1\): per-our-policy/);
      await page.getByTestId('confirm-import').click();
      await expect.poll(() => page.getByTestId('packs-status').textContent()).toMatch(/“Acme support” was not imported\. Not saved: .*storage for Tactful is full/);
      expect(await page.getByTestId('import-preview').isVisible()).toBe(true);
      expect(await stored(s)).toEqual(before);

      // The popup's switch.
      await withPage(s, async (popup) => {
        const popupErrors = watchPageErrors(popup);
        await popup.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
        const toggle = popup.locator('#global-toggle');
        await expect.poll(() => toggle.isChecked()).toBe(true);
        await toggle.click();
        await expect.poll(() => textOf(popup.locator('#error'))).toMatch(FULL);
        expect(await popup.locator('#error').isVisible()).toBe(true);
        await expect.poll(() => toggle.isChecked()).toBe(true);
        expect(popupErrors).toEqual([]);
      });
      expect(await stored(s)).toEqual(before);

      // The help-desk tab saw none of it: same reply, same findings.
      expect(norm(await desk.inputValue('#reply'))).toBe(REPLY);
      expect(Number(await badge(desk).textContent())).toBe(analyze(REPLY).findings.length);

      // With room, the same import goes through and the message goes away.
      await unfill(s, 'local');
      await page.getByTestId('confirm-import').click();
      await expect.poll(() => page.getByTestId('packs-status').textContent()).toMatch(/Imported “Acme support” 2\.0\.0/);
      expect(await saveError.count()).toBe(0);
      expect(JSON.stringify((await stored(s)).local.personalRules)).toContain('per-our-policy');
      // And the setting (its handler read the checkbox after an await, when the event's
      // currentTarget is already null, so it threw and never saved).
      await page.getByRole('tab', { name: 'Behaviour' }).click();
      await page.getByTestId('internal-notes').click();
      await expect.poll(async () => ((await stored(s)).local.settings as { checkInternalNotes?: boolean } | undefined)?.checkInternalNotes).toBe(true);
      expect(await page.getByTestId('internal-notes').isChecked()).toBe(true);
      expect(errors).toEqual([]);
      expect(deskErrors).toEqual([]);
      expect(extErrors).toEqual([]);
    } finally {
      await page.close();
      await desk.close();
    }
  });

  it('storage.sync full: local saves from the options page and the card still work; the mirror catches up when there is room', async () => {
    // A mirror left over from earlier tests may sit in sync: start from an empty, full area.
    await inExtension(s, ({ area }) => chrome.storage[area].clear(), { area: 'sync', prefix: FILL_PREFIX });
    expect(await fill(s, 'sync')).toBe(0);
    const { page: desk, pageErrors: deskErrors, extErrors } = await openDesk(s);
    const page = await s.context.newPage();
    const errors = watchPageErrors(page);
    try {
      await page.goto(`chrome-extension://${s.extensionId}/src/options/index.html#behaviour`);
      await page.getByTestId('card-on').getByLabel(/On hover/).check();
      await expect.poll(async () => ((await stored(s)).local.settings as { cardOn?: string } | undefined)?.cardOn).toBe('hover');

      // A card's "Turn off this rule" is a local write too.
      const first = analyze(REPLY).findings[0]!;
      await desk.bringToFront();
      await desk.click('#reply');
      await openFirstCard(desk);
      await card(desk).locator('[data-tactful="disable-rule"]').click();
      await expect.poll(() => card(desk).count()).toBe(0);
      await expect.poll(async () => Number(await badge(desk).textContent())).toBe(analyze(REPLY).findings.length - 1);
      expect(((await stored(s)).local.settings as { disabledRules: string[] }).disabledRules).toEqual([first.ruleId]);

      // The mirror (2 s after the last change) could not write: sync holds no copy of these changes.
      await desk.waitForTimeout(3000);
      const mirror = (await stored(s)).sync.tactfulSettings as { settings?: { cardOn: string; disabledRules: string[] } } | undefined;
      expect(mirror?.settings?.cardOn).not.toBe('hover');
      expect(mirror?.settings?.disabledRules ?? []).not.toContain(first.ruleId);
      expect(await page.getByTestId('save-error').count()).toBe(0);

      // Room again: the next local change is mirrored, with everything saved meanwhile.
      await unfill(s, 'sync');
      await page.getByTestId('card-on').getByLabel(/On click/).check();
      await expect
        .poll(async () => (await stored(s)).sync.tactfulSettings as { settings?: { cardOn: string; disabledRules: string[] } } | undefined, { timeout: 10_000 })
        .toMatchObject({ settings: { cardOn: 'click', disabledRules: [first.ruleId] } });
      expect(norm(await desk.inputValue('#reply'))).toBe(REPLY);
      expect(errors).toEqual([]);
      expect(deskErrors).toEqual([]);
      expect(extErrors).toEqual([]);
    } finally {
      await page.close();
      await desk.close();
      await unfill(s, 'sync');
    }
  });
});
