/**
 * Apply a rewrite through the input path the editor itself records (its model, its undo stack
 * as one step, its change events; each family's path is in editors/<family>.ts), then verify
 * by re-reading the text. If the editor refused or mangled the edit, put the original text
 * back the same way.
 */
import type { Family } from './family';
import { diffText } from '../shared/text-delta';
import { editorSpec, type EditorSpec } from './editors/index';

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

/** Said in the card when the text at the finding's span is no longer the finding's text. */
export const TEXT_CHANGED =
  'Not applied: the text here changed since this suggestion was made (you typed, or the page changed it). Your text was left as it is; check the suggestion again.';

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
 * Send the edit down the editor's own input path (editors/<family>.ts). An editor that did
 * not take it (event not handled and the text unchanged) gets the browser's insertText.
 * Trix takes a beforeinput without calling preventDefault, so the text decides, not the event.
 */
async function insert(t: EditTarget, spec: EditorSpec, start: number, end: number, text: string, guard?: string): Promise<boolean> {
  const before = t.readText();
  await selectAndSettle(t, start, end);
  // Selecting yields a tick, in which the agent (or the page) may type: nothing is sent then.
  if (guard !== undefined && normalize(t.readText()) !== guard) return false;
  await spec.announce?.(t.el);
  let handled = false;
  if (spec.input === 'beforeinput') handled = dispatchBeforeInput(t, start, end, text);
  else if (spec.input === 'paste') handled = dispatchPaste(t, text);
  if (spec.input === 'execCommand' || (!handled && t.readText() === before)) execInsert(t, text);
  await spec.announce?.(t.el);
  return true;
}

/** Wait until the editor's DOM shows `expected` (React-based editors render on a later frame). */
async function settle(t: EditTarget, spec: EditorSpec, expected: string): Promise<string> {
  const until = performance.now() + (spec.settleMs ?? 120);
  let now = normalize(t.readText());
  for (let i = 0; now !== expected && (i < 3 || performance.now() < until); i++) {
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
  // Decided now, not when the field was found: some editors mark their element after it is editable.
  const spec = editorSpec(t.el);
  const before = normalize(t.readText());
  // The agent may have typed between the check and the click: a rewrite applied at stale offsets
  // would replace the wrong words, so it is applied only where the finding's text still is.
  if (before.slice(start, end) !== normalize(expectedSpan)) return { ok: false, reason: TEXT_CHANGED };
  const expected = before.slice(0, start) + normalize(replacement) + before.slice(end);
  if (!(await insert(t, spec, start, end, replacement, before))) return { ok: false, reason: TEXT_CHANGED };
  const after = await settle(t, spec, expected);
  if (after === expected) {
    const caret = start + replacement.length;
    const s = t.selection();
    if (!s || s.start !== caret || s.end !== caret) t.select(caret, caret);
    return { ok: true, caret };
  }
  // Refused or mangled: put the original back through the same pipeline.
  if (after !== before) {
    const d = diffText(after, before);
    await insert(t, spec, d.at, d.at + d.remove, d.insert);
    const restored = await settle(t, spec, before);
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
