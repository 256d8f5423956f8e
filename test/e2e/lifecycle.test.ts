/**
 * Lifecycle: the page removes the field while a card is open; the service worker is stopped
 * mid-session (MV3 does that after 30 s idle) and the page keeps working and can still reach
 * it; the extension is reloaded while a reply is half-typed (the orphaned content script takes
 * its UI away and the text is untouched, and pages loaded afterwards get the reloaded one).
 */
import { describe, it, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  SKIP_BROWSER, badge, card, cardSpan, dumpStorage, flaggedPoints, inExtensionPage, highlightSizes, norm, stopServiceWorker,
  totalFlagged, useSession, watchPageErrors, withPage,
  FLAGGED, type MarkMode,
} from './harness';
import { analyze } from '../../src/engine/index';

const REPLY = `Hi Sam, thanks for writing in. ${FLAGGED}`;

async function typeReply(page: Page, selector: string, text = REPLY): Promise<void> {
  await page.click(selector);
  await page.keyboard.type(text);
  await expect.poll(async () => Number(await badge(page).textContent()), { timeout: 10_000 }).toBe(analyze(text).findings.length);
}

async function openCardAtFirstFinding(page: Page): Promise<void> {
  await page.keyboard.press('Home');
  await page.keyboard.press('Alt+Shift+KeyT');
  await expect.poll(() => card(page).isVisible()).toBe(true);
}

/** A content script is live in the page: typing a flagged phrase gets a badge with the engine's count, and a click on it opens its card. */
/** True once the reloaded extension serves its pages again and chrome.runtime answers there. */
async function extensionIsBack(context: BrowserContext, extensionId: string): Promise<boolean> {
  const probe = await context.newPage();
  try {
    await probe.goto(`chrome-extension://${extensionId}/src/popup/index.html`, { timeout: 5_000 });
    return await probe.evaluate(() => typeof chrome !== 'undefined' && typeof chrome.runtime?.id === 'string');
  } catch {
    return false; // ERR_BLOCKED_BY_CLIENT while it is unloaded
  } finally {
    await probe.close().catch(() => {});
  }
}

async function expectWorkingAgain(page: Page, selector: string, mode: MarkMode): Promise<void> {
  const findings = analyze(FLAGGED).findings;
  expect(findings.length).toBeGreaterThan(0);
  await page.click(selector);
  await page.keyboard.type(FLAGGED);
  await expect.poll(async () => Number(await badge(page).textContent()), { timeout: 10_000 }).toBe(findings.length);
  await expect.poll(async () => (await flaggedPoints(page, mode)).length).toBe(findings.length);
  const [pt] = await flaggedPoints(page, mode);
  await page.mouse.click(pt!.x, pt!.y);
  await expect.poll(() => card(page).isVisible()).toBe(true);
  const span = await cardSpan(page);
  expect(FLAGGED.slice(span.start, span.end)).toBe(findings[0]!.text);
}

describe.skipIf(SKIP_BROWSER)('lifecycle', () => {
  // Storage is cleared from an extension page in each test: after a restart or reload the
  // session's worker handle is stale.
  const s = useSession({ clearStorage: false });

  it('the page removes the field while a card is open: card, badge and marks go, no errors', async () => {
    await inExtensionPage(s, () => chrome.storage.local.clear());
    for (const [pageName, sel] of [['textarea.html', '#reply'], ['contenteditable.html', '#reply']] as const) {
      await withPage(s, async (page) => {
        const errors = watchPageErrors(page);
        await page.goto(s.fixtures.url(pageName));
        await typeReply(page, sel);
        await openCardAtFirstFinding(page);
        await page.evaluate((q) => document.querySelector(q)!.remove(), sel);
        await expect.poll(() => card(page).count()).toBe(0);
        await expect.poll(() => badge(page).count()).toBe(0);
        await expect.poll(async () => totalFlagged(await highlightSizes(page))).toBe(0);
        await expect.poll(() => page.evaluate(() => document.querySelector('tactful-overlay')?.shadowRoot?.querySelectorAll('[data-tactful="mark"]').length ?? 0)).toBe(0);
        // A new field added by the app afterwards works as usual.
        await page.evaluate(() => {
          const ta = document.createElement('textarea');
          ta.id = 'again';
          ta.rows = 4;
          document.body.appendChild(ta);
        });
        await typeReply(page, '#again');
        expect(errors).toEqual([]);
      });
    }
  });

  it('service worker stopped mid-session: typing and applying keep working, and the next message wakes it', async () => {
    await inExtensionPage(s, () => chrome.storage.local.clear());
    await withPage(s, async (page) => {
      const errors = watchPageErrors(page);
      await page.goto(s.fixtures.url('textarea.html'));
      await typeReply(page, '#reply');
      await stopServiceWorker(s, page);
      // The content script does not need the worker to analyse, paint or apply.
      await page.keyboard.type(' As I already said, it shipped.');
      const text = `${REPLY} As I already said, it shipped.`;
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(analyze(text).findings.length);
      await openCardAtFirstFinding(page);
      const replacement = (await card(page).locator('[data-tactful="suggestion"]').first().textContent())!;
      const start = Number(await card(page).getAttribute('data-start'));
      const end = Number(await card(page).getAttribute('data-end'));
      await card(page).locator('[data-tactful="suggestion"]').first().click();
      const expected = text.slice(0, start) + replacement + text.slice(end);
      await expect.poll(async () => norm(await page.inputValue('#reply'))).toBe(expected);
      // A message that needs the worker (turn a rule off) starts a new one, which stores it.
      const f = analyze(expected).findings[0]!;
      await page.evaluate((at) => (document.querySelector('#reply') as HTMLTextAreaElement).setSelectionRange(at, at), f.start + 1);
      await page.keyboard.press('Alt+Shift+KeyT');
      await expect.poll(() => card(page).isVisible()).toBe(true);
      await card(page).locator('[data-tactful="disable-rule"]').click();
      await expect.poll(async () => JSON.stringify((await dumpStorage(s)).local), { timeout: 15_000 }).toContain(f.ruleId);
      expect(errors).toEqual([]);
    });
  });

  it('extension reloaded while a reply is half-typed: the orphaned content script cleans up, the text is untouched, the reloaded extension works again', async () => {
    await inExtensionPage(s, () => chrome.storage.local.clear());
    await withPage(s, async (page) => {
      const errors = watchPageErrors(page);
      await page.goto(s.fixtures.url('contenteditable.html'));
      await typeReply(page, '#reply');
      expect(totalFlagged(await highlightSizes(page))).toBeGreaterThan(0);
      // Reload the extension from one of its pages (which closes with it).
      const ext = await s.context.newPage();
      await ext.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
      void ext.evaluate(() => chrome.runtime.reload()).catch(() => {});
      await expect.poll(() => ext.isClosed() || ext.url() !== `chrome-extension://${s.extensionId}/src/popup/index.html`, { timeout: 15_000 }).toBe(true);
      await page.bringToFront();
      await page.focus('#reply');
      await page.evaluate(() => {
        const el = document.querySelector('#reply')!;
        const r = document.createRange();
        r.selectNodeContents(el);
        r.collapse(false);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(r);
      });
      // The agent keeps typing: the old copy notices it is orphaned and takes its UI away.
      const more = ' We will get back to you when possible.';
      await page.keyboard.type(more);
      await expect.poll(() => page.evaluate(() => document.querySelectorAll('tactful-overlay').length)).toBe(0);
      await expect.poll(async () => totalFlagged(await highlightSizes(page))).toBe(0);
      expect(norm(await page.innerText('#reply'))).toBe(REPLY + more);
      await page.keyboard.type(' Thanks.');
      await page.waitForTimeout(300);
      expect(norm(await page.innerText('#reply'))).toBe(`${REPLY + more} Thanks.`);
      expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);

      // The reloaded extension works again: once it is back (its new service worker runs), the
      // same tab reloaded and a tab opened afterwards get the new content script (badge with the
      // right count, card on click).
      // "Back" means its pages load again; Playwright may report the new worker late (Chrome
      // starts it on its first event), so the test asks the extension itself.
      await expect.poll(() => extensionIsBack(s.context, s.extensionId), { timeout: 30_000, interval: 500 }).toBe(true);
      await page.reload();
      await expectWorkingAgain(page, '#reply', 'css');
      expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
      await withPage(s, async (fresh) => {
        const freshErrors = watchPageErrors(fresh);
        await fresh.goto(s.fixtures.url('textarea.html'));
        await expectWorkingAgain(fresh, '#reply', 'overlay');
        expect(freshErrors).toEqual([]);
      });
    });
  });
});
