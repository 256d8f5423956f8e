/** Category labels, colours and underline styles: colour is never the only cue. */
import type { Category, Finding } from './findings';

export type Severity = Finding['severity'];
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export interface CategoryStyle {
  label: string;
  /** The line's colour on a light field (underline-colours.ts adjusts it to the field's background). */
  color: string;
  /** text-decoration-style for highlights, border-bottom-style for overlay marks. */
  line: 'wavy' | 'double' | 'dotted' | 'dashed' | 'solid';
}

export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
  'blame-shifting': { label: 'Blame-shifting', color: '#c5221f', line: 'wavy' },
  defensive: { label: 'Defensive', color: '#b45309', line: 'double' },
  lecturing: { label: 'Lecturing', color: '#7c3aed', line: 'dotted' },
  'non-apology': { label: 'Non-apology', color: '#be185d', line: 'dashed' },
  'vague-commitment': { label: 'Vague commitment', color: '#1d4ed8', line: 'solid' },
};

export const CATEGORY_IDS = Object.keys(CATEGORY_STYLES) as Category[];

/**
 * Severity on top of the category's colour and line style: the line's thickness and strength
 * (alpha: the faintest it may be; underline-colours.ts raises it where 3:1 needs more) and the
 * tint under the words. Info is a thin, faint line with no tint (worth a look); error a thick,
 * full-strength one.
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
