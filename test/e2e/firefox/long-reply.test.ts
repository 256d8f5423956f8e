/**
 * A 2,000-word reply in a contenteditable in Firefox: every finding is counted, every finding on
 * screen is underlined (only the highlights near the visible text are registered), and after
 * scrolling to the top the findings there are underlined too.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { analyze } from '../../../src/engine/index';
import { findingsOnScreenInPage } from '../page-reads';
import { SKIP_FIREFOX, useFirefox, withTab, badgeCount, markedTexts } from './harness';

const PARA =
  "Hi Sam, thanks for writing in. That's not my department. As I already said, it shipped. " +
  'We will get back to you when possible. The courier must have mixed it up. ';
let LONG = '';
while (LONG.split(/\s+/).length < 2000) LONG += PARA;
const TAIL = " And that's not my department either.";

describe.skipIf(SKIP_FIREFOX)('Firefox: a long reply', () => {
  const s = useFirefox();

  it('contenteditable, 2,000 words: all counted; what is on screen is underlined, before and after scrolling', async () => {
    await withTab(s, 'contenteditable.html', async (page: Page, errors) => {
      await page.click('#reply');
      // One insertText, as a paste would arrive (typing 11,000 characters key by key takes minutes).
      await page.evaluate((t) => document.execCommand('insertText', false, t), LONG);
      await page.keyboard.type(TAIL);
      const findings = analyze(LONG + TAIL).findings;
      expect(findings.length).toBeGreaterThan(100);
      await expect.poll(() => badgeCount(page), { timeout: 15_000 }).toBe(findings.length);
      const spans = findings.map((f) => ({ start: f.start, end: f.end }));
      const check = async () => {
        const got = await page.evaluate(findingsOnScreenInPage, { selector: '#reply', findings: spans });
        return got.findings.length > 0 && JSON.stringify(got.findings) === JSON.stringify(got.highlighted);
      };
      await expect.poll(check).toBe(true);
      expect((await markedTexts(page)).length).toBeLessThan(findings.length);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(check).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});
