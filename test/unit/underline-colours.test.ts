/** Underline colours keep 3:1 (WCAG 1.4.11) on the field's own background, light or dark. */
import { describe, it, expect } from 'vitest';
import { DEFAULT_TONE, MIN_LINE_CONTRAST, lineContrast, lineLooksOn, toneOn } from '../../src/content/underline-colours';
import { CATEGORY_IDS, CATEGORY_STYLES, SEVERITIES, SEVERITY_STYLES } from '../../src/content/categories';
import { PALETTES } from '../../src/content/palette';
import { contrast, over, parseColor, type RGBA } from '../../src/content/theme';

const hex = (h: string): RGBA => {
  const n = parseInt(h.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
};

// White, near-whites, greys across the light/dark switch, help-desk dark themes, coloured darks.
const BACKGROUNDS = ['#ffffff', '#f6f8fa', '#fff8c5', '#e5e7eb', '#bdbdbd', '#969696', '#8c8c8c', '#808080', '#777777', '#6e6e6e', '#5a5a5a',
  '#3b3b3b', '#282c34', '#1e1e1e', '#161b22', '#0d1117', '#000000', '#1a237e', '#3e0a0a', '#0b3d2e'];

describe('underline colours', () => {
  for (const b of BACKGROUNDS) {
    it(`every category and severity keeps ${MIN_LINE_CONTRAST}:1 on ${b} (and on ${b} under the mark's tint)`, () => {
      const bg = hex(b);
      const { looks } = toneOn(bg);
      for (const c of CATEGORY_IDS) {
        for (const s of SEVERITIES) {
          // From the CSS strings, as the browser gets them.
          const line = parseColor(looks[c][s].color)!;
          const tint = parseColor(looks[c][s].tint)!;
          const tinted = over(tint, bg);
          expect(contrast(over(line, bg), bg), `${c} ${s} on ${b}`).toBeGreaterThanOrEqual(MIN_LINE_CONTRAST);
          expect(contrast(over(line, tinted), tinted), `${c} ${s} on ${b}, tinted`).toBeGreaterThanOrEqual(MIN_LINE_CONTRAST);
        }
      }
    });
  }

  it('light fields keep the default lines (one set of highlights per page); dark ones get their own', () => {
    expect(toneOn(hex('#ffffff'))).toBe(DEFAULT_TONE);
    expect(toneOn(hex('#f6f8fa'))).toBe(DEFAULT_TONE);
    const dark = toneOn(hex('#1e1e1e'));
    expect(dark.key).toBe('1e1e1e');
  });

  it("on a dark field the lines start from the dark palette's category colours (the hue stays)", () => {
    const looks = lineLooksOn(hex('#0d1117'));
    for (const c of CATEGORY_IDS) expect(looks[c].warning.color, c).toBe(`rgb(${hex(PALETTES.dark.category[c]).slice(0, 3).join(', ')})`);
  });

  it('severity still shows: info is thinner and no stronger than warning, error the thickest', () => {
    for (const b of BACKGROUNDS) {
      const { looks } = toneOn(hex(b));
      for (const c of CATEGORY_IDS) {
        expect(looks[c].info.thickness).toBeLessThan(looks[c].warning.thickness);
        expect(looks[c].warning.thickness).toBeLessThan(looks[c].error.thickness);
        expect(looks[c].info.alpha).toBeLessThanOrEqual(looks[c].warning.alpha);
        expect(lineContrast(looks[c].info.rgb, looks[c].info.alpha, SEVERITY_STYLES.info.tint, hex(b))).toBeGreaterThanOrEqual(MIN_LINE_CONTRAST);
      }
    }
  });

  /** Hue (degrees), HSL lightness (0–1) and chroma (0–255) of an opaque colour. */
  const hsl = (c: RGBA) => {
    const [r, g, b] = c.map((x) => x / 255) as [number, number, number];
    const hi = Math.max(r, g, b);
    const lo = Math.min(r, g, b);
    const d = hi - lo;
    let h = 0;
    if (d) h = hi === r ? ((g - b) / d + 6) % 6 : hi === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return { hue: h * 60, lightness: (hi + lo) / 2, chroma: d * 255 };
  };
  const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

  // Mid-grey fields: only very dark or very light lines reach 3:1 there, and the line pushed
  // toward black alone came out near-black (info: rgb(57, 47, 39) on rgb(128, 128, 128)).
  for (const g of [128, 110, 150]) {
    it(`on rgb(${g}, ${g}, ${g}) every line keeps 3:1 and still reads as its category's colour (not near-black or near-white)`, () => {
      const bg: RGBA = [g, g, g, 1];
      const { looks } = toneOn(bg);
      for (const c of CATEGORY_IDS) {
        const hues = [hsl(hex(CATEGORY_STYLES[c].color)).hue, hsl(hex(PALETTES.dark.category[c])).hue];
        for (const s of SEVERITIES) {
          const drawn = over(parseColor(looks[c][s].color)!, bg);
          const tinted = over(parseColor(looks[c][s].tint)!, bg);
          const what = `${c} ${s} on ${g}: rgb(${drawn.slice(0, 3).map(Math.round).join(', ')})`;
          expect(contrast(drawn, bg), what).toBeGreaterThanOrEqual(MIN_LINE_CONTRAST);
          expect(contrast(over(parseColor(looks[c][s].color)!, tinted), tinted), `${what}, tinted`).toBeGreaterThanOrEqual(MIN_LINE_CONTRAST);
          const { hue, lightness, chroma } = hsl(drawn);
          expect(chroma, `${what}: colourful`).toBeGreaterThanOrEqual(50);
          expect(lightness, `${what}: not near-black`).toBeGreaterThanOrEqual(0.1);
          expect(lightness, `${what}: not near-white`).toBeLessThanOrEqual(0.9);
          expect(Math.min(...hues.map((h) => hueGap(h, hue))), `${what}: the category's hue`).toBeLessThanOrEqual(20);
        }
      }
    });
  }
});
