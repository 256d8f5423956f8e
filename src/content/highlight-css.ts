/**
 * Names and ::highlight() rules of the CSS Custom Highlight path. The rules are injected into each
 * document and shadow root that holds a watched field; a field whose background needs other
 * underline colours than the default (a dark reply box) gets highlights of its own, named after
 * its tone (`tactful-defensive-warning-on-1e1e1e`), with their own rules.
 */
import type { Category } from './findings';
import { CATEGORY_IDS, CATEGORY_STYLES, SEVERITIES, type Severity } from './categories';
import type { Tone } from './underline-colours';

export function highlightName(category: Category, severity: Severity, toneKey = ''): string {
  return `tactful-${category}-${severity}${toneKey ? `-on-${toneKey}` : ''}`;
}
export const ACTIVE_HIGHLIGHT = 'tactful-active';

const built = new Map<string, string>();

/** The ::highlight() rules for one tone (built once per tone). */
export function highlightCss(tone: Tone): string {
  let css = built.get(tone.key);
  if (css !== undefined) return css;
  const rules = CATEGORY_IDS.flatMap((c) =>
    SEVERITIES.map((sev) => {
      const l = tone.looks[c][sev];
      return `::highlight(${highlightName(c, sev, tone.key)}){text-decoration:underline ${CATEGORY_STYLES[c].line} ${l.color};text-decoration-thickness:${l.thickness}px;text-underline-offset:3px;background-color:${l.tint};}`;
    }),
  );
  // The open card's phrase (the same in every tone's sheet).
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}){background-color:rgba(250,204,21,0.35);}`);
  css = rules.join('\n');
  built.set(tone.key, css);
  return css;
}
