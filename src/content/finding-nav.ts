/**
 * Getting to a finding from the reply box: a click inside a flagged span, the shortcut (in-page
 * key or browser command: the finding at or after the caret, pressed again the next one), and
 * Tab / Shift+Tab between placeholders a rewrite left.
 */
import type { CardWiring } from './card-wiring';
import type { Field, FieldNav } from './field';
import { findingAt } from './findings';
import { adjacentPlaceholder } from './placeholder-nav';
import { ShortcutGate } from './shortcut-keys';

export interface NavHost {
  alive(): boolean;
  fields(): Iterable<Field>;
  cards: CardWiring;
  openPanel(field: Field, focus: boolean): void;
  /** Resolves once no rewrite is being applied. */
  idle(): Promise<void>;
}

type Sel = { start: number; end: number };

export class FindingNav implements FieldNav {
  private readonly gate = new ShortcutGate();
  private lastAction = 0;

  constructor(private readonly host: NavHost) {}

  /** Numbers a click or shortcut when it happens, so one handled late cannot undo a later one. */
  beginAction(): number {
    return ++this.lastAction;
  }

  /**
   * Waits until the field's findings match its text (a rewrite being applied, then a pending
   * analysis). False when the agent typed meanwhile (the place they acted on is gone) or clicked
   * or pressed the shortcut again (a click is handled a task late, and must not close the card
   * a shortcut pressed right after it opened).
   */
  private async settled(field: Field, action: number): Promise<boolean> {
    await this.host.idle();
    const edits = field.edits;
    await field.flush();
    return field.edits === edits && action === this.lastAction;
  }

  async click(field: Field, action: number): Promise<void> {
    if (!this.host.alive() || !(await this.settled(field, action))) return;
    const sel = field.selection();
    if (!sel) return;
    // A click inside a selection (e.g. the text Ctrl+Z just restored) may leave it selected.
    const f =
      sel.start === sel.end
        ? findingAt(field.findings, sel.start)
        : (field.findings.find((x) => x.start <= sel.start && sel.end <= x.end) ?? null);
    if (f) this.host.cards.open(field, f, { focus: false });
    else if (this.host.cards.current) this.host.cards.close(false);
  }

  /**
   * The shortcut as the browser command (remappable in the browser's shortcut settings): acts on
   * the field that has focus, or moves an open card on to the next finding.
   */
  command(): void {
    if (!this.host.alive() || !this.gate.command()) return;
    if (this.host.cards.current) {
      this.next();
      return;
    }
    const field = [...this.host.fields()].find((f) => f.active && hasFocus(f.el));
    if (field) void this.shortcutNow(field, this.beginAction());
  }

  /** The in-page key in the field. */
  shortcut(field: Field, action: number): Promise<void> {
    this.gate.key();
    return this.shortcutNow(field, action);
  }

  /** The in-page key with focus in the card. */
  cardKey(): void {
    this.gate.key();
    this.next();
  }

  /** With a card open: the next finding (after the last, the first). */
  private next(): void {
    const open = this.host.cards.current;
    if (!open) return;
    const list = open.field.findings;
    const next = list.find((x) => x.start > open.finding.start) ?? list[0];
    if (next) this.host.cards.open(open.field, next, { focus: true, restore: open.restore });
  }

  private async shortcutNow(field: Field, action: number): Promise<void> {
    if (!this.host.alive() || !(await this.settled(field, action))) return;
    const sel = field.selection();
    // On a selected placeholder the shortcut moves on to the next one, as Tab does.
    if (sel && selectAdjacentPlaceholder(field, sel, false)) return;
    const at = sel ? sel.start : 0;
    const f = findingAt(field.findings, at) ?? field.findings.find((x) => x.start >= at) ?? field.findings[0];
    if (f) this.host.cards.open(field, f, { focus: true, restore: sel });
    else this.host.openPanel(field, true);
  }

  /** Tab or Shift+Tab: true when it moved to a placeholder (the key is then used). */
  tab(field: Field, back: boolean): boolean {
    const sel = field.selection();
    return !!sel && selectAdjacentPlaceholder(field, sel, back);
  }
}

function selectAdjacentPlaceholder(field: Field, sel: Sel, back: boolean): boolean {
  const next = adjacentPlaceholder(field.text, sel, back);
  return !!next && field.select(next.start, next.end);
}

/** Whether the element (or something inside it, e.g. a rich editor's inner node) has focus in its own document. */
function hasFocus(el: HTMLElement): boolean {
  const active = el.ownerDocument.activeElement;
  return !!active && (active === el || el.contains(active)) && el.ownerDocument.hasFocus();
}
