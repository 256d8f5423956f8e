/**
 * Underline colours that stay visible on the reply box's own background: each category's line at
 * each severity keeps at least 3:1 contrast (WCAG 1.4.11, non-text) against the field's background
 * and against that background under the mark's tint. Light backgrounds start from the category
 * colours, dark ones from the dark palette's; a colour short of 3:1 is pushed toward black or
 * white (and a faint info line made less faint) until it is not. Where that leaves it looking
 * grey, near-black or near-white (mid-grey fields), the most colourful line with 3:1 is taken
 * instead: its hue at full saturation, darker or lighter, with a lighter tint if that helps.
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
  /** The line's colour, alpha and tint alpha as numbers. */
  rgb: RGBA;
  alpha: number;
  tintAlpha: number;
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

function make(c: RGBA, alpha: number, sev: Severity, tint: number): LineLook {
  const rgb: RGBA = [Math.round(c[0]), Math.round(c[1]), Math.round(c[2]), 1];
  return { color: css(rgb, alpha), thickness: SEVERITY_STYLES[sev].thickness, tint: css(rgb, tint), rgb, alpha: Math.round(alpha * 100) / 100, tintAlpha: tint };
}

/** The most saturated colour of c's hue (its lowest channel 0, its highest 255). */
function pureHue(c: RGBA): RGBA {
  const hi = Math.max(c[0], c[1], c[2]);
  const lo = Math.min(c[0], c[1], c[2]);
  const d = hi - lo || 1;
  return [((c[0] - lo) / d) * 255, ((c[1] - lo) / d) * 255, ((c[2] - lo) / d) * 255, 1];
}

/** How colourful a colour looks (0 for greys, black and white). */
function chroma(c: RGBA): number {
  return Math.max(c[0], c[1], c[2]) - Math.min(c[0], c[1], c[2]);
}

const PATH_STEPS = 16;

/**
 * Colours a line may take when its own colour is short of 3:1: the base pushed toward black or
 * white (the old way), and its hue at full saturation from black to white. On a mid-grey field
 * only very dark or very light lines reach 3:1; the saturated ones of the same lightness still
 * read as the category's colour, where the base pushed toward black turns near-black.
 */
function candidates(base: RGBA, toward: RGBA, hues: RGBA[]): RGBA[] {
  const out: RGBA[] = [];
  for (let i = 0; i <= 20; i++) out.push(mix(base, toward, i / 20));
  for (const h of hues) {
    const p = pureHue(h);
    for (let i = 0; i <= 2 * PATH_STEPS; i++) out.push(i <= PATH_STEPS ? mix(BLACK, p, i / PATH_STEPS) : mix(p, WHITE, i / PATH_STEPS - 1));
  }
  return out;
}

/** Linear light per 8-bit channel value: the search below makes thousands of contrast checks per field background. */
const LINEAR = Float64Array.from({ length: 256 }, (_, v) => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
});

/** Luminance of `a` over `b` at `alpha`, rounded to 8 bits per channel as the browser draws it. */
function lumOver(a: RGBA, alpha: number, b: RGBA): number {
  const ch = (i: number) => LINEAR[Math.round(a[i]! * alpha + b[i]! * (1 - alpha))]!;
  return 0.2126 * ch(0) + 0.7152 * ch(1) + 0.0722 * ch(2);
}

function ratio(x: number, y: number): number {
  return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

/** lineContrast() for the search (table lookups). */
function passes(c: RGBA, alpha: number, tint: number, bg: RGBA, bgLum: number): boolean {
  if (ratio(lumOver(c, alpha, bg), bgLum) < AIM) return false;
  if (tint === 0) return true;
  const tinted = over([c[0], c[1], c[2], tint], bg);
  return ratio(lumOver(c, alpha, tinted), lumOver(tinted, 1, tinted)) >= AIM;
}

/** The old way: alpha raised first, then the base pushed toward black or white until 3:1. */
function pushed(base: RGBA, sev: Severity, bg: RGBA, toward: RGBA): LineLook {
  const s = SEVERITY_STYLES[sev];
  for (let alpha = s.alpha; alpha <= 1.0001; alpha += 0.1) {
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const c = mix(base, toward, t);
      if (lineContrast(c, alpha, s.tint, bg) >= AIM) return make(c, Math.min(alpha, 1), sev, s.tint);
    }
  }
  return make(toward, 1, sev, s.tint);
}

/** How colourful the line looks drawn on the field. */
const drawnChroma = (l: LineLook, bg: RGBA) => chroma(over([l.rgb[0], l.rgb[1], l.rgb[2], l.alpha], bg));

/** A line at least this colourful (of 255) on the field reads as its category's colour. */
const COLOURFUL = 50;

/**
 * Among looks this close to the most colourful one, or this colourful anyway, the one that keeps
 * more of the severity's own alpha and tint wins (info stays faint, error tinted, where they can).
 */
const KEEP_STYLE_WITHIN = 0.85;
const KEEP_STYLE_AT = 72;

/**
 * The most colourful candidate with 3:1, preferring the severity's faint alpha and its tint
 * (info faint, error tinted) where they cost little colour; null when none has 3:1.
 */
function mostColourful(sev: Severity, bg: RGBA, cands: RGBA[]): LineLook | null {
  const s = SEVERITY_STYLES[sev];
  const bgLum = luminance(bg);
  const styles: Array<[number, number]> = [];
  for (const alpha of new Set([s.alpha, (s.alpha + 1) / 2, 1])) for (const tint of new Set([s.tint, s.tint / 2, 0])) styles.push([alpha, tint]);
  const best = styles.map(([alpha, tint]) => {
    let top: { c: RGBA; score: number } | null = null;
    for (const c of cands) {
      // Judged as drawn: the line over the field.
      const score = chroma(over([c[0], c[1], c[2], alpha], bg));
      if (top && score <= top.score) continue;
      if (passes(c, alpha, tint, bg, bgLum) && lineContrast(c, alpha, tint, bg) >= AIM) top = { c, score };
    }
    return top;
  });
  const most = Math.max(0, ...best.map((b) => b?.score ?? 0));
  const enough = Math.min(most * KEEP_STYLE_WITHIN, KEEP_STYLE_AT);
  const i = best.findIndex((b) => b !== null && b.score >= enough);
  if (i < 0) return null;
  const [alpha, tint] = styles[i]!;
  return make(best[i]!.c, alpha, sev, tint);
}

/**
 * The line's colour, alpha and tint for one category at one severity, on `bg`: the base pushed
 * toward black or white as before where that still looks coloured (light and dark fields), else
 * the most colourful line with 3:1 (mid-grey fields, where pushing turns the line near-black).
 */
function look(base: RGBA, sev: Severity, bg: RGBA, toward: RGBA, cands: () => RGBA[]): LineLook {
  const plain = pushed(base, sev, bg, toward);
  if (drawnChroma(plain, bg) >= COLOURFUL) return plain;
  const vivid = mostColourful(sev, bg, cands());
  return vivid && drawnChroma(vivid, bg) > drawnChroma(plain, bg) ? vivid : plain;
}

/** Every category's line at every severity for an opaque background. */
export function lineLooksOn(bg: RGBA): LineLooks {
  const dark = luminance(bg) < DARK_BELOW;
  const toward = dark ? WHITE : BLACK;
  const out = {} as LineLooks;
  for (const c of CATEGORY_IDS) {
    const light = hexToRgba(CATEGORY_STYLES[c].color);
    const darkBase = hexToRgba(PALETTES.dark.category[c]);
    const base = dark ? darkBase : light;
    let cands: RGBA[] | null = null;
    const lazy = () => (cands ??= candidates(base, toward, [light, darkBase]));
    out[c] = {} as Record<Severity, LineLook>;
    for (const sev of SEVERITIES) out[c][sev] = look(base, sev, bg, toward, lazy);
  }
  return out;
}

/** The looks on a white field: what every page gets unless its reply box needs others. */
export const DEFAULT_LOOKS: LineLooks = lineLooksOn(WHITE);

/** Whether every line of `looks` keeps 3:1 on `bg`. */
export function looksPass(looks: LineLooks, bg: RGBA, aim = MIN_LINE_CONTRAST): boolean {
  return CATEGORY_IDS.every((c) => SEVERITIES.every((s) => lineContrast(looks[c][s].rgb, looks[c][s].alpha, looks[c][s].tintAlpha, bg) >= aim));
}

/** A field's underline colours and the key that names them ('' for the default looks). */
export interface Tone {
  key: string;
  looks: LineLooks;
}

export const DEFAULT_TONE: Tone = { key: '', looks: DEFAULT_LOOKS };

const tones = new Map<string, Tone>();

/** The default looks where they are visible enough (most light fields), else looks made for `bg`. */
export function toneOn(bg: RGBA): Tone {
  const key = bg.slice(0, 3).map((x) => Math.round(x).toString(16).padStart(2, '0')).join('');
  let tone = tones.get(key);
  if (!tone) {
    tone = looksPass(DEFAULT_LOOKS, bg, MIN_LINE_CONTRAST + 0.05) ? DEFAULT_TONE : { key, looks: lineLooksOn(bg) };
    // A page has a handful of field backgrounds; each is worked out once (a few ms), not at every recheck.
    if (tones.size > 64) tones.clear();
    tones.set(key, tone);
  }
  return tone;
}
