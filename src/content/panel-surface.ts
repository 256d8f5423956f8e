/**
 * The panel (all findings and tips of one reply, opened from its badge): which field it is open
 * on, rendering it again after an analysis, placing it by its badge, closing it.
 */
import type { Badges } from './badges';
import type { Field } from './field';
import type { Finding } from './findings';
import type { Box } from './geometry';
import { placePanel, renderPanel } from './panel';
import { themeFor } from './theme';

export interface PanelHost {
  doc: Document;
  rootWin: Window;
  /** Where the panel goes (the overlay's UI layer). */
  container(): HTMLElement;
  badges: Badges;
  /** Review on a finding: its card, with focus. */
  review(field: Field, f: Finding): void;
  closeCard(): void;
  /** Resolves once no rewrite is being applied. */
  idle(): Promise<void>;
  fieldBox(field: Field): Box | null;
  /** Places badges, card and panel now. */
  layout(): void;
}

export class PanelSurface {
  private shown: { field: Field; el: HTMLElement } | null = null;

  constructor(private readonly host: PanelHost) {}

  isOn(field: Field): boolean {
    return this.shown?.field === field;
  }

  toggle(field: Field): void {
    if (this.isOn(field)) this.close(true);
    else void this.open(field, true);
  }

  /** After any rewrite being applied and the field's pending analysis, so it lists what is in the text. */
  async open(field: Field, focus: boolean): Promise<void> {
    this.host.closeCard();
    await this.host.idle();
    await field.flush();
    this.render(field, focus);
  }

  /** After the field's analysis: the open panel lists the new findings. */
  analyzed(field: Field): void {
    if (this.isOn(field)) this.render(field, false);
  }

  private render(field: Field, focus: boolean): void {
    this.shown?.el.remove();
    const el = renderPanel(this.host.doc, field.findings, field.tips, field.warnings, {
      review: (f) => {
        this.close(false);
        this.host.review(field, f);
      },
      close: () => this.close(true),
    });
    el.setAttribute('data-theme', themeFor(field.el));
    this.shown = { field, el };
    this.host.badges.setExpanded(field, true);
    this.host.container().appendChild(el);
    this.host.layout();
    if (focus) el.querySelector<HTMLElement>('button')?.focus();
  }

  /** Below the field's badge; by the field's top-left corner while it has none. */
  place(): void {
    const p = this.shown;
    if (!p) return;
    const badge = this.host.badges.get(p.field)?.getBoundingClientRect();
    const box = badge ? null : this.host.fieldBox(p.field);
    placePanel(p.el, badge ?? (box && { left: box.left, top: box.top, width: 0, height: 0 }), this.host.rootWin);
  }

  /** The page switched theme under the open panel. */
  retheme(): void {
    if (this.shown) this.shown.el.setAttribute('data-theme', themeFor(this.shown.field.el));
  }

  /** `only`: close it only if it is open on this field. */
  close(restoreFocus: boolean, only?: Field): void {
    const p = this.shown;
    if (!p || (only && p.field !== only)) return;
    this.shown = null;
    p.el.remove();
    this.host.badges.setExpanded(p.field, false);
    if (restoreFocus) p.field.focus();
  }
}
