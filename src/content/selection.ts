/** Reading and setting the selection of a field, including fields inside shadow roots and iframes. */
import type { TextMap } from './text-map';

type ComposedSel = Selection & {
  getComposedRanges?: (...args: unknown[]) => StaticRange[];
};

/** The current selection as a range-like object, seen from the field's tree. */
export function currentRange(el: HTMLElement): AbstractRange | null {
  const doc = el.ownerDocument;
  const sel = doc.getSelection() as ComposedSel | null;
  if (!sel || sel.rangeCount === 0) return null;
  const root = el.getRootNode();
  if (root !== doc && root.nodeType === 11) {
    const shadow = root as ShadowRoot;
    if (typeof sel.getComposedRanges === 'function') {
      for (const arg of [{ shadowRoots: [shadow] }, shadow]) {
        try {
          const ranges = sel.getComposedRanges(arg);
          if (ranges[0]) return ranges[0];
        } catch {
          // older signature
        }
      }
    }
    const legacy = (shadow as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
    if (legacy && legacy.rangeCount > 0) return legacy.getRangeAt(0);
  }
  return sel.getRangeAt(0);
}

export function editableSelection(el: HTMLElement, map: TextMap): { start: number; end: number } | null {
  const r = currentRange(el);
  if (!r) return null;
  const a = map.offsetOf(r.startContainer, r.startOffset);
  const b = map.offsetOf(r.endContainer, r.endOffset);
  if (a === null || b === null) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

export function selectEditable(el: HTMLElement, map: TextMap, start: number, end: number): boolean {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return false;
  const a = map.point(start, 'start');
  const b = start === end ? a : map.point(end, 'end');
  try {
    sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
    return true;
  } catch {
    return false;
  }
}
