/** Which painter draws a field's underlines: the textarea mirror, CSS highlights, or overlay boxes where those are missing. */
import type { Field } from './field';
import { BoxPainter } from './paint-boxes';
import { HighlightPainter, highlightsSupported } from './paint-highlights';
import { MirrorPainter } from './paint-mirror';
import type { Painter } from './painter';

/** Test hook: <html data-tactful-force-overlay> forces the overlay fallback for contenteditable. */
const FORCE_OVERLAY_ATTR = 'data-tactful-force-overlay';

/** `marks`: the overlay layer for mirrors and boxes. */
export function choosePainter(field: Field, rootWin: Window, marks: HTMLElement): Painter {
  if (field.isTextarea) return new MirrorPainter(field.el as HTMLTextAreaElement, rootWin, marks);
  const win = field.el.ownerDocument.defaultView!;
  const forced = rootWin.document.documentElement.hasAttribute(FORCE_OVERLAY_ATTR) ||
    field.el.ownerDocument.documentElement.hasAttribute(FORCE_OVERLAY_ATTR);
  const rangeFor = (s: number, e: number) => field.rangeFor(s, e);
  if (!forced && highlightsSupported(win)) {
    return new HighlightPainter(field.el, rangeFor, (r, s, e) => field.rangeSpans(r, s, e), rootWin, () => field.visibleSpan());
  }
  return new BoxPainter(field.el, rangeFor, rootWin, marks);
}
