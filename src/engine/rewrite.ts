/**
 * Renders suggestion templates into replacements that fit the sentence: captured
 * words keep the agent's facts, case and end punctuation follow the original.
 */
import type { Suggestion, SuggestionTemplate } from './types';

const SLOT = /\{(\w+)(?:\|([^}]*))?\}/g;
const TERMINAL = /[.!?…]+["')\]]*$/;
/** Words that keep their capital inside a sentence. */
const KEEP_CAPITAL = /^(?:I\b|I'|\[|[A-Z]{2,}\b)/;

export interface RenderContext {
  /** The text being replaced. */
  original: string;
  /** The span begins the sentence (after any list marker). */
  atSentenceStart: boolean;
  /** The span runs to the end of the sentence, so its end punctuation is replaced too. */
  atSentenceEnd: boolean;
  captures: Record<string, string>;
}

/** A captured phrase that opened the sentence keeps its capital only if it is a name. */
const FUNCTION_WORD = /^(?:The|Our|Your|A|An|My|This|That|It|They|We|Their|Its|These|Those|Billing|Finance|Accounts|Sales|Support|Returns|Shipping|Logistics|Tech|Payments|Refunds|Claims|Marketing|Security|Compliance|Legal|Operations|Dispatch|Engineering|Product|Management|Reception|Housekeeping|Maintenance)\b(?!-)/;

function fill(template: string, captures: Record<string, string>): string | null {
  let missing = false;
  const out = template.replace(SLOT, (_, name: string, fallback: string | undefined) => {
    // Own captures only: a slot named after an object member ({constructor}) is not filled from the prototype.
    const value = (Object.hasOwn(captures, name) ? captures[name] : undefined)?.trim().replace(FUNCTION_WORD, (w) => w.toLowerCase());
    if (value) return value;
    if (fallback !== undefined) return fallback;
    missing = true;
    return '';
  });
  return missing ? null : out;
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])\1+/g, '$1')
    .replace(/,\s*([.!?])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/([.!?]\s+)(\p{Ll})/gu, (_, gap: string, ch: string) => gap + ch.toUpperCase())
    .trim();
}

function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function matchCase(text: string, ctx: RenderContext): string {
  if (isShouting(ctx.original)) {
    // Upper-case everything but the placeholders, which must stay recognisable.
    return text.replace(/[^[\]]+(?=\[|$)/g, (part) => part.toUpperCase());
  }
  if (ctx.atSentenceStart) return text.charAt(0).toUpperCase() + text.slice(1);
  if (KEEP_CAPITAL.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function matchPunctuation(text: string, ctx: RenderContext): string {
  const own = TERMINAL.exec(text)?.[0] ?? '';
  const body = own ? text.slice(0, -own.length) : text;
  if (!ctx.atSentenceEnd) return body;
  const originalEnd = TERMINAL.exec(ctx.original)?.[0] ?? '';
  if (!originalEnd) return body; // chat style: no full stop in, none out
  if (own.startsWith('?')) return `${body}?`;
  return body + (originalEnd.startsWith('!') ? '!' : '.');
}

/** A rendered suggestion, and whether it carries words captured from the agent's sentence. */
export type Rendered = Suggestion & { slotted?: boolean };

export function render(templates: SuggestionTemplate[], ctx: RenderContext): Rendered[] {
  const out: Rendered[] = [];
  const seen = new Set<string>();
  for (const t of templates) {
    const filled = fill(t.template, { ...ctx.captures, match: ctx.original });
    if (filled === null) continue;
    const replacement = matchPunctuation(matchCase(tidy(filled), ctx), ctx);
    if (!replacement && ctx.original) {
      // An empty replacement deletes the phrase; only allowed when the rule says so via label.
      if (!t.label) continue;
    }
    if (seen.has(replacement) || replacement === ctx.original) continue;
    seen.add(replacement);
    const slotted = /\{(?!match\b)\w+/.test(t.template);
    out.push({ ...(t.label ? { replacement, label: t.label } : { replacement }), ...(slotted ? { slotted } : {}) });
  }
  return out;
}
