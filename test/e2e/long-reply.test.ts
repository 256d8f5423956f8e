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
import { findingsOnScreenInPage } from './page-reads';
import { analyze } from '../../src/engine/index';

const PARA =
  "Hi Sam, thanks for writing in. That's not my department. As I already said, it shipped. " +
  'We will get back to you when possible. The courier must have mixed it up. ';
let LONG = '';
while (LONG.split(/\s+/).length < 2000) LONG += PARA;

const onScreen = (p: Page, selector: string, findings: Array<{ start: number; end: number }>) =>
  p.evaluate(findingsOnScreenInPage, { selector, findings });

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
