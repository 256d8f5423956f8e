/** Every text colour of the card, panel and badge against each background it is drawn on: WCAG AA in both themes. */
import { describe, it, expect } from 'vitest';
import { PALETTES, TEXT_PAIRS, colourOf } from '../../src/content/palette';
import { contrast, parseColor, luminance, type RGBA } from '../../src/content/theme';

const hex = (h: string): RGBA => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 1];

describe('palette', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: every text/background pair is at least 4.5:1`, () => {
      const p = PALETTES[theme];
      const poor: string[] = [];
      for (const [fg, bgs] of TEXT_PAIRS) {
        for (const bg of bgs) {
          const r = contrast(hex(colourOf(p, fg)), hex(colourOf(p, bg)));
          if (r < 4.5) poor.push(`${fg} on ${bg}: ${r.toFixed(2)}`);
        }
      }
      expect(poor).toEqual([]);
      // Covers every category label and every badge state.
      expect(TEXT_PAIRS.length).toBeGreaterThanOrEqual(14);
    });
  }

  it('the dark surface is dark and the light one light', () => {
    expect(luminance(hex(PALETTES.dark.bg))).toBeLessThan(0.05);
    expect(luminance(hex(PALETTES.light.bg))).toBeGreaterThan(0.9);
  });

  it('parses computed colours', () => {
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3, 1]);
    expect(parseColor('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3, 0.5]);
    expect(parseColor('rgb(1 2 3 / 0.25)')).toEqual([1, 2, 3, 0.25]);
    expect(parseColor('transparent')).toEqual([0, 0, 0, 0]);
    expect(parseColor('color(srgb 1 0 0)')).toBeNull();
    expect(contrast(hex('#000000'), hex('#ffffff'))).toBeCloseTo(21, 5);
  });
});
