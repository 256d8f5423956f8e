/**
 * Severity in the reply box, in real Chromium: info, warning and error underlines look
 * different (thickness and colour strength), in CSS highlights and in the textarea's mirror
 * marks, and the badge shows the most severe finding; the options page says what severity does.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, highlightSizes, marks, useSession, withPage, FLAGGED } from './harness';

// justifies-process (info), not-my-department (warning), unfilled-placeholder (error).
const INFO = 'We followed procedure.';
const REPLY = `${FLAGGED} ${INFO} I will update you by [time].`;

interface Look {
  thickness: number;
  /** Alpha of the underline colour. */
  alpha: number;
}

/** The underline of each ::highlight(tactful-…) rule in the document's sheets (the content script adopts them). */
async function highlightLooks(page: Page): Promise<Record<string, Look>> {
  return page.evaluate(() => {
    const out: Record<string, { thickness: number; alpha: number }> = {};
    const sheets = [...document.adoptedStyleSheets, ...document.styleSheets];
    for (const sheet of sheets) {
      for (const rule of sheet.cssRules) {
        const m = /::highlight\((tactful-[\w-]+)\)/.exec((rule as CSSStyleRule).selectorText ?? '');
        if (!m) continue;
        const st = (rule as CSSStyleRule).style;
        const colour = st.textDecorationColor || '';
        const a = /rgba\([^)]*,\s*([\d.]+)\)/.exec(colour);
        out[m[1]!] = { thickness: parseFloat(st.textDecorationThickness) || 0, alpha: a ? Number(a[1]) : colour ? 1 : 0 };
      }
    }
    return out;
  });
}

async function badgeLook(page: Page): Promise<{ severity: string | null; bg: string; border: string; label: string }> {
  return badge(page).evaluate((b) => {
    const cs = getComputedStyle(b);
    return { severity: b.getAttribute('data-severity'), bg: cs.backgroundColor, border: cs.borderStyle, label: b.getAttribute('aria-label') ?? '' };
  });
}

describe.skipIf(SKIP_BROWSER)('severity', () => {
  const s = useSession({ clearStorage: true });

  it('contenteditable: each severity has its own highlight, thicker and stronger as severity rises', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('contenteditable.html'));
      await page.click('#reply');
      await page.keyboard.type(REPLY);
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(3);
      await expect.poll(() => highlightSizes(page)).toMatchObject({
        'tactful-defensive-info': 1,
        'tactful-blame-shifting-warning': 1,
        'tactful-vague-commitment-error': 1,
      });
      const looks = await highlightLooks(page);
      const info = looks['tactful-defensive-info']!;
      const warning = looks['tactful-blame-shifting-warning']!;
      const error = looks['tactful-vague-commitment-error']!;
      expect(info.thickness).toBeLessThan(warning.thickness);
      expect(warning.thickness).toBeLessThan(error.thickness);
      expect(info.alpha).toBeLessThan(warning.alpha);
      // Same category, other severity: still told apart.
      expect(looks['tactful-defensive-error']!.thickness).toBeGreaterThan(looks['tactful-defensive-info']!.thickness);
    });
  });

  it('textarea marks and the badge follow severity; the badge shows the most severe finding', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('textarea.html'));
      await page.click('#reply');
      await page.keyboard.type(REPLY);
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(3);
      await expect.poll(() => marks(page).count()).toBe(3);
      const looks = await marks(page).evaluateAll((els) =>
        Object.fromEntries(
          els.map((e) => {
            const cs = getComputedStyle(e);
            return [e.getAttribute('data-severity'), { thickness: parseFloat(cs.textDecorationThickness), colour: cs.textDecorationColor }];
          }),
        ),
      );
      expect(Object.keys(looks).sort()).toEqual(['error', 'info', 'warning']);
      expect(looks.info!.thickness).toBeLessThan(looks.warning!.thickness);
      expect(looks.warning!.thickness).toBeLessThan(looks.error!.thickness);
      expect(looks.info!.colour).toMatch(/rgba\(.*, 0\.\d+\)/); // a fainter line

      const error = await badgeLook(page);
      expect(error.severity).toBe('error');
      expect(error.label).toMatch(/error/i);

      // Only the warning left: the badge changes.
      await page.fill('#reply', '');
      await page.keyboard.type(FLAGGED);
      await expect.poll(async () => (await badgeLook(page)).severity).toBe('warning');
      const warning = await badgeLook(page);
      expect(warning.bg).not.toBe(error.bg);

      // Only info: outlined, not filled.
      await page.fill('#reply', '');
      await page.keyboard.type(INFO);
      await expect.poll(async () => (await badgeLook(page)).severity).toBe('info');
      const info = await badgeLook(page);
      expect(info.bg).not.toBe(warning.bg);
      expect(info.border).toBe('dashed');
      expect(Number(await badge(page).textContent())).toBe(1);
    });
  });

  it('the options page says what each severity does, in the rules list and the rule editor', async () => {
    await withPage(s, async (page) => {
      await page.goto(`chrome-extension://${s.extensionId}/src/options/index.html#rules`);
      const help = page.getByTestId('severity-help');
      await expect.poll(() => help.isVisible()).toBe(true);
      const text = (await help.textContent())!;
      expect(text).toMatch(/Error:.*thick underline.*red badge/);
      expect(text).toMatch(/Warning:.*amber badge/);
      expect(text).toMatch(/Info:.*thin, faint underline.*outlined badge/);
      expect(text).toContain('--fail-on');
      await page.getByTestId('new-rule').click();
      const effect = page.getByTestId('severity-effect');
      await page.locator('select[name="severity"]').selectOption('info');
      await expect.poll(() => effect.textContent()).toMatch(/thin, faint underline/);
      await page.locator('select[name="severity"]').selectOption('error');
      await expect.poll(() => effect.textContent()).toMatch(/thick underline/);
    });
  });
});
