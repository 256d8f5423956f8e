/**
 * A 2,000-word reply (about 120 findings): pasted, then typed into at the end, in a textarea,
 * a contenteditable and ProseMirror. The count and the underlines follow the engine exactly.
 * (Speed here — long tasks, time per keystroke — is measured by `npm run bench:browser`, not
 * asserted in a test: timings on a shared CI machine would make such a test flaky.)
 */
import { describe, it, expect } from 'vitest';
import { SKIP_BROWSER, badge, highlightSizes, marks, totalFlagged, useSession, withPage } from './harness';
import { analyze } from '../../src/engine/index';

const PARA =
  "Hi Sam, thanks for writing in. That's not my department. As I already said, it shipped. " +
  'We will get back to you when possible. The courier must have mixed it up. ';
let LONG = '';
while (LONG.split(/\s+/).length < 2000) LONG += PARA;

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
        const underlined = async () => (page === 'textarea.html' ? marks(p).count() : totalFlagged(await highlightSizes(p)));
        await expect.poll(underlined).toBe(after);
      });
    });
  }
});
