/** Rectangles in the root frame's viewport (where the overlay lives), across same-origin iframes. */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Offset of a window's viewport inside the root window's viewport. */
export function frameOffset(win: Window, rootWin: Window): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let w: Window = win;
  while (w !== rootWin) {
    const frame = w.frameElement as HTMLElement | null;
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    const cs = frame.ownerDocument.defaultView!.getComputedStyle(frame);
    x += r.left + frame.clientLeft + (parseFloat(cs.paddingLeft) || 0);
    y += r.top + frame.clientTop + (parseFloat(cs.paddingTop) || 0);
    w = w.parent;
  }
  return { x, y };
}

export function toRoot(rect: DOMRect | Box, win: Window, rootWin: Window): Box {
  const o = win === rootWin ? { x: 0, y: 0 } : frameOffset(win, rootWin);
  return { left: rect.left + o.x, top: rect.top + o.y, width: rect.width, height: rect.height };
}

/** Clip a box to a window's viewport; null when fully outside. */
export function visibleIn(box: Box, clip: Box): Box | null {
  const left = Math.max(box.left, clip.left);
  const top = Math.max(box.top, clip.top);
  const right = Math.min(box.left + box.width, clip.left + clip.width);
  const bottom = Math.min(box.top + box.height, clip.top + clip.height);
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}
