/**
 * Underlines stay visible in dark reply boxes, in real Chromium: on a dark textarea (overlay
 * mirror), a dark contenteditable (CSS Custom Highlight API, and the overlay boxes when forced)
 * and a contenteditable on a dark page, every underline colour in use has at least 3:1 contrast
 * (WCAG 1.4.11) against the field's computed background, read from the rules injected into the
 * document (highlights) or the marks' computed style (overlay). A light page keeps 3:1 too.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, highlightSizes, marks, useSession, withPage, FLAGGED } from './harness';

// defensive info, blame-shifting warning, unfilled-placeholder error; and a vague commitment
// (blue: the colour with the least contrast on dark backgrounds).
const REPLY = `${FLAGGED} We followed procedure. We'll get back to you when possible. I will update you by [time].`;
const DARK_FIELD = '#reply{background:#1e1e1e;color:#e4e4e7;border-color:#3f3f46}';
const DARK_PAGE = 'body{background:#0d1117;color:#e6edf3} .reply{background:transparent;color:inherit;border-color:#30363d}';

interface Line {
  what: string;
  colour: string;
  background: string;
  ratio: number;
}

/** Colour maths in the page (the same WCAG formulas as theme.ts, written out independently). */
const MATHS = `
  const parse = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) throw new Error('colour ' + c); const p = m[1].split(/[,\\s/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p[3] ?? 1]; };
  const over = (t, u) => [0, 1, 2].map((i) => t[i] * t[3] + u[i] * (1 - t[3])).concat(1);
  const lum = (c) => { const ch = (v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }; return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  /** What the field is drawn on: its own background and its ancestors', composited over white. */
  const backdrop = (el) => { const layers = []; for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0) layers.push(c); if (c[3] >= 1) break; } return layers.reverse().reduce((acc, l) => over(l, acc), [255, 255, 255, 1]); };
  const css = (c) => 'rgb(' + c.slice(0, 3).map(Math.round).join(',') + ')';
`;

/** Highlight path: each non-empty tactful highlight's ::highlight() rule, against the field's background. */
async function highlightLines(page: Page): Promise<Line[]> {
  return page.evaluate(`(() => {
    ${MATHS}
    const bg = backdrop(document.querySelector('#reply'));
    const rules = new Map();
    for (const sheet of [...document.adoptedStyleSheets, ...document.styleSheets]) {
      for (const rule of sheet.cssRules) {
        const m = /::highlight\\((tactful-[\\w-]+)\\)/.exec(rule.selectorText || '');
        if (m) rules.set(m[1], rule.style);
      }
    }
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (!String(name).startsWith('tactful-') || name === 'tactful-active' || h.size === 0) continue;
      const st = rules.get(name);
      if (!st) throw new Error('no ::highlight rule for ' + name);
      const tinted = over(parse(st.backgroundColor || 'rgba(0,0,0,0)'), bg);
      const line = parse(st.textDecorationColor);
      // The line is drawn over the mark's tint: the lower of the two contrasts.
      const r = Math.min(ratio(over(line, bg), bg), ratio(over(line, tinted), tinted));
      out.push({ what: name, colour: st.textDecorationColor, background: css(bg), ratio: Math.round(r * 100) / 100 });
    }
    return out;
  })()`);
}

/** Overlay path: each mark's computed line colour (underline in the mirror, bottom border for boxes). */
async function overlayLines(page: Page): Promise<Line[]> {
  return page.evaluate(`(() => {
    ${MATHS}
    const bg = backdrop(document.querySelector('#reply'));
    const root = document.querySelector('tactful-overlay').shadowRoot;
    return [...root.querySelectorAll('[data-tactful="mark"]')].map((e) => {
      const cs = getComputedStyle(e);
      const colour = e.classList.contains('box-mark') ? cs.borderBottomColor : cs.textDecorationColor;
      const tinted = over(parse(cs.backgroundColor), bg);
      const line = parse(colour);
      const r = Math.min(ratio(over(line, bg), bg), ratio(over(line, tinted), tinted));
      return { what: e.getAttribute('data-category') + ' ' + e.getAttribute('data-severity'), colour, background: css(bg), ratio: Math.round(r * 100) / 100 };
    });
  })()`);
}

async function typeReply(page: Page): Promise<void> {
  await page.click('#reply');
  await page.keyboard.type(REPLY);
  await expect.poll(async () => Number(await badge(page).textContent())).toBe(4);
}

describe.skipIf(SKIP_BROWSER)('underline contrast', () => {
  const s = useSession({ clearStorage: true });

  const cases = [
    { name: 'a dark contenteditable (CSS highlights)', fixture: 'contenteditable.html', css: DARK_FIELD, path: 'highlight' as const },
    { name: 'a contenteditable on a dark page (CSS highlights)', fixture: 'contenteditable.html', css: DARK_PAGE, path: 'highlight' as const },
    { name: 'a light contenteditable (CSS highlights)', fixture: 'contenteditable.html', css: '', path: 'highlight' as const },
    { name: 'a dark contenteditable (overlay boxes)', fixture: 'contenteditable.html', css: DARK_FIELD, path: 'boxes' as const },
    { name: 'a dark textarea (overlay mirror)', fixture: 'textarea.html', css: DARK_FIELD, path: 'mirror' as const },
    { name: 'a textarea on a dark page (overlay mirror)', fixture: 'textarea.html', css: DARK_PAGE, path: 'mirror' as const },
  ];

  for (const c of cases) {
    it(`${c.name}: every underline has 3:1 or more against the field's background`, async () => {
      await withPage(s, async (page) => {
        await page.goto(s.fixtures.url(c.fixture));
        if (c.css) await page.addStyleTag({ content: c.css });
        if (c.path === 'boxes') await page.evaluate(() => document.documentElement.setAttribute('data-tactful-force-overlay', ''));
        await typeReply(page);
        let lines: Line[];
        if (c.path === 'highlight') {
          await expect.poll(async () => Object.values(await highlightSizes(page)).reduce((a, n) => a + n, 0)).toBeGreaterThanOrEqual(4);
          lines = await highlightLines(page);
        } else {
          await expect.poll(() => marks(page).count()).toBe(4);
          lines = await overlayLines(page);
        }
        expect(lines.length).toBeGreaterThanOrEqual(4);
        // Info, warning and error lines are all among them.
        expect(new Set(lines.map((l) => l.what.replace(/^tactful-/, '').match(/(info|warning|error)/)?.[1])).size).toBe(3);
        expect(lines.filter((l) => l.ratio < 3), 'lines under 3:1').toEqual([]);
      });
    });
  }

  it('a page that turns its reply box dark gets visible underlines after the next pause', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('contenteditable.html'));
      await typeReply(page);
      await expect.poll(async () => (await highlightLines(page)).length).toBeGreaterThanOrEqual(4);
      await page.addStyleTag({ content: DARK_FIELD });
      await page.waitForTimeout(1100);
      await page.keyboard.type(' Thanks.');
      await expect
        .poll(async () => (await highlightLines(page)).filter((l) => l.ratio < 3).map((l) => l.what), { timeout: 5000 })
        .toEqual([]);
      expect((await highlightLines(page)).length).toBeGreaterThanOrEqual(4);
    });
  });
});
