/**
 * Moving between the `[time]`-style placeholders a rewrite leaves: after a rewrite is
 * applied the first one is selected so the agent types over it, and Tab (or the
 * shortcut) on a selected placeholder selects the next one. Pure text offsets; the
 * controller does the selecting.
 */
import { placeholderSpans } from '../engine/placeholders';
import type { Span } from '../engine/regions';

/** The first placeholder inside `text.slice(from, to)` (the text an applied rewrite put there). */
export function firstPlaceholderIn(text: string, from: number, to: number): Span | null {
  return placeholderSpans(text).find((s) => s.start >= from && s.end <= to) ?? null;
}

/**
 * When the selection is exactly a placeholder, the next one (or, going back, the previous
 * one); null otherwise, so Tab keeps its usual meaning everywhere else.
 */
export function adjacentPlaceholder(text: string, sel: Span, back: boolean): Span | null {
  const spans = placeholderSpans(text);
  if (!spans.some((s) => s.start === sel.start && s.end === sel.end)) return null;
  if (back) return spans.filter((s) => s.end <= sel.start).pop() ?? null;
  return spans.find((s) => s.start >= sel.end) ?? null;
}
