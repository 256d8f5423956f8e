/**
 * The Firefox build in Firefox ESR: highlights, the card (click and shortcut), a rewrite applied
 * through the editor's own input pipeline, Ctrl+Z, and a rule turned off from the card, in a
 * textarea, a plain contenteditable and four real editors (ProseMirror, CKEditor 5, roosterjs 9,
 * Trix 2). For the editors that keep their own undo stack and change event (roosterjs, Trix):
 * the page's change listener saw the rewrite, and redo re-applies it.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { analyze } from '../../../src/engine/index';
import { FLAGGED, FLAGGED_2, norm } from '../harness';
import { caretOffsetInPage } from '../page-reads';
import { SKIP_FIREFOX, useFirefox, withTab, badgeCount, markedTexts, cardView, clickInCard, pressShortcut, pressCtrl } from './harness';

interface Case {
  name: string;
  page: string;
  editable: string;
  /** Expression for the editor's own model text. */
  model: string;
  /** The fixture marks <body data-ready> once the editor is built (asynchronously). */
  ready?: boolean;
  /**
   * The editor's own redo, where the test checks redo and the fixture's change log: keys (with
   * Control), or its toolbar button (Trix: in Firefox ESR its redo shortcuts did nothing in
   * this test; the button is the editor's own redo too).
   */
  redo?: string[] | { button: string };
}

const CASES: Case[] = [
  { name: 'textarea', page: 'textarea.html', editable: '#reply', model: `document.querySelector('#reply').value` },
  { name: 'contenteditable', page: 'contenteditable.html', editable: '#reply', model: `document.querySelector('#reply').innerText.replace(/\\n$/, '')` },
  { name: 'ProseMirror', page: 'prosemirror.html', editable: '.ProseMirror', model: `window.pmView.state.doc.textContent` },
  { name: 'CKEditor 5', page: 'ckeditor.html', editable: '.ck-editor__editable', model: `window.fixture.text()`, ready: true },
  { name: 'roosterjs 9', page: 'roosterjs.html', editable: '#editor', model: `window.fixture.text()`, ready: true, redo: ['KeyY'] },
  { name: 'Trix 2', page: 'trix.html', editable: 'trix-editor', model: `window.fixture.text()`, ready: true, redo: { button: 'button[data-trix-action="redo"]' } },
];

/** What the page's own change listener saw last (fixture.changes). */
const lastChange = (page: Page) => page.evaluate(() => (window as unknown as { fixture: { changes(): string[] } }).fixture.changes().at(-1) ?? '');

async function redo(page: Page, how: string[] | { button: string }): Promise<void> {
  if (!Array.isArray(how)) {
    await page.click(how.button);
    return;
  }
  const keys = how;
  await page.keyboard.down('Control');
  for (const k of keys.slice(0, -1)) await page.keyboard.down(k as 'Shift');
  await page.keyboard.press(keys[keys.length - 1] as 'KeyY');
  for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k as 'Shift');
  await page.keyboard.up('Control');
}

const REPLY = `Hi Sam, thanks for writing in. ${FLAGGED} ${FLAGGED_2}`;

const modelText = async (page: Page, c: Case) => norm(String(await page.evaluate(c.model)));

/** Caret offset in the field: the textarea API, or the DOM selection (editor fillers stripped). */
const caret = (page: Page, c: Case) => page.evaluate(caretOffsetInPage, c.editable);

/** Centre of the mark over `text`: a CSS highlight range, or a mirror mark for a textarea. */
function markCentre(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((want) => {
    const centre = (r: DOMRect) => ({ x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 });
    for (const [name, h] of CSS.highlights) {
      if (!String(name).startsWith('tactful-') || name === 'tactful-active') continue;
      for (const r of h as Highlight) if ((r as Range).toString() === want) return centre((r as Range).getClientRects()[0]!);
    }
    const root = document.querySelector('tactful-overlay')?.shadowRoot;
    for (const m of root?.querySelectorAll('.mirror [data-tactful="mark"]') ?? []) {
      if (m.textContent === want) return centre(m.getClientRects()[0]!);
    }
    return null;
  }, text);
}

async function typeReply(page: Page, c: Case): Promise<void> {
  await page.waitForSelector(c.editable);
  if (c.ready) await page.waitForSelector('body[data-ready="true"]');
  await page.click(c.editable);
  await page.keyboard.type(REPLY);
  await expect.poll(() => modelText(page, c)).toBe(REPLY);
}

describe.skipIf(SKIP_FIREFOX)('Firefox: the extension in reply editors', () => {
  const s = useFirefox();
  const expected = analyze(REPLY).findings;

  for (const c of CASES) {
    it(`${c.name}: highlights, card on click, rewrite, caret, Ctrl+Z, shortcut`, async () => {
      await withTab(s, c.page, async (page, errors) => {
        await typeReply(page, c);
        await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(expected.length);
        await expect.poll(() => markedTexts(page)).toEqual(expected.map((f) => f.text).sort());

        // A click on the flagged words opens their card.
        const first = expected[0]!;
        const at = await markCentre(page, first.text);
        expect(at).not.toBeNull();
        await page.mouse.click(at!.x, at!.y);
        await expect.poll(async () => (await cardView(page))?.rule).toBe(first.ruleId);
        const view = (await cardView(page))!;
        expect(view.suggestions.length).toBeGreaterThan(0);

        // The rewrite goes through the editor: its model holds it, the caret is after it.
        const replacement = view.suggestions[0]!;
        await clickInCard(page, 'suggestion', 0);
        const rewritten = REPLY.slice(0, view.start) + replacement + REPLY.slice(view.end);
        await expect.poll(() => modelText(page, c)).toBe(rewritten);
        // The rewrite's first [placeholder] is selected (the agent types over it), else the caret is after it.
        const ph = /\[[A-Za-z]+(?: [A-Za-z]+){0,3}\]/.exec(replacement);
        // Where the editor lets it be selected, the probe reads either end of that selection; else the caret is after the rewrite.
        const onRewrite = ph ? [view.start + ph.index, view.start + ph.index + ph[0].length, view.start + replacement.length] : [view.start + replacement.length];
        await expect.poll(async () => onRewrite.includes(await caret(page, c))).toBe(true);
        await expect.poll(() => badgeCount(page)).toBe(analyze(rewritten).findings.length);

        if (c.redo) await expect.poll(async () => norm(await lastChange(page))).toBe(rewritten);

        // One Ctrl+Z brings back exactly the agent's words.
        await pressCtrl(page, 'KeyZ');
        await expect.poll(() => modelText(page, c)).toBe(REPLY);
        await expect.poll(() => badgeCount(page)).toBe(expected.length);
        if (c.redo) {
          await redo(page, c.redo);
          await expect.poll(() => modelText(page, c)).toBe(rewritten);
          await pressCtrl(page, 'KeyZ');
          await expect.poll(() => modelText(page, c)).toBe(REPLY);
        }

        // The keyboard path: caret at the start, shortcut → the first finding's card; Escape closes it.
        await page.click(c.editable);
        await pressCtrl(page, 'Home');
        await pressShortcut(page);
        await expect.poll(async () => (await cardView(page))?.rule).toBe(first.ruleId);
        await page.keyboard.press('Escape');
        await expect.poll(() => cardView(page)).toBeNull();
        expect(await modelText(page, c)).toBe(REPLY);
        expect(errors).toEqual([]);
      });
    });
  }

  it('"Turn off this rule" in the card is stored by the background: the rule stays off in a new tab', async () => {
    const c = CASES[0]!;
    const first = expected[0]!;
    await withTab(s, c.page, async (page, errors) => {
      await typeReply(page, c);
      await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(expected.length);
      await pressCtrl(page, 'Home');
      await pressShortcut(page);
      await expect.poll(async () => (await cardView(page))?.rule).toBe(first.ruleId);
      expect((await cardView(page))!.canTurnOff).toBe(true);
      await clickInCard(page, 'disable-rule');
      await expect.poll(() => badgeCount(page)).toBe(expected.length - 1);
      expect(await markedTexts(page)).not.toContain(first.text);
      expect(errors).toEqual([]);
    });
    await withTab(s, c.page, async (page) => {
      await typeReply(page, c);
      await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(expected.length - 1);
      await expect.poll(() => markedTexts(page)).toEqual(expected.slice(1).map((f) => f.text).sort());
    });
  });
});
