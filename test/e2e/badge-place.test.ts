/**
 * Where the badge sits, in real Chromium: at the same place in every editor family (the
 * bottom-right corner of the framed reply box, whatever element is editable inside it), never
 * on a scrollbar and never over the agent's text (it steps outside the box when the text
 * reaches that corner).
 */
import type { Page } from 'playwright-core';
import { describe, it, expect } from 'vitest';
import { SKIP_BROWSER, badge, useSession, withPage } from './harness';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Family {
  name: string;
  page: string;
  /** What the agent types into. */
  editable: string;
  /** The framed box the agent sees (border): the editable itself or its wrapper. */
  frame: string;
}

const FAMILIES: Family[] = [
  { name: 'textarea', page: 'textarea.html', editable: '#reply', frame: '#reply' },
  { name: 'contenteditable', page: 'contenteditable.html', editable: '#reply', frame: '#reply' },
  { name: 'ProseMirror', page: 'prosemirror.html', editable: '.ProseMirror', frame: '#editor' },
  { name: 'CKEditor 5', page: 'ckeditor.html', editable: '.ck-editor__editable', frame: '.ck-editor__editable' },
  { name: 'Draft.js', page: 'draft.html', editable: '.public-DraftEditor-content', frame: '.reply' },
  { name: 'Quill 2', page: 'quill.html', editable: '.ql-editor', frame: '.ql-container' },
];

const SHORT = "That's not my department.";

const rectOf = (page: Page, selector: string) =>
  page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

const badgeRect = (page: Page) =>
  badge(page).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

/** Every line box of the editable's text (contenteditable families). */
const textRects = (page: Page, selector: string) =>
  page.$eval(selector, (e) => {
    const out: Array<{ left: number; top: number; right: number; bottom: number }> = [];
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!/\S/.test(n.textContent ?? '')) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    return out;
  });

const overlaps = (a: Rect, b: Rect) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

async function typeInto(page: Page, f: Family, text: string): Promise<void> {
  await page.goto(f.page);
  await page.waitForSelector(f.editable);
  await page.click(f.editable);
  await page.keyboard.type(text);
  await expect.poll(async () => Number(await badge(page).textContent())).toBeGreaterThanOrEqual(1);
}

describe.skipIf(SKIP_BROWSER)('badge placement', () => {
  const s = useSession({ clearStorage: true });

  it('sits at the same place in the corner of the reply box in every editor family, off the text', async () => {
    const corners: Record<string, { right: number; bottom: number }> = {};
    for (const f of FAMILIES) {
      await withPage(s, async (page) => {
        await typeInto(page, { ...f, page: s.fixtures.url(f.page) }, SHORT);
        // The badge is placed after the frame that lays out the edit.
        await expect.poll(async () => (await badgeRect(page)).right > 0).toBe(true);
        const frame = await rectOf(page, f.frame);
        const b = await badgeRect(page);
        corners[f.name] = { right: Math.round(frame.right - b.right), bottom: Math.round(frame.bottom - b.bottom) };
        expect(b.left >= frame.left && b.top >= frame.top && b.right <= frame.right && b.bottom <= frame.bottom, `${f.name}: badge inside its box`).toBe(true);
        if (f.name !== 'textarea') {
          for (const t of await textRects(page, f.editable)) expect(overlaps(b, t), `${f.name}: badge over the text`).toBe(false);
        }
      });
    }
    const first = corners[FAMILIES[0]!.name]!;
    for (const f of FAMILIES) expect(corners[f.name], f.name).toEqual(first);
  });

  it('stays off a scrolling textarea’s scrollbar and steps outside when the text fills the corner', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('textarea.html'));
      const lines = Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of the reply runs on long enough to reach the right-hand edge of the box here.`);
      await page.$eval('#reply', (e, text) => {
        const ta = e as HTMLTextAreaElement;
        ta.style.overflowY = 'scroll';
        ta.focus();
        ta.value = text;
        ta.dispatchEvent(new Event('input', { bubbles: true }));
      }, `${lines.join('\n')}\n${SHORT}`);
      await expect.poll(async () => Number(await badge(page).textContent())).toBeGreaterThanOrEqual(1);
      const box = await page.$eval('#reply', (e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, clientRight: r.left + e.clientLeft + e.clientWidth };
      });
      expect(box.right - box.clientRight).toBeGreaterThan(5); // the scrollbar is really there
      await expect.poll(async () => (await badgeRect(page)).top >= box.bottom).toBe(true);
      const b = await badgeRect(page);
      // Outside, below the corner: neither on the scrollbar nor on the text.
      expect(overlaps(b, box)).toBe(false);
      expect(await badge(page).getAttribute('data-place')).toBe('outside');
    });
  });

  it('moves off a contenteditable’s text once the typing reaches the corner, and back when it is gone', async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('contenteditable.html'));
      // A reply box of fixed height that scrolls, as most help desks have.
      await page.$eval('#reply', (e) => Object.assign((e as HTMLElement).style, { height: '140px', minHeight: '0', overflowY: 'auto' }));
      await page.click('#reply');
      await page.keyboard.type(SHORT);
      await expect.poll(async () => badge(page).getAttribute('data-place')).toBe('inside');
      // Lines that fill the box to its bottom-right corner.
      // Short words wrap close to the right edge on every line.
      await page.keyboard.press('Enter');
      await page.keyboard.insertText('Yes, we can do that for you. '.repeat(40));
      await expect.poll(async () => badge(page).getAttribute('data-place')).toBe('outside');
      const b = await badgeRect(page);
      for (const t of await textRects(page, '#reply')) expect(overlaps(b, t)).toBe(false);
      await page.keyboard.press('Control+a');
      await page.keyboard.type(SHORT);
      await expect.poll(async () => badge(page).getAttribute('data-place')).toBe('inside');
    });
  });
});
