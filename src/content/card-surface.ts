/**
 * The open suggestion card (one per page at a time): shows a rendered card by its finding,
 * places it, and closes it, giving the caret back when asked. The controller decides what the
 * card's buttons do; this file only owns the card on screen.
 */
import { renderCard, type AlsoFinding, type CardActions } from './card';
import { positionCard } from './card-place';
import type { Field } from './field';
import type { Finding } from './findings';
import type { Box } from './geometry';
import type { HoverCards, HoveredCard } from './hover';
import { themeFor } from './theme';

export interface OpenCard extends HoveredCard {
  /** The caret to give back when the card closes (the shortcut remembers it). */
  restore: { start: number; end: number } | null;
}

export interface ShowOptions {
  error?: string;
  also: AlsoFinding[];
  restore?: { start: number; end: number } | null;
  byHover: boolean;
  focus: boolean;
}

export class CardSurface {
  current: OpenCard | null = null;
  /** Findings already counted as shown, per reply box: opening the same card again is not another nudge. */
  private readonly counted = new WeakMap<Field, Set<string>>();

  constructor(
    private readonly doc: Document,
    private readonly container: () => HTMLElement,
    private readonly hover: HoverCards,
    private readonly rootWin: Window,
  ) {}

  /** Replaces any open card with this finding's. */
  show(field: Field, f: Finding, actions: CardActions, o: ShowOptions, fieldBox: Box | null): void {
    const prevRestore = this.current?.field === field ? this.current.restore : null;
    this.current?.el.remove();
    field.setActiveFinding(f);
    const el = renderCard(this.doc, f, actions, o.error, o.also, this.firstShowing(field, f));
    // Light or dark from what the reply box is drawn on, not only the system setting.
    el.setAttribute('data-theme', themeFor(field.el));
    const state: OpenCard = { field, finding: f, el, restore: o.restore ?? prevRestore ?? null, byHover: o.byHover, pointerInCard: false };
    this.current = state;
    this.hover.watch(state);
    this.container().appendChild(el);
    positionCard(el, field, f, fieldBox, this.rootWin);
    if (o.focus) el.querySelector<HTMLElement>('[data-tactful="suggestion"], [data-tactful="dismiss"]')?.focus();
  }

  /** True the first time this finding's card opens in this reply (a finding no longer in the text is forgotten). */
  private firstShowing(field: Field, f: Finding): boolean {
    const seen = this.counted.get(field) ?? this.counted.set(field, new Set()).get(field)!;
    for (const key of seen) if (!field.text.includes(key.slice(key.indexOf('\n') + 1))) seen.delete(key);
    const key = `${f.ruleId}\n${f.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }

  /** After scrolling or resizing. */
  place(fieldBox: Box | null): void {
    const c = this.current;
    if (c) positionCard(c.el, c.field, c.finding, fieldBox, this.rootWin);
  }

  /** The page switched theme under the open card. */
  retheme(): void {
    const c = this.current;
    if (c) c.el.setAttribute('data-theme', themeFor(c.field.el));
  }

  close(restoreFocus: boolean): void {
    const card = this.current;
    if (!card) return;
    this.current = null;
    this.hover.cancelClose();
    card.el.remove();
    card.field.setActiveFinding(null);
    if (restoreFocus) {
      card.field.focus();
      if (card.restore) card.field.select(card.restore.start, card.restore.end);
    }
  }
}
