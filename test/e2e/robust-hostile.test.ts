/**
 * Hostile input: markup and script payloads in the page's text or a pasted reply never run and
 * never render as HTML in Tactful's card or panel (they are shown as text); a 1 MB paste with
 * thousands of flaggable sentences (the first 20,000 characters checked, and the badge and panel
 * say so); a draft 5,000 elements deep.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, card, norm, watchPageErrors, highlightSizes, totalFlagged, useSession, withPage } from './harness';
import { analyze } from '../../src/engine/index';

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

/** Elements inside Tactful's overlay that would only exist if text had been rendered as HTML. */
const overlayMarkup = (page: Page) =>
  page.evaluate(() => document.querySelector('tactful-overlay')?.shadowRoot?.querySelectorAll('img, script, b, iframe, object').length ?? 0);

describe.skipIf(SKIP_BROWSER)('hostile input', () => {
  const s = useSession({ clearStorage: false });

  it('markup in the page text and in a pasted reply stays text in the card and panel, and never runs', async () => {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.fixtures.origin });
    await withPage(s, async (page) => {
      const errors = watchPageErrors(page);
      await page.goto(s.fixtures.url('hostile-nested.html'));
      const text = norm(await page.innerText('#markup'));
      const findings = analyze(text).findings;
      expect(findings.some((f) => f.text.includes('<img'))).toBe(true);
      await page.click('#markup');
      await expect.poll(async () => Number(await badge(page).nth(1).textContent()), { timeout: 10_000 }).toBe(findings.length);
      // Every card, then the panel.
      for (const f of findings) {
        await page.evaluate((at) => {
          const el = document.querySelector('#markup')!;
          const t = el.firstChild as Text;
          const r = document.createRange();
          r.setStart(t, at);
          r.collapse(true);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(r);
        }, f.start + 1);
        await page.keyboard.press('Alt+Shift+KeyT');
        await expect.poll(() => card(page).isVisible()).toBe(true);
        // The card quotes its span as text (the <img> one carries markup; the panel below shows the <script> one).
        expect(norm((await card(page).textContent()) ?? '')).toContain(f.text.includes('<img') ? '<img src=x onerror=' : f.text.includes('<script>') ? '<script>' : f.text.trim());
        expect(await overlayMarkup(page)).toBe(0);
        await page.keyboard.press('Escape');
      }
      await badge(page).nth(1).click();
      await expect.poll(() => page.locator('tactful-overlay [data-tactful="panel"]').count()).toBe(1);
      expect(norm((await page.locator('tactful-overlay [data-tactful="panel"]').textContent()) ?? '')).toContain('<img src=x onerror="window.__pwned=1">');
      expect(await overlayMarkup(page)).toBe(0);
      await page.keyboard.press('Escape');

      // Apply a rewrite that carries the payload: it goes in as text, not as elements.
      const withPayload = findings.find((f) => f.suggestions.some((x) => x.replacement.includes('<img')))!;
      await page.evaluate((at) => {
        const t = document.querySelector('#markup')!.firstChild as Text;
        const r = document.createRange();
        r.setStart(t, at);
        r.collapse(true);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(r);
      }, withPayload.start + 1);
      await page.keyboard.press('Alt+Shift+KeyT');
      const i = withPayload.suggestions.findIndex((x) => x.replacement.includes('<img'));
      await card(page).locator('[data-tactful="suggestion"]').nth(i).click();
      await expect.poll(async () => norm(await page.innerText('#markup'))).toContain(withPayload.suggestions[i]!.replacement);
      expect(await page.locator('#markup img, #markup script, #markup b').count()).toBe(0);

      // Pasted HTML: the editor decides what to keep; Tactful shows only its text.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData('text/html', '<p>Sorry if you were upset <img src=x onerror="window.__pwned=4"><script>window.__pwned=5</script></p>');
        dt.setData('text/plain', 'Sorry if you were upset <img src=x onerror="window.__pwned=4">');
        document.querySelector('#markup')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      await page.waitForTimeout(500);
      expect(await overlayMarkup(page)).toBe(0);
      expect(await pwned(page)).toBe(null);
      expect(errors).toEqual([]);
    });
  });

  it('a draft 5,000 elements deep is read, flagged and highlighted', async () => {
    await withPage(s, async (page) => {
      const errors = watchPageErrors(page);
      await page.goto(s.fixtures.url('hostile-nested.html'));
      await page.evaluate(() => document.querySelector('#markup')!.remove()); // one field, one badge
      await page.click('#deep');
      const text = norm((await page.textContent('#deep')) ?? '');
      const n = analyze(text).findings.length;
      expect(n).toBeGreaterThanOrEqual(2);
      await expect.poll(() => badge(page).count()).toBe(1);
      await expect.poll(async () => Number(await badge(page).textContent()), { timeout: 10_000 }).toBe(n);
      await expect.poll(async () => totalFlagged(await highlightSizes(page))).toBe(n);
      expect(errors).toEqual([]);
    });
  });

  it('a 1 MB paste with thousands of flaggable sentences: text intact, the checked part counted, the badge and panel say the rest was not checked, the page stays responsive', async () => {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.fixtures.origin });
    await withPage(s, async (page) => {
      const errors = watchPageErrors(page);
      await page.goto(s.fixtures.url('textarea.html'));
      const sentences = [
        'Thanks for your patience while I looked into order 4411.',
        "I've issued a full refund to your card today.",
        'The replacement ships on Tuesday with tracking.',
        "That's not my department.",
        'Our engineer will call you tomorrow morning.',
        'I checked the warehouse log for your parcel.',
        'As I already said, it shipped.',
        'Let me know if there is anything else I can do.',
      ];
      let big = '';
      for (let i = 0; big.length < 1_000_000; i++) big += sentences[i % sentences.length] + (i % 6 === 5 ? '\n\n' : ' ');
      const result = analyze(big);
      const expected = result.findings.length;
      // The engine checks the first 20,000 characters of a reply's own text (about 90 findings here).
      expect(expected).toBeGreaterThan(50);
      const truncated = result.warnings?.find((w) => w.kind === 'truncated');
      expect(truncated?.end).toBe(big.length);
      await page.click('#reply');
      await page.evaluate((t) => navigator.clipboard.writeText(t), big);
      await page.keyboard.press('Control+V');
      await expect.poll(() => page.evaluate(() => (document.querySelector('#reply') as HTMLTextAreaElement).value.length), { timeout: 30_000 }).toBe(big.length);
      await expect.poll(async () => Number(await badge(page).textContent()), { timeout: 60_000 }).toBe(expected);
      // What was not checked is said: in the badge's title and label, and at the top of the panel.
      expect(await badge(page).getAttribute('title')).toBe(truncated!.message);
      expect(truncated!.message).toMatch(/^Reply too long to check in full: Tactful checks the first 20,000 characters/);
      expect(await badge(page).getAttribute('aria-label')).toContain(truncated!.message);
      await badge(page).click();
      const notes = page.locator('tactful-overlay [data-tactful="panel"] [data-tactful="warnings"] li');
      await expect.poll(() => notes.allTextContents()).toEqual([truncated!.message]);
      await page.keyboard.press('Escape');
      await page.click('#reply');
      await page.keyboard.press('Control+End');
      // Responsive: a keystroke lands and the page answers promptly.
      const t0 = Date.now();
      await page.keyboard.type('x');
      await page.evaluate(() => 1);
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(await page.inputValue('#reply')).toBe(`${big}x`);
      expect(errors).toEqual([]);
    });
  });
});
