/**
 * Placeholders a rewrite leaves (`[time]`): selected after the rewrite is applied so the agent
 * types over them, Tab and the shortcut move between them, and one left in the reply is a
 * finding of its own. In real Chromium, in a textarea and a plain contenteditable.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, card, norm, useSession } from './harness';

const VAGUE = 'We will try to fix it asap.';
const TWO = 'Here is what I can do: [option], by [time].';

/** The field's text and its selected text (textarea or contenteditable), as the agent sees them. */
async function fieldState(page: Page): Promise<{ text: string; selected: string }> {
  return page.$eval('#reply', (el) => {
    if (el instanceof HTMLTextAreaElement) {
      return { text: el.value, selected: el.value.slice(el.selectionStart, el.selectionEnd) };
    }
    return { text: (el as HTMLElement).innerText.replace(/\n$/, ''), selected: String(document.getSelection()) };
  });
}

async function selectText(page: Page, needle: string): Promise<void> {
  await page.$eval(
    '#reply',
    (el, n) => {
      if (el instanceof HTMLTextAreaElement) {
        const i = el.value.indexOf(n);
        el.setSelectionRange(i, i + n.length);
        return;
      }
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const i = t.textContent!.indexOf(n);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(t, i);
        r.setEnd(t, i + n.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(r);
        return;
      }
    },
    needle,
  );
}

describe.skipIf(SKIP_BROWSER)('placeholders', () => {
  const s = useSession({ clearStorage: true });

  for (const fixture of ['textarea.html', 'contenteditable.html']) {
    describe(fixture, () => {
      it('selects the first placeholder after a rewrite is applied, so typing fills it in', async () => {
        const page = await s.context.newPage();
        await page.goto(s.fixtures.url(fixture));
        await page.click('#reply');
        await page.keyboard.type(VAGUE);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(1);
        await page.keyboard.press('Alt+Shift+T');
        await expect.poll(() => card(page).isVisible()).toBe(true);
        const suggestion = card(page).locator('[data-tactful="suggestion"]').first();
        const replacement = norm((await suggestion.textContent())!);
        expect(replacement).toContain('[time]');
        await suggestion.click();
        // The rewrite replaces the sentence's words; its own full stop stays where it was.
        const expected = replacement.endsWith('.') ? replacement : `${replacement}.`;
        await expect.poll(async () => norm((await fieldState(page)).text)).toBe(expected);
        await expect.poll(async () => (await fieldState(page)).selected).toBe('[time]');
        // The placeholder still in the reply is counted as a finding until it is filled in.
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(1);
        await page.keyboard.type('3 pm today');
        await expect.poll(async () => norm((await fieldState(page)).text)).toBe(expected.replace('[time]', '3 pm today'));
        await expect.poll(async () => badge(page).textContent()).toBe('0');
        await page.close();
      });

      it('Tab, Shift+Tab and the shortcut move between placeholders; the last one opens its card', async () => {
        const page = await s.context.newPage();
        await page.goto(s.fixtures.url(fixture));
        await page.click('#reply');
        await page.keyboard.type(TWO);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(2);
        await selectText(page, '[option]');
        await page.keyboard.press('Tab');
        await expect.poll(async () => (await fieldState(page)).selected).toBe('[time]');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply');
        await page.keyboard.press('Shift+Tab');
        await expect.poll(async () => (await fieldState(page)).selected).toBe('[option]');
        await page.keyboard.press('Alt+Shift+T');
        await expect.poll(async () => (await fieldState(page)).selected).toBe('[time]');
        expect(await card(page).count()).toBe(0);
        // No placeholder after the last one: the shortcut opens the card that names it.
        await page.keyboard.press('Alt+Shift+T');
        await expect.poll(() => card(page).isVisible()).toBe(true);
        expect(await card(page).textContent()).toContain('Fill in [time]');
        expect((await fieldState(page)).text).toBe(TWO);
        await page.close();
      });
    });
  }

  it('Tab away from a field leaves it when nothing is a selected placeholder', async () => {
    const page = await s.context.newPage();
    await page.goto(s.fixtures.url('textarea.html'));
    await page.click('#reply');
    await page.keyboard.type(TWO);
    await expect.poll(async () => Number(await badge(page).textContent())).toBe(2);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('reply');
    await page.close();
  });
});
