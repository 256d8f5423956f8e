/**
 * Reading underline colours in a fixture page, for the Chromium and Firefox tests alike (script
 * strings: Playwright's and Puppeteer's evaluate both take them). Each line in use, its colour,
 * the background of the field #reply it is drawn on, the contrast ratio between them (the lower
 * of: against the background, against the background under the mark's tint) and how colourful
 * the line looks drawn on that background.
 */

// defensive info, warning blame-shifting (FLAGGED, typed first), a vague commitment (blue: the
// colour with the least contrast on dark backgrounds) and an unfilled-placeholder error.
export const UNDERLINE_REPLY_TAIL = "We followed procedure. We'll get back to you when possible. I will update you by [time].";
export const DARK_FIELD = '#reply{background:#1e1e1e;color:#e4e4e7;border-color:#3f3f46}';
export const DARK_PAGE = 'body{background:#0d1117;color:#e6edf3} .reply{background:transparent;color:inherit;border-color:#30363d}';
/** A mid-grey reply box: only very dark or very light lines reach 3:1 on it. */
export const GREY_FIELD = (g: number) => `#reply{background:rgb(${g},${g},${g});color:#000}`;

export interface Line {
  what: string;
  colour: string;
  background: string;
  ratio: number;
  /** The line drawn over the field: its highest channel less its lowest (0 for grey, black or white; 255 at most). */
  chroma: number;
}

/** Colour maths in the page (the same WCAG formulas as theme.ts, written out independently). */
const MATHS = `
  const parse = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) throw new Error('colour ' + c); const p = m[1].split(/[,\\s/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p[3] ?? 1]; };
  const over = (t, u) => [0, 1, 2].map((i) => t[i] * t[3] + u[i] * (1 - t[3])).concat(1);
  const lum = (c) => { const ch = (v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }; return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  /** What the field is drawn on: its own background and its ancestors', composited over white. */
  const backdrop = (el) => { const layers = []; for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0) layers.push(c); if (c[3] >= 1) break; } return layers.reverse().reduce((acc, l) => over(l, acc), [255, 255, 255, 1]); };
  const css = (c) => 'rgb(' + c.slice(0, 3).map(Math.round).join(',') + ')';
  const chroma = (c) => Math.round(Math.max(c[0], c[1], c[2]) - Math.min(c[0], c[1], c[2]));
`;

/** Highlight path: each non-empty tactful highlight's ::highlight() rule, against the field's background. */
export const HIGHLIGHT_LINES = `(() => {
    ${MATHS}
    const bg = backdrop(document.querySelector('#reply'));
    const rules = new Map();
    for (const sheet of [...document.adoptedStyleSheets, ...document.styleSheets]) {
      for (const rule of sheet.cssRules) {
        const m = /::highlight\\((tactful-[\\w-]+)\\)/.exec(rule.selectorText || '');
        if (m) rules.set(m[1], rule.style);
      }
    }
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (!String(name).startsWith('tactful-') || name === 'tactful-active' || h.size === 0) continue;
      const st = rules.get(name);
      if (!st) throw new Error('no ::highlight rule for ' + name);
      const tinted = over(parse(st.backgroundColor || 'rgba(0,0,0,0)'), bg);
      const line = parse(st.textDecorationColor);
      // The line is drawn over the mark's tint: the lower of the two contrasts.
      const r = Math.min(ratio(over(line, bg), bg), ratio(over(line, tinted), tinted));
      out.push({ what: name, colour: st.textDecorationColor, background: css(bg), ratio: Math.round(r * 100) / 100, chroma: chroma(over(line, bg)) });
    }
    return out;
  })()`;

/** Overlay path: each mark's computed line colour (underline in the mirror, bottom border for boxes). */
export const OVERLAY_LINES = `(() => {
    ${MATHS}
    const bg = backdrop(document.querySelector('#reply'));
    const root = document.querySelector('tactful-overlay').shadowRoot;
    return [...root.querySelectorAll('[data-tactful="mark"]')].map((e) => {
      const cs = getComputedStyle(e);
      const colour = e.classList.contains('box-mark') ? cs.borderBottomColor : cs.textDecorationColor;
      const tinted = over(parse(cs.backgroundColor), bg);
      const line = parse(colour);
      const r = Math.min(ratio(over(line, bg), bg), ratio(over(line, tinted), tinted));
      return { what: e.getAttribute('data-category') + ' ' + e.getAttribute('data-severity'), colour, background: css(bg), ratio: Math.round(r * 100) / 100, chroma: chroma(over(line, bg)) };
    });
  })()`;


/**
 * In the page (Playwright or Puppeteer `page.evaluate(SURFACE_LOOK, selector)`): an overlay
 * surface's theme attribute and the relative luminance of its computed background.
 */
export function SURFACE_LOOK(selector: string): { theme: string | null; luminance: number } {
  const el = document.querySelector('tactful-overlay')!.shadowRoot!.querySelector(selector)!;
  const [r, g, b] = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)!.map(Number) as [number, number, number];
  const ch = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return { theme: el.getAttribute('data-theme'), luminance: 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b) };
}
