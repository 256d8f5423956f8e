/**
 * Underline colours that stay visible on the reply box's own background: each category's line at
 * each severity keeps at least 3:1 contrast (WCAG 1.4.11, non-text) against the field's background
 * and against that background under the mark's tint. Light backgrounds start from the category
 * colours, dark ones from the dark palette's; a colour short of 3:1 is pushed toward black or
 * white (and a faint info line made less faint) until it is not.
 */
import type { Category } from './findings';
import { CATEGORY_IDS, CATEGORY_STYLES, SEVERITIES, SEVERITY_STYLES, type Severity } from './categories';
import { PALETTES } from './palette';
import { contrast, luminance, over, type RGBA } from './theme';

export const MIN_LINE_CONTRAST = 3;
/** Aimed at, so rounding in the browser's colour pipeline cannot take a line under 3:1. */
const AIM = 3.2;
const DARK_BELOW = 0.179;

export interface LineLook {
  color: string;
  thickness: number;
  tint: string;
  /** The line's colour and alpha as numbers. */
  rgb: RGBA;
  alpha: number;
}

export type LineLooks = Record<Category, Record<Severity, LineLook>>;

const WHITE: RGBA = [255, 255, 255, 1];
const BLACK: RGBA = [0, 0, 0, 1];

function hexToRgba(hex: string): RGBA {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
}

function mix(a: RGBA, b: RGBA, t: number): RGBA {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, 1];
}

function css(c: RGBA, alpha: number): string {
  const [r, g, b] = c.map((x) => Math.round(x));
  return alpha >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round(alpha * 100) / 100})`;
}

/** The lower contrast of a line against the background and against the background under its tint. */
export function lineContrast(c: RGBA, alpha: number, tint: number, bg: RGBA): number {
  const tinted = over([c[0], c[1], c[2], tint], bg);
  const on = (under: RGBA) => contrast(over([c[0], c[1], c[2], alpha], under), under);
  return Math.min(on(bg), on(tinted));
}

function make(c: RGBA, alpha: number, sev: Severity): LineLook {
  const s = SEVERITY_STYLES[sev];
  const rgb: RGBA = [Math.round(c[0]), Math.round(c[1]), Math.round(c[2]), 1];
  return { color: css(rgb, alpha), thickness: s.thickness, tint: css(rgb, s.tint), rgb, alpha: Math.round(alpha * 100) / 100 };
}

/** The line's colour and its tint for one base colour at one severity, on `bg`. */
function look(base: RGBA, sev: Severity, bg: RGBA, toward: RGBA): LineLook {
  const s = SEVERITY_STYLES[sev];
  for (let alpha = s.alpha; alpha <= 1.0001; alpha += 0.1) {
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const c = mix(base, toward, t);
      if (lineContrast(c, alpha, s.tint, bg) >= AIM) return make(c, Math.min(alpha, 1), sev);
    }
  }
  return make(toward, 1, sev);
}

/** Every category's line at every severity for an opaque background. */
export function lineLooksOn(bg: RGBA): LineLooks {
  const dark = luminance(bg) < DARK_BELOW;
  const toward = dark ? WHITE : BLACK;
  const out = {} as LineLooks;
  for (const c of CATEGORY_IDS) {
    const base = hexToRgba(dark ? PALETTES.dark.category[c] : CATEGORY_STYLES[c].color);
    out[c] = {} as Record<Severity, LineLook>;
    for (const sev of SEVERITIES) out[c][sev] = look(base, sev, bg, toward);
  }
  return out;
}

/** The looks on a white field: what every page gets unless its reply box needs others. */
export const DEFAULT_LOOKS: LineLooks = lineLooksOn(WHITE);

/** Whether every line of `looks` keeps 3:1 on `bg`. */
export function looksPass(looks: LineLooks, bg: RGBA, aim = MIN_LINE_CONTRAST): boolean {
  return CATEGORY_IDS.every((c) => SEVERITIES.every((s) => lineContrast(looks[c][s].rgb, looks[c][s].alpha, SEVERITY_STYLES[s].tint, bg) >= aim));
}

/** A field's underline colours and the key that names them ('' for the default looks). */
export interface Tone {
  key: string;
  looks: LineLooks;
}

export const DEFAULT_TONE: Tone = { key: '', looks: DEFAULT_LOOKS };

/** The default looks where they are visible enough (most light fields), else looks made for `bg`. */
export function toneOn(bg: RGBA): Tone {
  if (looksPass(DEFAULT_LOOKS, bg, MIN_LINE_CONTRAST + 0.05)) return DEFAULT_TONE;
  const looks = lineLooksOn(bg);
  const key = bg.slice(0, 3).map((x) => Math.round(x).toString(16).padStart(2, '0')).join('');
  return { key, looks };
}
