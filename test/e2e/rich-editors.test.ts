/**
 * Rich editors from node_modules, each with its own model, undo stack and input pipeline:
 * CKEditor 5, Quill 2, Lexical, Slate, Draft.js, TinyMCE (iframe).
 * For each: type → badge/highlights → click span → card → apply first rewrite → the
 * editor's model holds it, caret after it → Ctrl+Z restores the original.
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

interface RichCase {
  name: string;
  page: string;
  /** The editable element (inside `frame` for TinyMCE). */
  editable: string;
  frame?: string;
  /** Editors whose history groups edits closer than this (ms) into one undo step. */
  undoGroupMs: number;
}

const CASES: RichCase[] = [
  { name: 'CKEditor 5', page: 'ckeditor.html', editable: '.ck-editor__editable', undoGroupMs: 0 },
  { name: 'Quill 2', page: 'quill.html', editable: '.ql-editor', undoGroupMs: 400 },
  { name: 'Lexical', page: 'lexical.html', editable: '[data-lexical-editor]', undoGroupMs: 400 },
  { name: 'Slate', page: 'slate.html', editable: '[data-slate-editor]', undoGroupMs: 0 },
  { name: 'Draft.js', page: 'draft.html', editable: '.public-DraftEditor-content', undoGroupMs: 0 },
  { name: 'TinyMCE', page: 'tinymce.html', editable: 'body#tinymce', frame: 'iframe.tox-edit-area__iframe, .tox-edit-area iframe', undoGroupMs: 0 },
];

const REPLY = `Hi Sam, thanks for writing in. ${FLAGGED} ${FLAGGED_2}`;

type FixtureWindow = Window & { fixture: { text(): string; focused(): boolean } };

const modelText = (page: Page) => page.evaluate(() => (window as unknown as FixtureWindow).fixture.text());

/** Caret offset from the DOM selection in the editable (fillers stripped). */
const caretOffset = (target: Page | Frame, editable: string) => target.evaluate(caretOffsetInPage, editable);

describe.skipIf(SKIP_BROWSER)('rich editors', () => {
  const s = useSession();

  for (const ed of CASES) {
    it(`${ed.name}: highlight, card, apply, caret, undo`, async () => {
      await withPage(s, async (page) => {
        await page.goto(s.fixtures.url(ed.page));
        await page.waitForSelector('body[data-ready="true"]');
        const target: Page | Frame = ed.frame ? (await (await page.waitForSelector(ed.frame)).contentFrame())! : page;
        await target.click(ed.editable);
        await page.keyboard.type(REPLY);
        await expect.poll(async () => norm(await modelText(page))).toBe(REPLY);

        const n = analyze(REPLY).findings.length;
        expect(n).toBeGreaterThanOrEqual(2);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(n);
        await expect.poll(async () => totalFlagged(await highlightSizes(page, ed.frame))).toBe(n);

        if (ed.undoGroupMs) await page.waitForTimeout(ed.undoGroupMs + 200);
        const pts = await flaggedPoints(page, 'css', ed.frame);
        await page.mouse.click(pts[0]!.x, pts[0]!.y);
        await expect.poll(() => card(page).isVisible()).toBe(true);
        const span = await cardSpan(page);
        const suggestion = card(page).locator('[data-tactful="suggestion"]').first();
        const replacement = (await suggestion.textContent())!;
        await suggestion.click();
        const expected = REPLY.slice(0, span.start) + replacement + REPLY.slice(span.end);
        await expect.poll(async () => norm(await modelText(page))).toBe(expected);
        expect(await card(page).locator('[data-tactful="error"]').count()).toBe(0);
        // The rewrite's first [placeholder] is selected (the agent types over it), else the caret is after it.
        const ph = /\[[A-Za-z]+(?: [A-Za-z]+){0,3}\]/.exec(replacement);
        await expect.poll(() => caretOffset(target, ed.editable)).toBe(span.start + (ph ? ph.index + ph[0].length : replacement.length));
        expect(await page.evaluate(() => (window as unknown as FixtureWindow).fixture.focused())).toBe(true);

        await page.keyboard.press('Control+z');
        await expect.poll(async () => norm(await modelText(page))).toBe(REPLY);
        await expect.poll(async () => Number(await badge(page).textContent())).toBe(n);
      });
    });
  }
});
