/** The card's place beside its span (pure geometry): below, above, clear of other underlines, inside the field and viewport. */
import { describe, it, expect } from 'vitest';
import { placeCard } from '../../src/content/card-place';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const field = { left: 100, top: 0, width: 600, height: 800 };
const line = (top: number, left = 120, width = 200) => ({ left, top, width, height: 20 });

describe('placeCard', () => {
  it('goes below the last line of a wrapped span', () => {
    expect(placeCard({ span: [line(100), line(122, 110)], others: [], field, viewport, card })).toEqual({ left: 120, top: 148 });
  });

  it('goes above the first line when there is no room below', () => {
    const at = placeCard({ span: [line(640), line(662)], others: [], field, viewport, card })!;
    expect(at.top + card.height).toBe(634);
  });

  it('goes above when below would cover another underline, and stays below when above has no room', () => {
    const next = [line(150, 130, 100)];
    expect(placeCard({ span: [line(300)], others: next.map((r) => ({ ...r, top: 330 })), field, viewport, card })!.top).toBe(94);
    expect(placeCard({ span: [line(100)], others: [line(130)], field, viewport, card })!.top).toBe(126);
  });

  it('stays inside the field horizontally and the viewport, and is null when the span is outside the field', () => {
    expect(placeCard({ span: [line(100, 650, 40)], others: [], field, viewport, card })!.left).toBe(400);
    expect(placeCard({ span: [line(100, 950, 40)], others: [], field: null, viewport, card })!.left).toBe(692);
    expect(placeCard({ span: [line(100)], others: [], field: { ...field, top: 300, height: 200 }, viewport, card })).toBeNull();
  });

  it('with no room for the whole card above or below, is cut to the roomier side and scrolls, never over the span', () => {
    const short = { width: 1000, height: 300 };
    const at = placeCard({ span: [line(120)], others: [], field, viewport: short, card })!;
    // 300 px tall viewport, span at 120–140: 146–292 below (146 px) beats 8–114 above.
    expect(at).toEqual({ left: 120, top: 146, maxHeight: 146 });
    const high = placeCard({ span: [line(200)], others: [], field, viewport: short, card })!;
    expect(high.top + high.maxHeight!).toBeLessThanOrEqual(200 - 6);
    const overlap = (t: number, hgt: number) => t < 220 && t + hgt > 200;
    expect(overlap(high.top, high.maxHeight!)).toBe(false);
  });

  it('beside the span when the viewport is too short to fit it above or below', () => {
    const tiny = { width: 1000, height: 120 };
    const at = placeCard({ span: [line(50)], others: [], field, viewport: tiny, card })!;
    expect(at.left).toBe(326); // right of the span (120 + 200 + 6)
    expect(at.maxHeight).toBe(104);
  });
});
