/** Where a reply box is on screen, in the root viewport: only the part not scrolled out of view. */
import type { Field } from './field';
import { toRoot, visibleBox, type Box } from './geometry';

/** `el`: the field's editable, or the frame it sits in (the badge's box). */
export function fieldBox(field: Field, rootWin: Window, el: HTMLElement = field.el): Box | null {
  const win = el.ownerDocument.defaultView;
  if (!win || !el.isConnected) return null;
  // An iframe's editable body (TinyMCE, designMode) fills the frame, not just its content.
  const isFrameBody = el === el.ownerDocument.body && win !== rootWin && win.frameElement;
  const r = isFrameBody
    ? { left: 0, top: 0, width: win.innerWidth, height: win.innerHeight }
    : el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  // Only the part that is not scrolled out of view (containers, frames, viewport).
  return visibleBox(el, rootWin, toRoot(r, win, rootWin));
}
