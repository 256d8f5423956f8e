/**
 * Rich editors from node_modules, each with its own model, undo stack and input pipeline:
 * CKEditor 5, Quill 2, Lexical, Slate, Draft.js, TinyMCE (iframe), roosterjs 9 (Outlook web),
 * Trix 2, CKEditor 4 (classic iframe and inline).
 * For each: type → badge/highlights → click span → card → apply first rewrite → the
 * editor's model holds it, caret after it, the page's own change listener saw it → one Ctrl+Z
 * restores exactly the text before the rewrite → redo re-applies it.
 */
import { describe, it, expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import {
  SKIP_BROWSER,
  badge,
  card,
  highlightSizes,
  totalFlagged,
  flaggedPoints,
  cardSpan,
  norm,
  FLAGGED,
  FLAGGED_2,
  useSession,
  withPage,
} from './harness';
import { analyze } from '../../src/engine/index';
import { caretOffsetInPage } from './page-reads';
import { RICH_CASES as CASES } from './editor-cases';

const REPLY = `Hi Sam, thanks for writing in. ${FLAGGED} ${FLAGGED_2}`;

type FixtureWindow = Window & { fixture: { text(): string; focused(): boolean; changes?(): string[]; caret?(): number } };

const modelText = (page: Page) => page.evaluate(() => (window as unknown as FixtureWindow).fixture.text());
/** The model text the page's own change listener saw last (what a draft autosave would store). */
const lastChange = (page: Page) =>
  page.evaluate(() => {
    const seen = (window as unknown as FixtureWindow).fixture.changes?.() ?? [];
    return seen.length ? seen[seen.length - 1]! : null;
  });

/** Caret offset: the editor model's own where the fixture has it, else from the DOM selection in the editable (fillers stripped). */
async function caretOffset(page: Page, target: Page | Frame, editable: string): Promise<number> {
  const fromModel = await page.evaluate(() => (window as unknown as FixtureWindow).fixture.caret?.() ?? null);
  return fromModel ?? target.evaluate(caretOffsetInPage, editable);
}

describe.skipIf(SKIP_BROWSER)('rich editors', () => {
  const s = useSession();

  for (const ed of CASES) {
    it(`${ed.name}: highlight, card, apply, caret, change event, one-step undo, redo`, async () => {
      await withPage(s, async (page) => {
        await page.goto(s.fixtures.url(ed.page));
        await page.waitForSelector('body[data-ready="true"]');
        const target: Page | Frame = ed.frame ? (await (await page.waitForSelector(ed.frame)).contentFrame())! : page;
        await target.click(ed.editable);
        if (ed.prefill) {
          expect(REPLY.startsWith(ed.prefill)).toBe(true);
          await page.keyboard.press('Control+End');
        }
        await page.keyboard.type(REPLY.slice(ed.prefill?.length ?? 0));
        await expect.poll(async () => norm(await modelText(page))).toBe(REPLY);

        const n = analyze(REPLY).findings.length;
        expect(n).toBeGreaterThanOrEqual(2);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(n);
        await expect.poll(async () => totalFlagged(await highlightSizes(page, ed.frame))).toBe(n);

        if (ed.undoGroupMs) await page.waitForTimeout(ed.undoGroupMs + 200);
        const pts = await flaggedPoints(page, 'css', ed.frame);
        // The second problem is a frame ("As I already said,"): its card covers the frame, not the sentence.
        await page.mouse.click(pts[1]!.x, pts[1]!.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        const frame = await cardSpan(page);
        expect(REPLY.slice(frame.start, frame.end).startsWith('As I already said')).toBe(true);
        expect(frame.end - frame.start).toBeLessThan(FLAGGED_2.length * 0.8);
        await page.keyboard.press('Escape');
        await expect.poll(() => card(page).count()).toBe(0);
        await page.mouse.click(pts[0]!.x, pts[0]!.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        const span = await cardSpan(page);
        // TACTFUL_SCREENSHOTS=dir keeps a picture of the open card per editor family, to check by eye.
        if (process.env.TACTFUL_SCREENSHOTS) await page.screenshot({ path: `${process.env.TACTFUL_SCREENSHOTS}/${ed.page.replace(/\.html$/, '')}.png` });
        const suggestion = card(page).locator('[data-tactful="suggestion"]').first();
        const replacement = (await suggestion.textContent())!;
        await suggestion.click();
        const expected = REPLY.slice(0, span.start) + replacement + REPLY.slice(span.end);
        await expect.poll(async () => norm(await modelText(page))).toBe(expected);
        expect(await card(page).locator('[data-tactful="error"]').count()).toBe(0);
        // The rewrite's first [placeholder] is selected (the agent types over it), else the caret is after it.
        const ph = /\[[A-Za-z]+(?: [A-Za-z]+){0,3}\]/.exec(replacement);
        // Where the editor lets it be selected, the probe reads either end of that selection; else the caret is after the rewrite.
        const onRewrite = ph ? [span.start + ph.index, span.start + ph.index + ph[0].length, span.start + replacement.length] : [span.start + replacement.length];
        await expect.poll(async () => onRewrite.includes(await caretOffset(page, target, ed.editable))).toBe(true);
        expect(await page.evaluate(() => (window as unknown as FixtureWindow).fixture.focused())).toBe(true);

        if (ed.changeEvent) await expect.poll(async () => norm((await lastChange(page)) ?? '')).toBe(expected);

        // one Ctrl+Z: exactly the text before the rewrite (not a word more or less), and it stays so
        await page.keyboard.press('Control+z');
        await expect.poll(async () => norm(await modelText(page))).toBe(REPLY);
        await page.waitForTimeout(200);
        expect(norm(await modelText(page))).toBe(REPLY);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(n);

        // redo re-applies the rewrite
        await page.keyboard.press(ed.redo);
        await expect.poll(async () => norm(await modelText(page))).toBe(expected);
      });
    });
  }
});
