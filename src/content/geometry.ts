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

function clipsOverflow(el: Element): boolean {
  const cs = el.ownerDocument.defaultView!.getComputedStyle(el);
  return cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
}

/**
 * The part of an element's box that is actually visible: intersected with every clipping
 * ancestor (scrolling containers, across shadow roots), each frame and the root viewport.
 * Returns null when nothing is visible.
 */
export function visibleBox(el: Element, rootWin: Window, box?: Box): Box | null {
  let win = el.ownerDocument.defaultView!;
  let clip: Box | null = box ?? toRoot(el.getBoundingClientRect(), win, rootWin);
  let node: Element | null = el;
  for (;;) {
    let parent: Element | null = node.parentElement;
    if (!parent) {
      const root = node.getRootNode();
      parent = root instanceof win.ShadowRoot ? root.host : null;
    }
    if (!parent) {
      // top of this document: clip to its viewport, then continue in the parent frame
      const vp = toRoot({ left: 0, top: 0, width: win.innerWidth, height: win.innerHeight }, win, rootWin);
      clip = clip && visibleIn(clip, vp);
      if (win === rootWin || !win.frameElement) break;
      node = win.frameElement;
      win = node.ownerDocument.defaultView!;
      continue;
    }
    if (parent !== parent.ownerDocument.documentElement && parent !== parent.ownerDocument.body && clipsOverflow(parent)) {
      const r = parent.getBoundingClientRect();
      const inner = {
        left: r.left + parent.clientLeft,
        top: r.top + parent.clientTop,
        width: parent.clientWidth,
        height: parent.clientHeight,
      };
      clip = clip && visibleIn(toRoot(inner, win, rootWin), clip);
    }
    if (!clip) return null;
    node = parent;
  }
  return clip;
}
