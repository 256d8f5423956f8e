/** Category labels, colours and underline styles: colour is never the only cue. */
import type { Category, Finding } from './findings';

export type Severity = Finding['severity'];
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export interface CategoryStyle {
  label: string;
  color: string;
  /** text-decoration-style for highlights, border-bottom-style for overlay marks. */
  line: 'wavy' | 'double' | 'dotted' | 'dashed' | 'solid';
  tint: string;
}

export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
  'blame-shifting': { label: 'Blame-shifting', color: '#c5221f', line: 'wavy', tint: 'rgba(197,34,31,0.10)' },
  defensive: { label: 'Defensive', color: '#b45309', line: 'double', tint: 'rgba(180,83,9,0.10)' },
  lecturing: { label: 'Lecturing', color: '#7c3aed', line: 'dotted', tint: 'rgba(124,58,237,0.10)' },
  'non-apology': { label: 'Non-apology', color: '#be185d', line: 'dashed', tint: 'rgba(190,24,93,0.10)' },
  'vague-commitment': { label: 'Vague commitment', color: '#1d4ed8', line: 'solid', tint: 'rgba(29,78,216,0.10)' },
};

export const CATEGORY_IDS = Object.keys(CATEGORY_STYLES) as Category[];

/**
 * Severity on top of the category's colour and line style: the line's thickness and strength.
 * Info is a thin, faint line with no tint (worth a look); error a thick, full-strength one.
 */
export const SEVERITY_STYLES: Record<Severity, { thickness: number; alpha: number; tint: number }> = {
  info: { thickness: 1, alpha: 0.6, tint: 0 },
  warning: { thickness: 2, alpha: 1, tint: 0.1 },
  error: { thickness: 3, alpha: 1, tint: 0.16 },
};

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** The most severe of the findings (null when there are none). */
export function topSeverity(findings: readonly Finding[]): Severity | null {
  let top: Severity | null = null;
  for (const f of findings) if (!top || SEVERITY_RANK[f.severity] > SEVERITY_RANK[top]) top = f.severity;
  return top;
}

/** `#rrggbb` at an alpha, as rgba(). */
export function withAlpha(hex: string, alpha: number): string {
  if (alpha >= 1) return hex;
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** The underline of one category at one severity: colour, thickness and background tint. */
export function lineLook(c: Category, sev: Severity): { color: string; thickness: number; tint: string } {
  const s = CATEGORY_STYLES[c];
  const v = SEVERITY_STYLES[sev];
  return { color: withAlpha(s.color, v.alpha), thickness: v.thickness, tint: withAlpha(s.color, v.tint) };
}

export function highlightName(category: Category, severity: Severity): string {
  return `tactful-${category}-${severity}`;
}
export const ACTIVE_HIGHLIGHT = 'tactful-active';

let css: string | null = null;

/** ::highlight() rules injected into each document and shadow root that holds a watched field (built once). */
export function highlightCss(): string {
  if (css !== null) return css;
  const rules = CATEGORY_IDS.flatMap((c) =>
    SEVERITIES.map((sev) => {
      const l = lineLook(c, sev);
      return `::highlight(${highlightName(c, sev)}){text-decoration:underline ${CATEGORY_STYLES[c].line} ${l.color};text-decoration-thickness:${l.thickness}px;text-underline-offset:3px;background-color:${l.tint};}`;
    }),
  );
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}){background-color:rgba(250,204,21,0.35);}`);
  css = rules.join('\n');
  return css;
}
