/**
 * Textarea, plain contenteditable and ProseMirror, each with the real engine:
 * type → badge + highlights → click span → card → shortcut/Escape → apply → editor model,
 * caret → Ctrl+Z → dismiss → ignore. Contenteditable and ProseMirror run twice: with the
 * CSS Custom Highlight API and with the overlay fallback forced.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  SKIP_BROWSER,
  badge,
  card,
  marks,
  highlightSizes,
  totalFlagged,
  flaggedPoints,
  cardSpan,
  overlayFocus,
  storageLocal,
  norm,
  FLAGGED,
  FLAGGED_2,
  type MarkMode,
  useSession,
  withPage, FLAGGED_SPAN } from './harness';
import { analyze } from '../../src/engine/index';
import { caretOffsetInPage } from './page-reads';

interface EditorCase {
  name: string;
  page: string;
  selector: string;
  mode: MarkMode;
  forceOverlay?: boolean;
  /** Text as the editor's own model holds it. */
  model(page: Page): Promise<string>;
  /** Caret offset in the model's text. */
  caret(page: Page): Promise<number>;
  focused(page: Page): Promise<boolean>;
  /** From now on, record the text each of the page's own change listeners sees (what a draft autosave stores). */
  listen(page: Page): Promise<void>;
  /** What those listeners saw, in order. */
  seen(page: Page): Promise<string[]>;
}

type SawWindow = Window & { pageSaw: string[]; pmChanges?: string[] };
/** The page's own `input` listener on the field, reading the field's text when it fires. */
const listenInput = (p: Page, read: 'value' | 'innerText') =>
  p.evaluate((how) => {
    const w = window as unknown as SawWindow;
    w.pageSaw = [];
    const el = document.querySelector<HTMLElement>('#reply')!;
    el.addEventListener('input', () => w.pageSaw.push(how === 'value' ? (el as HTMLTextAreaElement).value : el.innerText.replace(/\n$/, '')));
  }, read);
const pageSaw = (p: Page) => p.evaluate(() => (window as unknown as SawWindow).pageSaw.map((t) => t.replace(/\u00a0/g, ' ')));

/** Caret offset in the field (textarea API or DOM selection). */
const caretIn = (p: Page, sel: string) => p.evaluate(caretOffsetInPage, sel);

const textarea: EditorCase = {
  name: 'textarea',
  page: 'textarea.html',
  selector: '#reply',
  mode: 'overlay',
  model: (p) => p.$eval('#reply', (e) => (e as HTMLTextAreaElement).value),
  caret: (p) => caretIn(p, '#reply'),
  focused: (p) => p.evaluate(() => document.activeElement?.id === 'reply'),
  listen: (p) => listenInput(p, 'value'),
  seen: pageSaw,
};

const contenteditable = (mode: MarkMode): EditorCase => ({
  name: `contenteditable (${mode === 'css' ? 'CSS highlights' : 'overlay fallback'})`,
  page: 'contenteditable.html',
  selector: '#reply',
  mode,
  forceOverlay: mode === 'overlay',
  model: (p) => p.$eval('#reply', (e) => (e as HTMLElement).innerText.replace(/\n$/, '')),
  caret: (p) => caretIn(p, '#reply'),
  focused: (p) => p.evaluate(() => document.activeElement?.id === 'reply'),
  listen: (p) => listenInput(p, 'innerText'),
  seen: pageSaw,
});

type PmWindow = Window & { pmView: { state: { doc: { textContent: string }; selection: { head: number } }; hasFocus(): boolean } };

const prosemirror = (mode: MarkMode): EditorCase => ({
  name: `ProseMirror (${mode === 'css' ? 'CSS highlights' : 'overlay fallback'})`,
  page: 'prosemirror.html',
  selector: '.ProseMirror',
  mode,
  forceOverlay: mode === 'overlay',
  model: (p) => p.evaluate(() => (window as unknown as PmWindow).pmView.state.doc.textContent),
  // single paragraph: position 1 is the start of its text
  caret: (p) => p.evaluate(() => (window as unknown as PmWindow).pmView.state.selection.head - 1),
  focused: (p) => p.evaluate(() => (window as unknown as PmWindow).pmView.hasFocus()),
  // ProseMirror's page-side change hook is dispatchTransaction (the fixture records each change).
  listen: (p) => p.evaluate(() => void (window as unknown as SawWindow).pmChanges!.splice(0)),
  seen: (p) => p.evaluate(() => [...(window as unknown as SawWindow).pmChanges!]),
});

const CASES: EditorCase[] = [textarea, contenteditable('css'), contenteditable('overlay'), prosemirror('css'), prosemirror('overlay')];

const REPLY = `Hi Sam, thanks for writing in. ${FLAGGED} ${FLAGGED_2}`;

describe.skipIf(SKIP_BROWSER)('editors', () => {
  const s = useSession();

  async function flaggedCount(page: Page, ed: EditorCase): Promise<number> {
    return ed.mode === 'css' ? totalFlagged(await highlightSizes(page)) : marks(page).count();
  }

  async function openCardAt(page: Page, ed: EditorCase, index: number): Promise<{ start: number; end: number }> {
    const pts = await flaggedPoints(page, ed.mode);
    const pt = pts[index];
    expect(pt, `flagged span #${index}`).toBeDefined();
    await page.mouse.click(pt!.x, pt!.y);
    await expect.poll(() => card(page).isVisible()).toBe(true);
    return cardSpan(page);
  }

  for (const ed of CASES) {
    it(`${ed.name}: highlight, card, apply, undo, caret, dismiss, ignore`, async () => {
      await withPage(s, async (page) => {
        await page.goto(s.fixtures.url(ed.page));
        if (ed.forceOverlay) await page.evaluate(() => document.documentElement.setAttribute('data-tactful-force-overlay', ''));
        await page.click(ed.selector);
        await page.keyboard.type(REPLY);
        const original = norm(await ed.model(page));
        expect(original).toBe(REPLY);

        // badge and highlights
        await expect.poll(async () => Number(await badge(page).textContent())).toBeGreaterThanOrEqual(2);
        const n = Number(await badge(page).textContent());
        expect(n).toBe(analyze(REPLY).findings.length); // the field's text reached the engine intact
        await expect.poll(() => flaggedCount(page, ed)).toBe(n);
        if (ed.mode === 'css') expect(await marks(page).count()).toBe(0);
        else if (!ed.name.startsWith('textarea')) expect(totalFlagged(await highlightSizes(page))).toBe(0);

        // click inside the first flagged span → its card
        const span = await openCardAt(page, ed, 0);
        expect(original.slice(span.start, span.end)).toContain('department');
        expect(await card(page).locator('[data-tactful="category"]').textContent()).toBeTruthy();
        const suggestions = card(page).locator('[data-tactful="suggestion"]');
        expect(await suggestions.count()).toBeGreaterThanOrEqual(1);
        for (const role of ['dismiss', 'ignore', 'disable-rule']) {
          await expect.poll(() => card(page).locator(`[data-tactful="${role}"]`).count()).toBe(1);
        }
        expect(await card(page).getAttribute('role')).toBe('dialog');
        expect(await card(page).getAttribute('aria-labelledby')).toBeTruthy();

        // Escape closes and keeps the editor focused; the shortcut reopens it at the caret, focused
        await page.keyboard.press('Escape');
        await expect.poll(() => card(page).count()).toBe(0);
        expect(await ed.focused(page)).toBe(true);
        await page.keyboard.press('Alt+Shift+T');
        await expect.poll(() => card(page).isVisible()).toBe(true);
        expect(await cardSpan(page)).toEqual(span);
        expect(await overlayFocus(page)).toBe('suggestion');
        await page.keyboard.press('Escape');
        await expect.poll(() => card(page).count()).toBe(0);
        expect(await ed.focused(page)).toBe(true);

        // apply the first rewrite (ProseMirror groups edits closer than 500 ms into one undo step)
        await page.waitForTimeout(600);
        await openCardAt(page, ed, 0);
        const replacement = (await suggestions.first().textContent())!;
        await ed.listen(page);
        await suggestions.first().click();
        const expected = original.slice(0, span.start) + replacement + original.slice(span.end);
        await expect.poll(async () => norm(await ed.model(page))).toBe(expected);
        // The page's own change listener saw the rewrite: the last text it was told of is the rewritten
        // reply (what a draft autosave stores).
        await expect.poll(async () => (await ed.seen(page)).at(-1)).toBe(expected);
        // The rewrite's first [placeholder] is selected (the agent types over it), else the caret is after it.
        const ph = /\[[A-Za-z]+(?: [A-Za-z]+){0,3}\]/.exec(replacement);
        // Polled: the placeholder is selected once the rewrite's analysis is back, which can come
        // after the model shows the new text on a loaded machine.
        await expect.poll(() => ed.caret(page)).toBe(span.start + (ph ? ph.index + ph[0].length : replacement.length));
        expect(await ed.focused(page)).toBe(true);
        await expect.poll(() => card(page).count()).toBe(0);

        // Ctrl+Z restores the original in one step
        await page.keyboard.press('Control+z');
        await expect.poll(async () => norm(await ed.model(page))).toBe(original);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(n);

        // dismiss hides that finding
        await page.waitForTimeout(150);
        await openCardAt(page, ed, 0);
        await card(page).locator('[data-tactful="dismiss"]').click();
        await expect.poll(() => card(page).count()).toBe(0);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(n - 1);
        await expect.poll(() => flaggedCount(page, ed)).toBe(n - 1);
        expect(await ed.focused(page)).toBe(true);

        // ignore stores the phrase and hides it
        const second = await openCardAt(page, ed, 0);
        const phrase = original.slice(second.start, second.end).toLowerCase();
        await card(page).locator('[data-tactful="ignore"]').click();
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(n - 2);
        await expect.poll(async () => (await storageLocal(s)).ignoredPhrases).toContain(phrase);
      });
    });
  }

  // Issue 12: the agent typed between the check and the click. Typing before the span moves it, so
  // the span's offsets now hold other words: the rewrite must not land there.
  const TYPED = 'Hello. ';
  // [edit, then after the click]: a textarea's input event closes the card, so there it follows the
  // click (as when the page itself changes the value), in the same task all the same.
  const typeAtStart: Record<string, [string, string]> = {
    textarea: [
      `document.querySelector('#reply').setRangeText(${JSON.stringify(TYPED)}, 0, 0)`,
      `document.querySelector('#reply').dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ${JSON.stringify(TYPED)} }))`,
    ],
    contenteditable: [
      `(() => { const el = document.querySelector('#reply'); const t = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode(); t.insertData(0, ${JSON.stringify(TYPED)}); el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ${JSON.stringify(TYPED)} })); })()`,
      '',
    ],
    ProseMirror: [`(() => { const v = window.pmView; v.dispatch(v.state.tr.insertText(${JSON.stringify(TYPED)}, 1)); })()`, ''],
  };
  for (const ed of [textarea, contenteditable('css'), prosemirror('css')]) {
    const family = ed.name.split(' ')[0]!;
    it(`${ed.name}: text typed after the card opened is never overwritten; the card says so, then applies at the moved span`, async () => {
      await withPage(s, async (page) => {
        await page.goto(s.fixtures.url(ed.page));
        await page.click(ed.selector);
        await page.keyboard.type(REPLY);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(analyze(REPLY).findings.length);
        await page.waitForTimeout(600);
        const span = await openCardAt(page, ed, 0);
        expect(REPLY.slice(span.start, span.end)).toBe(FLAGGED_SPAN);
        const typed = TYPED + REPLY;
        // The edit and the click in one task: no analysis can run in between (as when the agent
        // types and clicks within the 100 ms before the next check).
        await page.evaluate(
          ([edit, after]) => {
            (0, eval)(edit!);
            const button = document.querySelector('tactful-overlay')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-tactful="suggestion"]')!;
            button.click();
            if (after) (0, eval)(after);
          },
          typeAtStart[family]!,
        );
        const error = card(page).locator('[data-tactful="error"]');
        await expect.poll(() => error.count()).toBe(1);
        expect(await error.textContent()).toBe(
          'Not applied: the text here changed since this suggestion was made (you typed, or the page changed it). Your text was left as it is; check the suggestion again.',
        );
        // Nothing was replaced: the agent's text is exactly what they typed.
        expect(norm(await ed.model(page))).toBe(typed);
        await page.waitForTimeout(300);
        expect(norm(await ed.model(page))).toBe(typed);
        // The card now points at where the words moved to, and applying from it works.
        expect(await cardSpan(page)).toEqual({ start: span.start + TYPED.length, end: span.end + TYPED.length });
        const suggestion = card(page).locator('[data-tactful="suggestion"]').first();
        const replacement = (await suggestion.textContent())!;
        await suggestion.click();
        const moved = span.start + TYPED.length;
        await expect.poll(async () => norm(await ed.model(page))).toBe(typed.slice(0, moved) + replacement + typed.slice(moved + FLAGGED_SPAN.length));
      });
    });
  }

  for (const kind of ['contenteditable', 'prosemirror'] as const) {
    it(`${kind}: paragraphs, inline formatting and emoji map to the right offsets`, async () => {
      await withPage(s, async (page) => {
        await page.goto(s.fixtures.url(`${kind}.html`));
        await page.click(kind === 'prosemirror' ? '.ProseMirror' : '#reply');
        const lines = ['Hi Sam \u{1F44B},', 'Thanks for writing in, I really appreciate it.', `${FLAGGED} ${FLAGGED_2}`];
        await page.keyboard.type(lines[0]!);
        await page.keyboard.press('Enter');
        if (kind === 'contenteditable') {
          // bold "really" with the browser's own formatting command
          await page.keyboard.type('Thanks for writing in, I ');
          await page.keyboard.press('Control+b');
          await page.keyboard.type('really');
          await page.keyboard.press('Control+b');
          await page.keyboard.type(' appreciate it.');
          expect(await page.locator('#reply b, #reply strong').count()).toBe(1);
        } else {
          await page.keyboard.type(lines[1]!);
        }
        await page.keyboard.press('Enter');
        await page.keyboard.type(lines[2]!);
        const text = lines.join('\n');
        const expected = analyze(text).findings;
        expect(expected.length).toBeGreaterThanOrEqual(2);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(expected.length);
        await expect.poll(async () => totalFlagged(await highlightSizes(page))).toBe(expected.length);
        // the highlighted DOM text is exactly each finding's text
        const highlighted = await page.evaluate(() =>
          [...CSS.highlights]
            .filter(([k]) => k.startsWith('tactful-') && k !== 'tactful-active')
            .flatMap(([, h]) => [...(h as Highlight)].map((r) => (r as Range).toString().replace(/\u00a0/g, ' ')))
            .sort(),
        );
        expect(highlighted).toEqual(expected.map((f) => f.text).sort());

        await page.waitForTimeout(600);
        const pts = await flaggedPoints(page, 'css');
        await page.mouse.click(pts[0]!.x, pts[0]!.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        const span = await cardSpan(page);
        expect(text.slice(span.start, span.end)).toBe(expected[0]!.text);
        const suggestion = card(page).locator('[data-tactful="suggestion"]').first();
        const replacement = (await suggestion.textContent())!;
        await suggestion.click();
        const after = text.slice(0, span.start) + replacement + text.slice(span.end);
        const model = () =>
          kind === 'prosemirror'
            ? page.evaluate(() => {
                const v = (window as unknown as { pmView: { state: { doc: { content: { size: number }; textBetween(a: number, b: number, sep: string): string } } } }).pmView;
                return v.state.doc.textBetween(0, v.state.doc.content.size, '\n');
              })
            : page.$eval('#reply', (e) => (e as HTMLElement).innerText.replace(/\n$/, ''));
        await expect.poll(async () => norm(await model())).toBe(after);
        await page.keyboard.press('Control+z');
        await expect.poll(async () => norm(await model())).toBe(text);
      });
    });
  }

  for (const id of ['refuse', 'mangle'] as const) {
    it(`an editor that ${id}s the edit: text restored, message in the card`, async () => {
      await withPage(s, async (page) => {
        await page.goto(s.fixtures.url('hostile.html'));
        await page.click(`#${id}`);
        await page.keyboard.type(REPLY);
        const text = () => page.$eval(`#${id}`, (e) => (e as HTMLElement).innerText.replace(/\u00a0/g, ' '));
        expect(await text()).toBe(REPLY);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(analyze(REPLY).findings.length);
        const pts = await flaggedPoints(page, 'css');
        await page.mouse.click(pts[0]!.x, pts[0]!.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        await card(page).locator('[data-tactful="suggestion"]').first().click();
        await expect.poll(() => card(page).locator('[data-tactful="error"]').count()).toBe(1);
        expect(await card(page).locator('[data-tactful="error"]').textContent()).toMatch(/left as it was/);
        expect(await text()).toBe(REPLY);
      });
    });
  }

  it('a click handled after a later shortcut does not close the card the shortcut opened', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('textarea.html'));
      await page.click('#reply');
      await page.keyboard.type(REPLY);
      const first = analyze(REPLY).findings[0]!;
      expect(first.start).toBeGreaterThan(0);
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(analyze(REPLY).findings.length);
      // A click on plain text (caret at 0) and the shortcut in the same task, as when a tab
      // that just came to the front runs the click's deferred handler after the key press.
      await page.evaluate(() => {
        const el = document.querySelector<HTMLTextAreaElement>('#reply')!;
        el.setSelectionRange(0, 0);
        el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, altKey: true, shiftKey: true, code: 'KeyT', key: 'T' }));
      });
      await expect.poll(() => card(page).isVisible()).toBe(true);
      expect(await card(page).getAttribute('data-rule')).toBe(first.ruleId);
      await page.waitForTimeout(300);
      expect(await card(page).isVisible()).toBe(true);
    });
  });

  it('disable-rule stores the rule id in settings and hides its findings', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('textarea.html'));
      await page.click('#reply');
      await page.keyboard.type(REPLY);
      await expect.poll(async () => Number(await badge(page).textContent())).toBeGreaterThanOrEqual(2);
      const n = Number(await badge(page).textContent());
      const pts = await flaggedPoints(page, 'overlay');
      await page.mouse.click(pts[0]!.x, pts[0]!.y);
      const ruleId = await card(page).getAttribute('data-rule');
      await card(page).locator('[data-tactful="disable-rule"]').click();
      await expect.poll(async () => Number(await badge(page).textContent())).toBeLessThan(n);
      await expect
        .poll(async () => ((await storageLocal(s)).settings as { disabledRules?: string[] } | undefined)?.disabledRules)
        .toContain(ruleId);
    });
  });

  it('badge opens the panel with every finding and reply tips', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('contenteditable.html'));
      await page.click('#reply');
      const text = `The order arrived broken and the box was damaged. ${FLAGGED} ${FLAGGED_2} The courier handles claims like this one and they are usually slow with them.`;
      await page.keyboard.type(text);
      const expected = analyze(text);
      expect(expected.tips.length).toBeGreaterThanOrEqual(1);
      await expect.poll(async () => Number(await badge(page).textContent())).toBe(expected.findings.length);
      const n = expected.findings.length;
      await badge(page).click();
      const panel = page.locator('tactful-overlay [data-tactful="panel"]');
      await expect.poll(() => panel.isVisible()).toBe(true);
      await expect.poll(() => panel.locator('[data-tactful="panel-item"]').count()).toBe(n);
      expect(await panel.locator('[data-tactful="tips"] li').count()).toBe(expected.tips.length);
      // The reply tips come first, above the phrase-level list.
      const tipsTop = (await panel.locator('[data-tactful="tips"]').boundingBox())!.y;
      const firstItemTop = (await panel.locator('[data-tactful="panel-item"]').first().boundingBox())!.y;
      expect(tipsTop).toBeLessThan(firstItemTop);
      await page.keyboard.press('Escape');
      await expect.poll(() => panel.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply');
    });
  });
});
