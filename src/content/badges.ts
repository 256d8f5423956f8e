/** The badges of all watched fields: one per field, its count, severity, theme and place. */
import { createBadge, placeBadge, setBadgeCount } from './badge';
import { badgeSpot, scrollbars, visualFrame, type BadgeSpot } from './badge-spot';

/** The badge's title when the reply is longer than the engine checks. */
const truncationNote = (field: { warnings: ReadonlyArray<{ kind: string; message: string }> }) => field.warnings.find((w) => w.kind === 'truncated')?.message ?? '';
import { topSeverity } from './categories';
import type { Field } from './field';
import type { Box } from './geometry';
import { themeFor } from './theme';

export interface BadgeActions {
  /** The badge was clicked: open or close the field's panel. */
  toggle(field: Field): void;
  /** Escape on the badge: close what it opened; false when nothing was open. */
  escape(field: Field): boolean;
}

export class Badges {
  private map = new Map<Field, HTMLButtonElement>();
  /** Whether each badge was last placed as shown (a reply box with text) or hidden. */
  private shown = new WeakMap<HTMLElement, boolean>();
  /** Badges to place again at the next layout, whatever else moved. */
  private moved = new Set<HTMLElement>();

  constructor(
    private readonly doc: Document,
    private readonly container: () => HTMLElement,
    private readonly actions: BadgeActions,
  ) {}

  get(field: Field): HTMLButtonElement | undefined {
    return this.map.get(field);
  }

  /** The field's badge, created (with its count, severity and theme) the first time. */
  ensure(field: Field): HTMLButtonElement {
    let b = this.map.get(field);
    if (!b) {
      b = createBadge(this.doc, () => this.actions.toggle(field), () => this.actions.escape(field));
      b.setAttribute('data-theme', themeFor(field.el));
      this.map.set(field, b);
      this.container().appendChild(b);
      setBadgeCount(b, field.findings.length, topSeverity(field.findings), truncationNote(field));
    }
    return b;
  }

  /**
   * After an analysis: count and most severe finding; the badge is placed again at the next
   * layout (it appears or goes with the reply's text, and the text may now reach its corner).
   */
  update(field: Field): void {
    const b = this.ensure(field);
    setBadgeCount(b, field.findings.length, topSeverity(field.findings), truncationNote(field));
    this.moved.add(b);
  }

  /** The page may have switched its theme since the badge was made. */
  retheme(field: Field): void {
    this.ensure(field).setAttribute('data-theme', themeFor(field.el));
  }

  setExpanded(field: Field, open: boolean): void {
    this.map.get(field)?.setAttribute('aria-expanded', String(open));
  }

  remove(field: Field): void {
    this.map.get(field)?.remove();
    this.map.delete(field);
  }

  clear(): void {
    this.map.clear();
  }

  /**
   * Places the badges (all of them when geometry was read again, else only those that appear,
   * go, or whose field's text changed). All reads first, then all writes: interleaving them
   * would force a reflow per badge.
   */
  layout(geometry: boolean, fieldBox: (field: Field, el?: HTMLElement) => Box | null, viewportHeight: number): void {
    const placements: Array<[HTMLElement, BadgeSpot | null]> = [];
    for (const [field, badge] of this.map) {
      // Quiet on an empty reply box.
      const show = /\S/.test(field.text);
      if (!geometry && this.shown.get(badge) === show && !this.moved.has(badge)) continue;
      this.shown.set(badge, show);
      placements.push([badge, show ? this.spot(field, fieldBox, viewportHeight) : null]);
    }
    this.moved.clear();
    for (const [badge, spot] of placements) placeBadge(badge, spot);
  }

  /** Where the field's badge goes (reads layout); null when its box is too small or not visible. */
  private spot(field: Field, fieldBox: (field: Field, el?: HTMLElement) => Box | null, viewportHeight: number): BadgeSpot | null {
    const frame = visualFrame(field.el);
    const box = fieldBox(field, frame);
    if (!box || box.width < 40 || box.height < 16) return null;
    return badgeSpot(box, scrollbars(frame), String(field.findings.length).length, (b) => field.textIn(b), viewportHeight);
  }
}
