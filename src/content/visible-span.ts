/**
 * Which part of a contenteditable's text is on screen, as string offsets. The browser repaints
 * every registered highlight range when the editor changes, so a long reply with a hundred
 * findings made each keystroke's paint several times dearer (bench/README.md): only the ranges
 * near what the agent can see are registered.
 */
import { visibleBox } from './geometry';

export interface Span {
  start: number;
  end: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(doc: CaretDoc, x: number, y: number): [Node, number] | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? [p.offsetNode, p.offset] : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? [r.startContainer, r.startOffset] : null;
  }
  return null;
}

/** How far in from a corner to look again when it is covered (a sticky toolbar, a banner). */
const PROBE_STEPS_PX = [1, 24, 48, 96, 160];

/**
 * Offsets of the text near the top-left and bottom-left corners of the field's visible part
 * (inside its scrolling ancestors and its window's viewport); null when none of it is visible.
 * A corner covered by something else (an editor's sticky toolbar) is probed again further in;
 * if that fails too the span widens to the start or end of the text, so it errs towards
 * painting more, never less.
 */
export function visibleSpan(
  el: HTMLElement,
  offsetOf: (node: Node, offset: number) => number | null,
  length: number,
): Span | null {
  const win = el.ownerDocument.defaultView;
  if (!win) return { start: 0, end: length };
  // In the field's own window's coordinates (what caret hit-testing takes): clipped by its
  // scrolling ancestors and that window's viewport.
  const box = visibleBox(el, win);
  if (!box) return null;
  const top = box.top;
  const bottom = box.top + box.height;
  const left = box.left;
  const right = box.left + box.width;
  const doc = el.ownerDocument as CaretDoc;
  const x = Math.min(left + 2, right - 1);
  const probe = (y: (step: number) => number): number | null => {
    for (const step of PROBE_STEPS_PX) {
      const at = y(step);
      if (at < top || at > bottom) break;
      const hit = caretAt(doc, x, at);
      const offset = hit ? offsetOf(hit[0], hit[1]) : null;
      if (offset !== null) return offset;
    }
    return null;
  };
  const start = probe((step) => top + step);
  const end = probe((step) => bottom - step);
  return { start: start ?? 0, end: end === null ? length : Math.max(end, start ?? 0) };
}
