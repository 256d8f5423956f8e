/**
 * Apply a rewrite through the editor's own input pipeline, then verify by re-reading the text.
 * If the editor refused or mangled the edit, put the original text back the same way.
 *   execCommand  – textarea, plain contenteditable, ProseMirror/TipTap, TinyMCE, Froala, Redactor, Summernote, Trix
 *   beforeinput  – Slate, Lexical, CKEditor 5, Quill 2 (insertReplacementText with dataTransfer + targetRanges)
 *   paste        – Draft.js (synthetic paste with clipboardData)
 */
import type { Family } from './family';
import { diffText } from '../shared/text-delta';

export interface EditTarget {
  el: HTMLElement;
  family: Family;
  readText(): string;
  /** Select [start, end) in the editor (DOM selection or textarea selection). */
  select(start: number, end: number): boolean;
  /** The selection as string offsets, if it is inside the field. */
  selection(): { start: number; end: number } | null;
  /** Static DOM range for [start, end) (contenteditable only). */
  staticRange(start: number, end: number): StaticRange | null;
  focus(): void;
}

export type ApplyResult = { ok: true; caret: number } | { ok: false; reason: string };

type Strategy = 'execCommand' | 'beforeinput' | 'paste';

export function strategyFor(family: Family): Strategy {
  switch (family) {
    case 'slate':
    case 'lexical':
    case 'ckeditor5':
    case 'quill':
      return 'beforeinput';
    case 'draftjs':
      return 'paste';
    default:
      return 'execCommand';
  }
}

const tick = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));

function normalize(s: string): string {
  return s.replace(/\u00a0/g, ' ').replace(/\u200b/g, '');
}

function execInsert(t: EditTarget, text: string): boolean {
  const doc = t.el.ownerDocument;
  try {
    return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

function dispatchBeforeInput(t: EditTarget, start: number, end: number, text: string): boolean {
  const win = t.el.ownerDocument.defaultView as Window & typeof globalThis;
  const dt = new win.DataTransfer();
  dt.setData('text/plain', text);
  const sr = t.staticRange(start, end);
  const ev = new win.InputEvent('beforeinput', {
    inputType: 'insertReplacementText',
    data: text,
    dataTransfer: dt,
    targetRanges: sr ? [sr] : [],
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  t.el.dispatchEvent(ev);
  return ev.defaultPrevented;
}

function dispatchPaste(t: EditTarget, text: string): boolean {
  const win = t.el.ownerDocument.defaultView as Window & typeof globalThis;
  const dt = new win.DataTransfer();
  dt.setData('text/plain', text);
  const ev = new win.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true });
  t.el.dispatchEvent(ev);
  return ev.defaultPrevented;
}

async function selectAndSettle(t: EditTarget, start: number, end: number): Promise<void> {
  t.focus();
  t.select(start, end);
  // Let the editor see the selectionchange (ProseMirror, Draft.js, Slate sync from it).
  await tick();
  const s = t.selection();
  if (!s || s.start !== start || s.end !== end) t.select(start, end);
}

/**
 * TinyMCE keeps its own undo levels and records one for an `input` event of type
 * insertReplacementText (what a spell-checker replacement fires). Announcing the edit before
 * and after makes it one undo step, with the text before it as the previous level.
 */
function announceReplacement(t: EditTarget): void {
  if (t.family !== 'tinymce') return;
  const win = t.el.ownerDocument.defaultView as Window & typeof globalThis;
  t.el.dispatchEvent(new win.InputEvent('input', { inputType: 'insertReplacementText', bubbles: true }));
}

async function insert(t: EditTarget, start: number, end: number, text: string): Promise<void> {
  await selectAndSettle(t, start, end);
  const strategy = strategyFor(t.family);
  announceReplacement(t);
  let handled = false;
  if (strategy === 'beforeinput') handled = dispatchBeforeInput(t, start, end, text);
  else if (strategy === 'paste') handled = dispatchPaste(t, text);
  if (!handled) execInsert(t, text);
  announceReplacement(t);
}

/** Wait until the editor's DOM shows `expected` (React-based editors render on a later frame). */
async function settle(t: EditTarget, expected: string): Promise<string> {
  let now = normalize(t.readText());
  for (let i = 0; i < 10 && now !== expected; i++) {
    await tick(i < 3 ? 0 : 16);
    now = normalize(t.readText());
  }
  return now;
}

export async function applyReplacement(
  t: EditTarget,
  start: number,
  end: number,
  expectedSpan: string,
  replacement: string,
): Promise<ApplyResult> {
  const before = normalize(t.readText());
  if (before.slice(start, end) !== normalize(expectedSpan)) {
    return { ok: false, reason: 'The text changed. Try again after the check updates.' };
  }
  const expected = before.slice(0, start) + normalize(replacement) + before.slice(end);
  await insert(t, start, end, replacement);
  const after = await settle(t, expected);
  if (after === expected) {
    const caret = start + replacement.length;
    const s = t.selection();
    if (!s || s.start !== caret || s.end !== caret) t.select(caret, caret);
    return { ok: true, caret };
  }
  // Refused or mangled: put the original back through the same pipeline.
  if (after !== before) {
    const d = diffText(after, before);
    await insert(t, d.at, d.at + d.remove, d.insert);
    const restored = await settle(t, before);
    if (restored !== before && t.el.tagName === 'TEXTAREA') {
      (t.el as HTMLTextAreaElement).value = before;
      t.el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (normalize(t.readText()) !== before) {
      return { ok: false, reason: "This editor changed the text in an unexpected way. Use Ctrl+Z to undo." };
    }
  }
  t.select(end, end);
  return { ok: false, reason: "This editor didn't accept the change, so your text was left as it was." };
}
