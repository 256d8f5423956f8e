/**
 * The `unfilled-placeholder` finding: a `[time]`-style slot that a rewrite left for
 * the agent to fill and that is still in the reply. Sending "I'll update you by
 * [time]." is worse than the vague promise it replaced, so it is an error, and it
 * lives in the engine so the CLI and the macro audit see it as the reply box does.
 */
import type { Span } from './regions';
import type { AnalyzeOptions, Finding } from './types';

export const PLACEHOLDER_RULE_ID = 'unfilled-placeholder';

/**
 * One to four words in square brackets: the built-in rewrites use `[time]`, `[date]`,
 * `[option]`, `[next step]`; team packs add `[customer name]`. Not a Markdown link
 * (`[text](url)`, `[text]: url`) or a checkbox, and not an editorial `[sic]`.
 */
const PLACEHOLDER = /\[([A-Za-z]+(?: [A-Za-z]+){0,3})\](?![(:])/g;
const NOT_PLACEHOLDERS = new Set(['sic', 'x', 'external', 'sent', 'redacted', 'quote', 'image', 'attachment', 'link']);

/** Placeholder spans in `text` (offsets into it), in order. */
export function placeholderSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (NOT_PLACEHOLDERS.has(m[1]!.toLowerCase())) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Replaces each placeholder with spaces of the same length, so offsets stay put. */
export function blankPlaceholders(text: string): string {
  let out = text;
  for (const s of placeholderSpans(text)) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/**
 * Findings for the placeholders inside the agent's own regions (a quoted customer
 * message may hold brackets of its own). Honours the same switches as a rule:
 * `disabledRules`, `categories` and ignored phrases.
 */
export function placeholderFindings(
  text: string,
  regions: Span[],
  options: AnalyzeOptions,
  isIgnored: (span: string) => boolean,
): Finding[] {
  if (options.disabledRules?.includes(PLACEHOLDER_RULE_ID)) return [];
  if (options.categories && !options.categories.includes('vague-commitment')) return [];
  const findings: Finding[] = [];
  for (const region of regions) {
    for (const s of placeholderSpans(text.slice(region.start, region.end))) {
      const start = region.start + s.start;
      const end = region.start + s.end;
      const span = text.slice(start, end);
      if (isIgnored(span)) continue;
      findings.push({
        ruleId: PLACEHOLDER_RULE_ID,
        category: 'vague-commitment',
        severity: 'error',
        start,
        end,
        text: span,
        message: `Fill in ${span} before sending: the customer would read the placeholder as it is.`,
        suggestions: [],
      });
    }
  }
  return findings;
}
