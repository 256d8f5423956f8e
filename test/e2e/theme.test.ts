/**
 * Dark mode follows the page, in real Chromium: the card, panel and badge pick light or dark
 * from the reply box's actual background (the first non-transparent one up its ancestors), not
 * from the system setting alone, and every text/background pair in them meets WCAG AA (4.5:1),
 * read from the computed colours inside the overlay's shadow root.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, card, useSession, withPage } from './harness';

// A non-apology and blame-shifting on the same words (the card shows both), and an info finding.
const REPLY = "I'm sorry, but that's our policy. We followed procedure.";
const DARK_PAGE = 'body{background:#0d1117;color:#e6edf3} .reply{background:transparent;color:inherit;border-color:#30363d}';

interface Pair {
  where: string;
  text: string;
  fg: string;
  bg: string;
  ratio: number;
}

interface Surface {
  /** Relative luminance of the surface's own background. */
  luminance: number;
  theme: string | null;
  pairs: Pair[];
}

/**
 * For every element in the surface with text of its own: its computed colour against the
 * background it is drawn on (the nearest non-transparent background inside the shadow root,
 * composited), and the contrast ratio.
 */
async function readSurface(page: Page, selector: string): Promise<Surface> {
  return page.evaluate((sel) => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`unexpected colour ${c}`);
      const p = m[1]!.split(/[,\s/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const over = (top: RGBA, under: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
    };
    const lum = (c: RGBA) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    /** Backgrounds from the element up to the surface, composited over white (the surfaces are opaque). */
    const backdrop = (el: Element, surface: Element): RGBA => {
      const layers: RGBA[] = [];
      for (let e: Element | null = el; e; e = e === surface ? null : e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      return layers.reverse().reduce<RGBA>((acc, l) => over(l, acc), [255, 255, 255, 1]);
    };
    const root = document.querySelector('tactful-overlay')!.shadowRoot!;
    const surface = root.querySelector(sel);
    if (!surface) throw new Error(`${sel} is not open`);
    const pairs: Array<{ where: string; text: string; fg: string; bg: string; ratio: number }> = [];
    for (const el of [surface, ...surface.querySelectorAll('*')]) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join('');
      if (!own) continue;
      const cs = getComputedStyle(el);
      const bg = backdrop(el, surface);
      const fg = over(parse(cs.color), bg);
      pairs.push({
        where: `${el.tagName.toLowerCase()}.${el.className}[${el.getAttribute('data-tactful') ?? ''}]`,
        text: own.slice(0, 30),
        fg: cs.color,
        bg: `rgb(${bg.slice(0, 3).map(Math.round).join(',')})`,
        ratio: Math.round(ratio(fg, bg) * 100) / 100,
      });
    }
    return {
      luminance: lum(backdrop(surface, surface)),
      theme: surface.getAttribute('data-theme'),
      pairs,
    };
  }, selector);
}

/** Types the reply into #reply and opens the first finding's card with the shortcut. */
async function typeAndOpenCard(page: Page): Promise<void> {
  await page.click('#reply');
  await page.keyboard.type(REPLY);
  await expect.poll(async () => Number(await badge(page).textContent())).toBe(3);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+Shift+T');
  await expect.poll(() => card(page).isVisible()).toBe(true);
}

describe.skipIf(SKIP_BROWSER)('theme', () => {
  const s = useSession({ clearStorage: true });

  const cases = [
    { name: 'a light page while the system is dark', system: 'dark' as const, css: '', dark: false },
    { name: 'a dark page while the system is light', system: 'light' as const, css: DARK_PAGE, dark: true },
    { name: 'a dark page while the system is dark', system: 'dark' as const, css: DARK_PAGE, dark: true },
  ];

  for (const c of cases) {
    it(`on ${c.name}, the card, panel and badge are ${c.dark ? 'dark' : 'light'} and every text meets 4.5:1`, async () => {
      await withPage(s, async (page) => {
        await page.emulateMedia({ colorScheme: c.system });
        await page.goto(s.fixtures.url('contenteditable.html'));
        if (c.css) await page.addStyleTag({ content: c.css });
        await typeAndOpenCard(page);
        // The card has both findings (and so every kind of text a card shows but an error).
        expect(await card(page).locator('[data-tactful="also"]').count()).toBe(1);

        const surfaces: Array<[string, Surface]> = [['card', await readSurface(page, '[data-tactful="card"]')]];
        await page.keyboard.press('Escape');
        await badge(page).click();
        await expect.poll(() => page.locator('tactful-overlay [data-tactful="panel"]').isVisible()).toBe(true);
        surfaces.push(['panel', await readSurface(page, '[data-tactful="panel"]')]);
        surfaces.push(['badge', await readSurface(page, '[data-tactful="badge"]')]);

        for (const [name, surf] of surfaces) {
          if (name !== 'badge') {
            if (c.dark) expect(surf.luminance, `${name} background`).toBeLessThan(0.05);
            else expect(surf.luminance, `${name} background`).toBeGreaterThan(0.8);
            expect(surf.theme, name).toBe(c.dark ? 'dark' : 'light');
          }
          expect(surf.pairs.length, `${name} has text`).toBeGreaterThan(0);
          const poor = surf.pairs.filter((p) => p.ratio < 4.5);
          expect(poor, `${name}: pairs under 4.5:1`).toEqual([]);
        }
        // The card held category labels, the quoted phrase, reasons, rewrites, actions and the hint.
        expect(surfaces[0]![1].pairs.length).toBeGreaterThanOrEqual(10);
      });
    });
  }

  it('a dark reply box on a light page gets the dark card (the field itself, not only the page)', async () => {
    await withPage(s, async (page) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(s.fixtures.url('textarea.html'));
      await page.addStyleTag({ content: '#reply{background:rgb(24,24,27);color:#f4f4f5}' });
      await typeAndOpenCard(page);
      const surf = await readSurface(page, '[data-tactful="card"]');
      expect(surf.luminance).toBeLessThan(0.05);
      expect(surf.theme).toBe('dark');
      expect(surf.pairs.filter((p) => p.ratio < 4.5)).toEqual([]);
    });
  });
});
