/**
 * Where a field's badge sits, the same rule in every editor family: in the bottom-right
 * corner of the field's visible box, clear of its scrollbars; when the reply's text reaches
 * that corner, just outside the field below its bottom-right corner (above it when the
 * viewport has no room below), so it never covers the agent's words.
 */
import type { Box } from './geometry';

export const BADGE_SIZE = 22;
/** From the field's edges (inside) or from its border (outside). */
const INSET = 6;
const GAP = 4;
/** Each digit past the first widens the badge by about this much. */
const DIGIT = 7;

/** `right`: the x of the badge's right edge; `top`: its top (root viewport). */
export interface BadgeSpot {
  right: number;
  top: number;
  outside: boolean;
}

/** Scrollbar widths of the field's own scrolling box (an iframe's body: its frame's viewport). */
export function scrollbars(el: HTMLElement): { right: number; bottom: number } {
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  if (!win) return { right: 0, bottom: 0 };
  if (el === doc.body && win.frameElement) {
    return { right: Math.max(0, win.innerWidth - doc.documentElement.clientWidth), bottom: Math.max(0, win.innerHeight - doc.documentElement.clientHeight) };
  }
  if (el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth && el.offsetWidth - el.clientWidth <= (el.clientLeft * 2 || 0)) {
    return { right: 0, bottom: 0 };
  }
  const cs = win.getComputedStyle(el);
  const bl = parseFloat(cs.borderLeftWidth) || 0, br = parseFloat(cs.borderRightWidth) || 0;
  const bt = parseFloat(cs.borderTopWidth) || 0, bb = parseFloat(cs.borderBottomWidth) || 0;
  return { right: Math.max(0, el.offsetWidth - el.clientWidth - bl - br), bottom: Math.max(0, el.offsetHeight - el.clientHeight - bt - bb) };
}

export function badgeSpot(
  box: Box,
  bars: { right: number; bottom: number },
  digits: number,
  textIn: (b: Box) => boolean,
  viewportHeight: number,
): BadgeSpot {
  const width = BADGE_SIZE + DIGIT * Math.max(0, digits - 1);
  const right = box.left + box.width - bars.right - INSET;
  const top = box.top + box.height - bars.bottom - INSET - BADGE_SIZE;
  // A little margin around the badge: a descender or the caret right beside it also counts.
  const corner = { left: right - width - 2, top: top - 2, width: width + 4, height: BADGE_SIZE + 4 };
  if (!textIn(corner)) return { right, top, outside: false };
  const below = box.top + box.height + GAP;
  const outsideTop = below + BADGE_SIZE <= viewportHeight ? below : Math.max(0, box.top - GAP - BADGE_SIZE);
  return { right: box.left + box.width, top: outsideTop, outside: true };
}

const clear = (colour: string) => colour === 'transparent' || /rgba\([^)]*,\s*0(?:\.0+)?\)$/.test(colour);
/** A border or shadow one can see (Draft.js keeps a 0.1px transparent border on its container). */
const framed = (cs: CSSStyleDeclaration) =>
  (['Top', 'Right', 'Bottom', 'Left'] as const).some(
    (side) =>
      (parseFloat(cs[`border${side}Width`]) || 0) >= 0.5 &&
      cs[`border${side}Style`] !== 'none' &&
      cs[`border${side}Style`] !== 'hidden' &&
      !clear(cs[`border${side}Color`]),
  ) || cs.boxShadow !== 'none';

/**
 * The box the agent sees as the reply field: the editable itself when it is framed (a
 * textarea, CKEditor 5), else the nearest close ancestor with a border or shadow (ProseMirror,
 * Draft.js and Quill editables grow with their text inside a framed wrapper). Not a page
 * container: an ancestor much larger than the editable is not its frame.
 */
export function visualFrame(el: HTMLElement): HTMLElement {
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  if (!win || el === doc.body) return el;
  const own = el.getBoundingClientRect();
  let node: HTMLElement | null = el;
  for (let depth = 0; node && depth < 5; depth++) {
    if (node === doc.body || node === doc.documentElement) break;
    const r = node.getBoundingClientRect();
    if (depth > 0 && (r.width > own.width + 120 || r.height > own.height + 400)) break;
    if (framed(win.getComputedStyle(node))) return node;
    const parent: Element | null = node.parentElement ?? (node.getRootNode() instanceof win.ShadowRoot ? (node.getRootNode() as ShadowRoot).host : null);
    node = parent instanceof win.HTMLElement ? parent : null;
  }
  return el;
}
