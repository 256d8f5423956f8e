/**
 * The core card and shortcut flows of issue 13 in Firefox ESR: the placeholder a rewrite
 * leaves is selected after applying, the shortcut pressed again moves to the next finding,
 * Tab stays inside the card and Escape from any of its buttons gives focus back to the reply;
 * the card sits just below its whole (wrapped) span, and on a dark page it is dark with every
 * text at WCAG AA contrast.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FLAGGED, FLAGGED_2 } from '../harness';
import { SKIP_FIREFOX, useFirefox, withTab, badgeCount, cardView, clickInCard, pressShortcut, pressCtrl } from './harness';

const selected = (page: Page) =>
  page.evaluate(() => {
    const ta = document.querySelector<HTMLTextAreaElement>('#reply')!;
    return ta.value.slice(ta.selectionStart, ta.selectionEnd);
  });
const value = (page: Page) => page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#reply')!.value);
/** 'reply', 'card' (focus on a card button) or something else. */
const focusIn = (page: Page) =>
  page.evaluate(() => {
    if (document.activeElement?.id === 'reply') return 'reply';
    const el = document.querySelector('tactful-overlay')?.shadowRoot?.activeElement;
    return el?.closest('[data-tactful="card"]') ? 'card' : String(document.activeElement?.tagName);
  });

describe.skipIf(SKIP_FIREFOX)('Firefox: card and shortcut', () => {
  const s = useFirefox();

  it('selects the [time] placeholder after a rewrite is applied; typing fills it in', async () => {
    await withTab(s, 'textarea.html', async (page) => {
      await page.click('#reply');
      await page.keyboard.type('We will try to fix it asap.');
      await expect.poll(() => badgeCount(page)).toBe(1);
      await pressShortcut(page);
      await expect.poll(async () => (await cardView(page))?.suggestions.length ?? 0).toBeGreaterThan(0);
      const replacement = (await cardView(page))!.suggestions[0]!;
      await clickInCard(page, 'suggestion');
      // The rewrite replaces the sentence's words; its own full stop stays where it was.
      const expected = replacement.endsWith('.') ? replacement : `${replacement}.`;
      await expect.poll(() => value(page)).toBe(expected);
      await expect.poll(() => selected(page)).toBe('[time]');
      await page.keyboard.type('3 pm today');
      await expect.poll(() => value(page)).toBe(expected.replace('[time]', '3 pm today'));
      await expect.poll(() => badgeCount(page)).toBe(0);
    });
  });

  it('the shortcut again moves to the next finding; Tab stays in the card; Escape returns to the reply', async () => {
    await withTab(s, 'textarea.html', async (page) => {
      const reply = `${FLAGGED} ${FLAGGED_2}`;
      await page.click('#reply');
      await page.keyboard.type(reply);
      await expect.poll(() => badgeCount(page)).toBe(2);
      await pressCtrl(page, 'Home');
      await pressShortcut(page);
      await expect.poll(async () => (await cardView(page))?.start).toBe(0);
      await expect.poll(() => focusIn(page)).toBe('card');
      await pressShortcut(page);
      await expect.poll(async () => (await cardView(page))?.start).toBe(reply.indexOf(FLAGGED_2));
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        expect(await focusIn(page)).toBe('card');
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => cardView(page)).toBe(null);
      expect(await focusIn(page)).toBe('reply');
    });
  });

  it('the card sits just below the whole wrapped span; on a dark page it is dark and every text meets 4.5:1', async () => {
    await withTab(s, 'textarea.html', async (page) => {
      await page.addStyleTag({ content: 'body{background:#0d1117;color:#e6edf3} #reply{width:240px;background:transparent;color:inherit}' });
      await page.click('#reply');
      await page.keyboard.type('You were supposed to check the size chart before ordering.');
      await expect.poll(() => badgeCount(page)).toBe(1);
      await pressShortcut(page);
      await expect.poll(async () => (await cardView(page))?.start).toBe(0);
      const got = await page.evaluate(() => {
        const root = document.querySelector('tactful-overlay')!.shadowRoot!;
        const c = root.querySelector('[data-tactful="card"]')!;
        const lines = [...root.querySelector('[data-tactful="mark"]')!.getClientRects()].filter((r) => r.width > 0);
        const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
        const lum = (s: string) => {
          const [r, g, b] = rgb(s).map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const bgOf = (el: Element): string => {
          for (let e: Element | null = el; e; e = e.parentElement) {
            const b = getComputedStyle(e).backgroundColor;
            if (rgb(b)[3] !== 0 && b !== 'transparent') return b;
          }
          return 'rgb(255, 255, 255)';
        };
        let worst = 21;
        for (const el of [c, ...c.querySelectorAll('*')]) {
          if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
          const [a, b] = [lum(getComputedStyle(el).color), lum(bgOf(el))];
          worst = Math.min(worst, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
        }
        const r = c.getBoundingClientRect();
        return { lines: lines.length, spanBottom: Math.max(...lines.map((l) => l.bottom)), cardTop: r.top, cardLum: lum(getComputedStyle(c).backgroundColor), worst };
      });
      expect(got.lines).toBeGreaterThan(1);
      expect(got.cardTop - got.spanBottom).toBeGreaterThanOrEqual(0);
      expect(got.cardTop - got.spanBottom).toBeLessThan(24);
      expect(got.cardLum).toBeLessThan(0.05);
      expect(got.worst).toBeGreaterThanOrEqual(4.5);
    });
  });
});
