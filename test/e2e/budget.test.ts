/**
 * Budget: no long task (> 50 ms) on the page's main thread while typing into a
 * 2,000-word reply (the first full analysis of a pasted reply is not "typing" and is
 * not measured here).
 */
import { describe, it, expect } from 'vitest';
import { SKIP_BROWSER, badge, useSession, withPage } from './harness';
import { analyze } from '../../src/engine/index';

const PARA =
  "Hi Sam, thanks for writing in. That's not my department. As I already said, it shipped. " +
  'We will get back to you when possible. The courier must have mixed it up. ';
let LONG = '';
while (LONG.split(/\s+/).length < 2000) LONG += PARA;

describe.skipIf(SKIP_BROWSER)('typing budget', () => {
  const s = useSession({ clearStorage: false });

  for (const [page, selector] of [
    ['textarea.html', '#reply'],
    ['contenteditable.html', '#reply'],
    ['prosemirror.html', '.ProseMirror'],
  ] as const) {
    it(`${page}: no long task while typing into a 2,000-word reply`, async () => {
      await withPage(s, async (p) => {
        await p.goto(s.fixtures.url(page));
        await p.click(selector);
        await p.keyboard.insertText(LONG);
        const expected = analyze(LONG).findings.length;
        await expect.poll(async () => Number(await badge(p).textContent()), { timeout: 10_000 }).toBe(expected);
        await p.evaluate(() => {
          const w = window as unknown as { longTasks: number[] };
          w.longTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
          }).observe({ type: 'longtask' });
        });
        await p.keyboard.type(" And that's not my department either.", { delay: 15 });
        await expect
          .poll(async () => Number(await badge(p).textContent()))
          .toBe(analyze(`${LONG} And that's not my department either.`).findings.length);
        await p.waitForTimeout(300);
        expect(await p.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)).toEqual([]);
      });
    });
  }
});
