/**
 * The colours of the card, panel and badge in each theme, as CSS custom properties. Every
 * text colour is listed with the backgrounds it is drawn on (TEXT_PAIRS), so a unit test can
 * hold each pair to WCAG AA (4.5:1) in both themes.
 */
import type { Category } from './findings';
import type { Theme } from './theme';

export interface Palette {
  fg: string;
  bg: string;
  border: string;
  muted: string;
  separator: string;
  buttonFg: string;
  buttonBg: string;
  buttonBorder: string;
  rewriteFg: string;
  rewriteBg: string;
  rewriteHover: string;
  rewriteBorder: string;
  error: string;
  focus: string;
  /** Category labels in the card and panel. */
  category: Record<Category, string>;
  /** Badge: no findings. */
  badgeOkFg: string;
  badgeOkBg: string;
  /** Badge by the most severe finding: info is outlined, warning and error are filled. */
  badgeInfoFg: string;
  badgeInfoBg: string;
  badgeWarningFg: string;
  badgeWarningBg: string;
  badgeErrorFg: string;
  badgeErrorBg: string;
  /** Notes in the panel (a reply too long to check in full). */
  noteFg: string;
  noteBg: string;
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    fg: '#1f2328',
    bg: '#ffffff',
    border: '#d0d7de',
    muted: '#57606a',
    separator: '#eaeef2',
    buttonFg: '#24292f',
    buttonBg: '#f6f8fa',
    buttonBorder: '#d0d7de',
    rewriteFg: '#14532d',
    rewriteBg: '#f0fdf4',
    rewriteHover: '#dcfce7',
    rewriteBorder: '#16a34a',
    error: '#b91c1c',
    focus: '#2563eb',
    category: {
      'blame-shifting': '#c5221f',
      defensive: '#b45309',
      lecturing: '#7c3aed',
      'non-apology': '#be185d',
      'vague-commitment': '#1d4ed8',
    },
    badgeOkFg: '#15803d',
    badgeOkBg: '#ffffff',
    badgeInfoFg: '#475569',
    badgeInfoBg: '#ffffff',
    badgeWarningFg: '#ffffff',
    badgeWarningBg: '#b45309',
    badgeErrorFg: '#ffffff',
    badgeErrorBg: '#b91c1c',
    noteFg: '#4d2d00',
    noteBg: '#fff8c5',
  },
  dark: {
    fg: '#e6edf3',
    bg: '#161b22',
    border: '#3d444d',
    muted: '#9da7b3',
    separator: '#30363d',
    buttonFg: '#e6edf3',
    buttonBg: '#21262d',
    buttonBorder: '#3d444d',
    rewriteFg: '#bbf7d0',
    rewriteBg: '#052e16',
    rewriteHover: '#14532d',
    rewriteBorder: '#22c55e',
    error: '#fca5a5',
    focus: '#60a5fa',
    category: {
      'blame-shifting': '#f87171',
      defensive: '#fbbf24',
      lecturing: '#a78bfa',
      'non-apology': '#f472b6',
      'vague-commitment': '#60a5fa',
    },
    badgeOkFg: '#4ade80',
    badgeOkBg: '#161b22',
    badgeInfoFg: '#cbd5e1',
    badgeInfoBg: '#161b22',
    badgeWarningFg: '#ffffff',
    badgeWarningBg: '#b45309',
    badgeErrorFg: '#ffffff',
    badgeErrorBg: '#b91c1c',
    noteFg: '#f8e3a1',
    noteBg: '#3b2e00',
  },
};

type ColourKey = Exclude<keyof Palette, 'category'>;

/** Each text colour and the backgrounds it appears on. */
export const TEXT_PAIRS: Array<[ColourKey | `category.${Category}`, ColourKey[]]> = [
  ['fg', ['bg']],
  ['muted', ['bg', 'buttonBg']],
  ['buttonFg', ['buttonBg']],
  ['rewriteFg', ['rewriteBg', 'rewriteHover']],
  ['error', ['bg']],
  ...(Object.keys(PALETTES.light.category) as Category[]).map(
    (c) => [`category.${c}`, ['bg']] as [`category.${Category}`, ColourKey[]],
  ),
  ['badgeOkFg', ['badgeOkBg']],
  ['badgeInfoFg', ['badgeInfoBg']],
  ['badgeWarningFg', ['badgeWarningBg']],
  ['badgeErrorFg', ['badgeErrorBg']],
  ['noteFg', ['noteBg']],
];

export function colourOf(p: Palette, key: ColourKey | `category.${Category}`): string {
  return key.startsWith('category.') ? p.category[key.slice(9) as Category] : p[key as ColourKey];
}

const cssName = (key: string) => `--t-${key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`).replace('.', '-')}`;

/** `var(--t-…)` for a palette entry. */
export function v(key: ColourKey | `category.${Category}`): string {
  return `var(${cssName(key)})`;
}

function declarations(p: Palette): string {
  const out: string[] = [];
  for (const [k, val] of Object.entries(p)) {
    if (k === 'category') for (const [c, col] of Object.entries(val as Record<string, string>)) out.push(`${cssName(`category.${c}`)}:${col};`);
    else out.push(`${cssName(k)}:${val as string};`);
  }
  return out.join('');
}

/** Light on the UI layer (the default), dark on any surface marked data-theme="dark". */
export function paletteCss(): string {
  return `.ui,.ui [data-theme="light"]{${declarations(PALETTES.light)}}\n.ui [data-theme="dark"]{${declarations(PALETTES.dark)}}`;
}
