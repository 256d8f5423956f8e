/**
 * What the suggestion card does: which finding it shows (overlapping ones too), what its buttons
 * do, keeping it across a re-analysis of the same words, and opening it on hover. The card on
 * screen is card-surface.ts; the controller only says when to open, place or close it.
 */
import { cardOrder } from './card-order';
import { CardSurface, type OpenCard } from './card-surface';
import type { Field } from './field';
import type { Finding } from './findings';
import type { Box } from './geometry';
import { HoverCards } from './hover';
import type { LocalFilters } from './local-filters';
import { cardWriteError, requestWrite, type CardWrite } from './writes';
import { normalizePhrase } from '../shared/settings';

export interface CardHost {
  doc: Document;
  rootWin: Window;
  /** Where the card goes (the overlay's UI layer). */
  container(): HTMLElement;
  /** False once the extension went away under the page (`force`: ask the browser now). */
  alive(force?: boolean): boolean;
  /** Whether the field is still watched (an answer for a field that went away is dropped). */
  watching(field: Field): boolean;
  filters: LocalFilters;
  /** The filters changed: every field shows its findings again. */
  refilterAll(): void;
  apply(field: Field, f: Finding, index: number): void;
  closePanel(): void;
  /** The shortcut pressed with focus in the card. */
  next(): void;
  fieldBox(field: Field): Box | null;
  /** What has focus inside the overlay. */
  overlayFocus(): Element | null;
}

export interface OpenOptions {
  /** Move focus into the card (keyboard: the shortcut, the panel's Review). */
  focus: boolean;
  /** A message in the card (the last action did not work). */
  error?: string;
  /** The caret to give back when the card closes. */
  restore?: { start: number; end: number } | null;
  byHover?: boolean;
}

export class CardWiring {
  readonly hover: HoverCards;
  private readonly surface: CardSurface;

  constructor(private readonly host: CardHost) {
    this.hover = new HoverCards({
      rootWin: host.rootWin,
      alive: () => host.alive(),
      card: () => this.current,
      openByHover: (field, f) => this.open(field, f, { focus: false, byHover: true }),
      closeCard: () => this.close(false),
      overlayFocus: () => host.overlayFocus(),
    });
    this.surface = new CardSurface(host.doc, () => host.container(), this.hover, host.rootWin);
  }

  get current(): OpenCard | null {
    return this.surface.current;
  }

  isOn(field: Field): boolean {
    return this.surface.current?.field === field;
  }

  open(field: Field, asked: Finding, o: OpenOptions): void {
    // Two problems on the same words are both shown, the most severe first (card-order.ts).
    const [f, ...others] = cardOrder(asked, field.findings) as [Finding, ...Finding[]];
    const also = others.map((x) => ({ finding: x, apply: (i: number) => this.host.apply(field, x, i) }));
    this.host.closePanel();
    this.surface.show(field, f, {
      apply: (i) => this.host.apply(field, f, i),
      dismiss: () => {
        this.close(true);
        field.dismiss(f);
      },
      ignore: () => {
        const phrase = normalizePhrase(f.text);
        this.changeFilters(field, f, { type: 'ignore-phrase', phrase }, (on) => this.host.filters.ignorePhrase(phrase, on));
      },
      disableRule: () => {
        this.changeFilters(field, f, { type: 'disable-rule', ruleId: f.ruleId }, (on) => this.host.filters.disableRule(f.ruleId, on));
      },
      close: () => this.close(true),
      next: () => this.host.next(),
    }, { error: o.error, also, restore: o.restore, byHover: o.byHover ?? false, focus: o.focus }, this.host.fieldBox(field));
  }

  /**
   * The card acts on this page at once (the finding is gone); the background stores it. If that
   * write fails (storage full), it is undone here too and the card reopens saying so: the page
   * must not show a setting as saved when it will be gone on the next page load.
   */
  private changeFilters(field: Field, f: Finding, msg: CardWrite, set: (on: boolean) => void): void {
    set(true);
    this.close(true);
    this.host.refilterAll();
    void requestWrite(msg).then((r) => {
      if (r.ok || !this.host.alive(true) || !this.host.watching(field)) return;
      set(false);
      this.host.refilterAll();
      const again = field.findings.find((x) => x.ruleId === f.ruleId && x.start === f.start && x.text === f.text) ?? f;
      this.open(field, again, { focus: false, error: cardWriteError(msg, r.reason) });
    });
  }

  /** After the field's analysis: the card stays on the same words, moves to the finding now there, or closes. */
  analyzed(field: Field): void {
    const card = this.current;
    if (card?.field !== field) return;
    const a = field.activeFinding;
    if (!a) this.close(false);
    else if (a !== card.finding) {
      const b = card.finding;
      // Same span after re-analysis: keep the card (and any message in it) as it is.
      if (a.ruleId === b.ruleId && a.start === b.start && a.end === b.end && a.text === b.text) card.finding = a;
      else this.open(field, a, { focus: false, byHover: card.byHover });
    }
  }

  /** The agent typed in the field: its card closes (its words may be gone). */
  edited(field: Field): void {
    if (this.isOn(field)) this.close(false);
  }

  place(): void {
    const c = this.current;
    if (c) this.surface.place(this.host.fieldBox(c.field));
  }

  retheme(): void {
    this.surface.retheme();
  }

  close(restoreFocus: boolean): void {
    this.surface.close(restoreFocus);
  }
}
