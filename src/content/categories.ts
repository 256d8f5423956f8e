/** Category labels, colours and underline styles: colour is never the only cue. */
import type { Category } from './findings';

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

export function highlightName(category: Category): string {
  return `tactful-${category}`;
}
export const ACTIVE_HIGHLIGHT = 'tactful-active';

let css: string | null = null;

/** ::highlight() rules injected into each document and shadow root that holds a watched field (built once). */
export function highlightCss(): string {
  if (css !== null) return css;
  const rules = CATEGORY_IDS.map((c) => {
    const s = CATEGORY_STYLES[c];
    return `::highlight(${highlightName(c)}){text-decoration:underline ${s.line} ${s.color};text-decoration-thickness:2px;text-underline-offset:3px;background-color:${s.tint};}`;
  });
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}){background-color:rgba(250,204,21,0.35);}`);
  css = rules.join('\n');
  return css;
}
