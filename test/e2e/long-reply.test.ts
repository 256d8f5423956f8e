/**
 * A 2,000-word reply (about 260 findings): pasted, then typed into at the end, in a textarea,
 * a contenteditable and ProseMirror. The count follows the engine exactly; every finding on
 * screen is underlined, before and after scrolling (in rich editors only the highlights near
 * the visible text are registered, since each one costs paint time on every keystroke).
 * (Speed here — long tasks, time per keystroke — is measured by `npm run bench:browser`, not
 * asserted in a test: timings on a shared CI machine would make such a test flaky.)
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, highlightSizes, marks, totalFlagged, useSession, withPage } from './harness';
import { analyze } from '../../src/engine/index';

const PARA =
  "Hi Sam, thanks for writing in. That's not my department. As I already said, it shipped. " +
  'We will get back to you when possible. The courier must have mixed it up. ';
let LONG = '';
while (LONG.split(/\s+/).length < 2000) LONG += PARA;

type Span = { start: number; end: number };

/**
 * Where on screen the findings that intersect the viewport are (computed here from the engine's
 * offsets over the editor's text nodes), and where the highlighted ranges that do are.
 */
function onScreen(p: Page, selector: string, findings: Span[]): Promise<{ findings: string[]; highlighted: string[] }> {
  return p.evaluate(
    ({ selector, findings }) => {
      const el = document.querySelector(selector)!;
      const texts: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const point = (off: number): [Node, number] => {
        let acc = 0;
        for (const t of texts) {
          if (off <= acc + t.data.length) return [t, off - acc];
          acc += t.data.length;
        }
        const last = texts[texts.length - 1]!;
        return [last, last.data.length];
      };
      const where = (r: Range): string | null => {
        const b = r.getClientRects()[0];
        if (!b || b.bottom <= 0 || b.top >= innerHeight) return null;
        return `${Math.round(b.top)}:${Math.round(b.left)}`;
      };
      const fromFindings = findings
        .map((f) => {
          const r = document.createRange();
          r.setStart(...point(f.start));
          r.setEnd(...point(f.end));
          return where(r);
        })
        .filter((x): x is string => x !== null);
      const highlighted: string[] = [];
      for (const [name, h] of CSS.highlights) {
        if (!String(name).startsWith('tactful-') || name === 'tactful-active') continue;
        for (const r of h as Highlight) {
          const w = where(r as Range);
          if (w) highlighted.push(w);
        }
      }
      return { findings: [...new Set(fromFindings)].sort(), highlighted: [...new Set(highlighted)].sort() };
    },
    { selector, findings },
  );
}

describe.skipIf(SKIP_BROWSER)('long replies', () => {
  const s = useSession({ clearStorage: false });

  for (const [page, selector] of [
    ['textarea.html', '#reply'],
    ['contenteditable.html', '#reply'],
    ['prosemirror.html', '.ProseMirror'],
  ] as const) {
    it(`${page}: typing at the end of a 2,000-word reply keeps the count and the underlines right`, async () => {
      await withPage(s, async (p) => {
        await p.goto(s.fixtures.url(page));
        await p.click(selector);
        await p.keyboard.insertText(LONG);
        const expected = analyze(LONG).findings.length;
        expect(expected).toBeGreaterThan(100);
        await expect.poll(async () => Number(await badge(p).textContent()), { timeout: 10_000 }).toBe(expected);
        await p.keyboard.type(" And that's not my department either.", { delay: 15 });
        const after = analyze(`${LONG} And that's not my department either.`).findings.length;
        expect(after).toBe(expected + 1);
        await expect.poll(async () => Number(await badge(p).textContent())).toBe(after);
        if (page === 'textarea.html') {
          await expect.poll(() => marks(p).count()).toBe(after);
          return;
        }
        const findings = analyze(`${LONG} And that's not my department either.`).findings.map((f) => ({ start: f.start, end: f.end }));
        const check = async () => {
          const got = await onScreen(p, selector, findings);
          return got.findings.length > 0 && JSON.stringify(got.findings) === JSON.stringify(got.highlighted);
        };
        await expect.poll(check).toBe(true);
        // Far from the screen nothing is registered (the top of the reply, scrolled away).
        expect(totalFlagged(await highlightSizes(p))).toBeLessThan(after);
        await p.evaluate(() => window.scrollTo(0, 0));
        await expect.poll(check).toBe(true);
        await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
        await expect.poll(check).toBe(true);
      });
    });
  }
});
