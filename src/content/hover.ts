/**
 * The card in hover mode (`cardOn: 'hover'`): resting the pointer on a flagged span opens its
 * card; a card opened that way closes once the pointer has left both the span and the card for
 * a grace period (so crossing the gap from the span into the card keeps it open).
 */
import type { Field } from './field';
import type { Finding } from './findings';
import { toRoot } from './geometry';

/** How long the pointer rests on a flagged span before its card opens. */
export const HOVER_DELAY_MS = 400;

/** A card opened by hover closes this long after the pointer left both its span and the card. */
export const HOVER_CLOSE_MS = 350;

type Point = { x: number; y: number };

/** The open card as hover sees it. */
export interface HoveredCard {
  field: Field;
  finding: Finding;
  el: HTMLElement;
  byHover: boolean;
  pointerInCard: boolean;
}

export interface HoverHost {
  rootWin: Window;
  /** False once the extension went away under the page. */
  alive(): boolean;
  card(): HoveredCard | null;
  openByHover(field: Field, f: Finding): void;
  closeCard(): void;
  /** What has focus inside the overlay (a card being used by keyboard is not closed). */
  overlayFocus(): Element | null;
}

/** Whether a point in the field's own viewport is on the finding's text. */
function pointerOn(field: Field, point: Point, f: Finding, rootWin: Window): boolean {
  const win = field.el.ownerDocument.defaultView;
  if (!win) return false;
  const p = toRoot({ left: point.x, top: point.y, width: 0, height: 0 }, win, rootWin);
  return field.rects(f).some((r) => p.left >= r.left && p.left <= r.left + r.width && p.top >= r.top && p.top <= r.top + r.height);
}

export class HoverCards {
  enabled = false;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The pointer's last place over a field (its own viewport), null once it left the field. */
  private last: { field: Field; point: Point } | null = null;

  constructor(private readonly host: HoverHost) {}

  /** The pointer moved over a field, or left it (null). */
  pointer(field: Field, point: Point | null): void {
    if (!this.enabled) return;
    this.cancelOpen();
    this.last = point ? { field, point } : null;
    if (this.host.card()?.byHover) this.queueClose();
    if (!point || !field.active || field.findings.length === 0) return;
    // Resting, not passing: the timer restarts with every move.
    this.openTimer = setTimeout(() => {
      this.openTimer = null;
      if (!this.host.alive() || !this.enabled || !field.el.isConnected) return;
      const hit = field.painted().find((f) => pointerOn(field, point, f, this.host.rootWin));
      if (hit && this.host.card()?.finding !== hit) this.host.openByHover(field, hit);
    }, HOVER_DELAY_MS);
  }

  /** Wires a newly opened card's pointer enter and leave. */
  watch(card: HoveredCard): void {
    card.el.addEventListener('mouseenter', () => {
      card.pointerInCard = true;
    });
    card.el.addEventListener('mouseleave', () => {
      card.pointerInCard = false;
      if (card.byHover && this.host.card() === card) this.queueClose();
    });
  }

  /** Both timers (the card closed, hover mode was turned off, or the controller stopped). */
  cancel(): void {
    this.cancelOpen();
    this.cancelClose();
  }

  cancelClose(): void {
    if (this.closeTimer !== null) {
      clearTimeout(this.closeTimer);
      this.closeTimer = null;
    }
  }

  private cancelOpen(): void {
    if (this.openTimer !== null) {
      clearTimeout(this.openTimer);
      this.openTimer = null;
    }
  }

  /** Unless the pointer is back on the card or its span when the grace period ends. */
  private queueClose(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = null;
      const c = this.host.card();
      if (!c?.byHover || !this.enabled || c.pointerInCard) return;
      // The agent tabbed into it: it is being used, not passed over.
      const focused = this.host.overlayFocus();
      if (focused && c.el.contains(focused)) return;
      const at = this.last;
      if (at && at.field === c.field && pointerOn(c.field, at.point, c.finding, this.host.rootWin)) return;
      this.host.closeCard();
    }, HOVER_CLOSE_MS);
  }
}
