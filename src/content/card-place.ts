/**
 * Where the card goes (pure geometry, root-viewport coordinates): below the whole flagged span,
 * or above it when there is no room below or below would cover another underline; never over
 * the span when the viewport has room; inside the viewport, and horizontally inside the field's
 * visible box when the field is wide enough. Null: the span is not in the field's visible box.
 */
import { visibleIn, type Box } from './geometry';
import type { Field } from './field';
import type { Finding } from './findings';

const GAP = 6;
const MARGIN = 8;

export interface CardPlaceInput {
  /** The span's line boxes. */
  span: Box[];
  /** Line boxes of other flagged spans nearby (the card should not cover them). */
  others: Box[];
  /** The visible part of the field (null: unknown, the viewport clips alone). */
  field: Box | null;
  viewport: { width: number; height: number };
  card: { width: number; height: number };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** A card shorter than this is not worth scrolling inside: it goes beside the span instead. */
const MIN_HEIGHT = 96;

/** `maxHeight`: the card is cut to this and scrolls inside, so it fits beside the span without covering it. */
export interface CardSpot {
  left: number;
  top: number;
  maxHeight?: number;
}

export function placeCard(p: CardPlaceInput): CardSpot | null {
  const vw = p.viewport.width;
  const vh = p.viewport.height;
  const { width: w, height: h } = p.card;
  const lines = p.span.map((r) => (p.field ? visibleIn(r, p.field) : r)).filter((r): r is Box => !!r);
  if (lines.length === 0) return null;
  const top = Math.min(...lines.map((r) => r.top));
  const bottom = Math.max(...lines.map((r) => r.top + r.height));

  // Aligned with the span's first line, kept inside the field's box, then the viewport.
  let left = lines[0]!.left;
  let lo = MARGIN;
  let hi = vw - w - MARGIN;
  if (p.field && p.field.width >= w) {
    lo = Math.max(lo, p.field.left);
    hi = Math.min(hi, p.field.left + p.field.width - w);
  }
  left = Math.max(lo, Math.min(left, hi));

  const belowTop = bottom + GAP;
  const aboveTop = top - GAP - h;
  const fits = (t: number) => t >= MARGIN && t + h <= vh - MARGIN;
  const clear = (t: number) => !p.others.some((r) => overlaps({ left, top: t, width: w, height: h }, r));
  const order = [
    [belowTop, fits(belowTop) && clear(belowTop)],
    [aboveTop, fits(aboveTop) && clear(aboveTop)],
    [belowTop, fits(belowTop)],
    [aboveTop, fits(aboveTop)],
  ] as const;
  const pick = order.find(([, ok]) => ok);
  if (pick) return { left, top: pick[0] };
  // No room for the whole card on either side: on the roomier side, cut to the room there
  // (it scrolls inside), so it still does not cover the span.
  const roomBelow = vh - MARGIN - belowTop;
  const roomAbove = top - GAP - MARGIN;
  if (Math.max(roomBelow, roomAbove) >= MIN_HEIGHT) {
    return roomBelow >= roomAbove
      ? { left, top: belowTop, maxHeight: Math.floor(roomBelow) }
      : { left, top: MARGIN, maxHeight: Math.floor(roomAbove) };
  }
  // A very short viewport: beside the span, where there is room across.
  const right = Math.max(...lines.map((r) => r.left + r.width));
  const leftmost = Math.min(...lines.map((r) => r.left));
  const sideTop = Math.max(MARGIN, Math.min(top, vh - h - MARGIN));
  const sideHeight = h > vh - 2 * MARGIN ? { maxHeight: Math.max(0, Math.floor(vh - 2 * MARGIN)) } : {};
  if (right + GAP + w <= vw - MARGIN) return { left: right + GAP, top: sideTop, ...sideHeight };
  if (leftmost - GAP - w >= MARGIN) return { left: leftmost - GAP - w, top: sideTop, ...sideHeight };
  // Nowhere clear: pinned inside the viewport on the roomier side.
  const t = vh - bottom >= top ? vh - h - MARGIN : MARGIN;
  return { left, top: Math.max(MARGIN, t) };
}

/**
 * Puts the open card by its finding (placeCard), clear of the other underlines near it; hides
 * it while the span is scrolled out of the field's visible box (`fieldBox`).
 */
export function positionCard(el: HTMLElement, field: Field, finding: Finding, fieldBox: Box | null, rootWin: Window): void {
  // Only findings near this one can be next to it on screen: their boxes are the ones read.
  // Those on the same words are in the card itself (cardOrder), not underlines to keep clear.
  const near = field.painted().filter(
    (x) => !(x.start < finding.end && finding.start < x.end) && x.end >= finding.start - 300 && x.start <= finding.end + 300,
  );
  el.style.display = '';
  const at = fieldBox && placeCard({
    span: field.rects(finding),
    others: near.flatMap((x) => field.rects(x)),
    field: fieldBox,
    viewport: { width: rootWin.innerWidth, height: rootWin.innerHeight },
    // Its whole height, also while a previous placement has cut it (scrollHeight: the content).
    card: { width: el.offsetWidth || 340, height: Math.max(el.offsetHeight, el.scrollHeight + el.offsetHeight - el.clientHeight) || 160 },
  });
  if (!at) {
    el.style.display = 'none';
    return;
  }
  el.style.left = `${Math.round(at.left)}px`;
  el.style.top = `${Math.round(at.top)}px`;
  const maxHeight = at.maxHeight === undefined ? '' : `${at.maxHeight}px`;
  if (el.style.maxHeight !== maxHeight) {
    el.style.maxHeight = maxHeight;
    el.style.overflowY = maxHeight ? 'auto' : '';
  }
}
