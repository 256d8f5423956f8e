/**
 * Light or dark for the card, panel and badge, from what the reply box is actually drawn on:
 * the first non-transparent background up its ancestors (across shadow roots and frames). A
 * page with its own dark theme on a light system (or the reverse) gets the matching card.
 */
export type Theme = 'light' | 'dark';

export type RGBA = [number, number, number, number];

/** A computed colour (`rgb()`/`rgba()`, as getComputedStyle gives it); null for anything else. */
export function parseColor(c: string): RGBA | null {
  if (c === 'transparent') return [0, 0, 0, 0];
  const m = /^rgba?\(([^)]+)\)$/.exec(c.trim());
  if (!m) return null;
  // Computed values: `rgb(r, g, b)`, `rgba(r, g, b, a)` or `rgb(r g b / a)`.
  const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (p.length < 3 || p.some((x) => Number.isNaN(x))) return null;
  return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
}

/** `top` drawn over an opaque `under`. */
export function over(top: RGBA, under: RGBA): RGBA {
  const a = top[3];
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
}

/** WCAG relative luminance. */
export function luminance(c: RGBA): number {
  const ch = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
}

/** WCAG contrast ratio of two opaque colours. */
export function contrast(a: RGBA, b: RGBA): number {
  const x = luminance(a);
  const y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * Where black and white text have the same contrast: darker backgrounds read as dark.
 * (0.05 / 1.05 ≈ (L + 0.05)²: L ≈ 0.179.)
 */
const DARK_BELOW = 0.179;

const WHITE: RGBA = [255, 255, 255, 1];
const DARK_CANVAS: RGBA = [18, 18, 18, 1];

/** The page's canvas when nothing on the way up paints a background. */
function canvas(doc: Document): RGBA {
  const win = doc.defaultView;
  if (!win) return WHITE;
  // The canvas follows the system only where the page opted into a dark scheme (color-scheme).
  const scheme = (win.getComputedStyle(doc.documentElement).colorScheme || '').split(/\s+/);
  if (!scheme.includes('dark')) return WHITE;
  if (!scheme.includes('light')) return DARK_CANVAS;
  return win.matchMedia('(prefers-color-scheme: dark)').matches ? DARK_CANVAS : WHITE;
}

function parentAcross(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  if (root !== el.ownerDocument && (root as ShadowRoot).host) return (root as ShadowRoot).host;
  // The top of a same-origin frame: what the frame element sits on.
  const frame = el.ownerDocument.defaultView?.frameElement;
  return frame ?? null;
}

/** The opaque colour the element's text is drawn on (semi-transparent layers composited). */
export function backgroundOf(el: Element): RGBA {
  const layers: RGBA[] = [];
  let last: Element = el;
  for (let e: Element | null = el; e; e = parentAcross(e)) {
    last = e;
    const win = e.ownerDocument.defaultView;
    if (!win) break;
    const c = parseColor(win.getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) {
      layers.push(c);
      if (c[3] >= 1) return layers.reverse().reduce<RGBA>((acc, l) => over(l, acc), [0, 0, 0, 1]);
    }
  }
  return layers.reverse().reduce<RGBA>((acc, l) => over(l, acc), canvas(last.ownerDocument));
}

export function themeFor(el: Element): Theme {
  try {
    return luminance(backgroundOf(el)) < DARK_BELOW ? 'dark' : 'light';
  } catch {
    // A hostile page's getComputedStyle throwing must not stop the card from opening.
    return 'light';
  }
}
