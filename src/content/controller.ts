/**
 * Ties fields, painters and the overlay UI together for one root frame (and its same-origin
 * iframes): it discovers fields and wires their events to the surfaces (card-wiring.ts,
 * panel-surface.ts, badge-wiring.ts, finding-nav.ts, rewrites.ts, layout-loop.ts), which do the work.
 */
import type { Filters } from './findings';
import type { EngineClient } from './engine-client';
import type { Badges } from './badges';
import { wireBadges } from './badge-wiring';
import { CardWiring } from './card-wiring';
import type { Field, FieldHost } from './field';
import { fieldBox } from './field-box';
import { FindingNav } from './finding-nav';
import { FindingsCount } from './findings-count';
import { LayoutLoop } from './layout-loop';
import { LocalFilters } from './local-filters';
import { createOverlay, type Overlay } from './overlay';
import { choosePainter } from './painter-choice';
import type { Painter } from './painter';
import { PanelSurface } from './panel-surface';
import { Rewrites } from './rewrites';
import { ThemeWatch } from './theme-watch';
import type { ContentSettings } from './settings-client';
import { Discovery } from './discovery';
import { Lifeline } from './lifeline';
import { WatchedFields } from './watched-fields';

export class Controller implements FieldHost {
  private readonly fields: WatchedFields;
  private overlay: Overlay | null = null;
  private discovery: Discovery | null = null;
  private readonly filterState: LocalFilters;
  private panelOnlySet: ReadonlySet<string>;
  private readonly badges: Badges;
  private readonly cards: CardWiring;
  private readonly panel: PanelSurface;
  readonly nav: FindingNav;
  private readonly rewrites: Rewrites;
  private readonly layout: LayoutLoop;
  private readonly count: FindingsCount;
  private readonly theme = new ThemeWatch(() => this.retheme());
  private readonly life: Lifeline;

  constructor(
    private readonly doc: Document,
    private readonly rootWin: Window,
    settings: ContentSettings,
    private readonly engineClient: EngineClient,
    /** True once the extension was reloaded or removed under this page (see main.ts). */
    extensionGone: () => boolean = () => false,
  ) {
    this.life = new Lifeline(extensionGone, () => {
      this.stop();
      engineClient.close();
    });
    this.fields = new WatchedFields(this, (f) => {
      if (this.cards.isOn(f)) this.cards.close(false);
      this.panel.close(false, f);
      this.badges.remove(f);
    });
    this.fields.checkNotes = settings.settings.checkInternalNotes;
    // New team or personal rules: analyse what is on screen again.
    engineClient.onRulesChanged(() => {
      for (const f of this.fields.active()) void f.analyze(true);
    });
    this.filterState = new LocalFilters(settings);
    this.panelOnlySet = new Set(settings.settings.panelOnlyCategories);
    const container = () => this.ensureOverlay().ui;
    const box = (f: Field) => fieldBox(f, rootWin);
    this.rewrites = new Rewrites({
      alive: (force) => this.life.alive(force),
      closeCard: () => this.cards.close(false),
      reopen: (field, f, reason) => this.cards.open(field, f, { focus: false, error: reason }),
    });
    const idle = () => this.rewrites.idle();
    this.cards = new CardWiring({
      doc, rootWin, container, fieldBox: box, filters: this.filterState,
      alive: (force) => this.life.alive(force),
      watching: (field) => this.fields.watching(field),
      refilterAll: () => this.refilterAll(),
      apply: (field, f, i) => void this.rewrites.apply(field, f, i),
      closePanel: () => this.panel.close(false),
      next: () => this.nav.cardKey(),
      overlayFocus: () => this.overlay?.shadow.activeElement ?? null,
    });
    this.cards.hover.enabled = settings.settings.cardOn === 'hover';
    this.badges = wireBadges(doc, container, {
      togglePanel: (field) => this.panel.toggle(field),
      closeOn: (field, restoreFocus) => this.closeOn(field, restoreFocus),
    });
    this.panel = new PanelSurface({
      doc, rootWin, container, fieldBox: box, badges: this.badges, idle,
      review: (field, f) => this.cards.open(field, f, { focus: true }),
      closeCard: () => this.cards.close(false),
      layout: () => this.layout.now(),
    });
    this.nav = new FindingNav({
      alive: () => this.life.alive(),
      fields: () => this.fields.values(),
      cards: this.cards,
      openPanel: (field, focus) => void this.panel.open(field, focus),
      idle,
    });
    this.layout = new LayoutLoop({
      rootWin,
      running: () => this.running,
      isField: (target) => this.fields.has(target),
      place: (geometry) => this.place(geometry),
    });
    this.count = new FindingsCount(() => this.fields.totalFindings(), () => !this.life.retired);
  }

  get running(): boolean {
    return this.discovery !== null;
  }

  /** Called once when this copy retires for good (the extension went away). */
  onRetire(fn: () => void): void {
    this.life.onRetire(fn);
  }

  start(): void {
    if (this.discovery || this.life.retired) return;
    this.overlay = createOverlay(this.doc);
    this.layout.watch(this.rootWin);
    this.theme.watch(this.doc);
    this.discovery = new Discovery({
      found: (el) => {
        const field = this.life.alive() ? this.fields.add(el) : null;
        if (field?.doc.defaultView) this.layout.watch(field.doc.defaultView);
        if (field) this.theme.watch(field.doc);
      },
      pruned: () => {
        this.fields.prune();
        this.count.queue();
      },
    });
    this.discovery.start(this.doc);
  }

  stop(): void {
    this.cards.hover.cancel();
    this.layout.cancel();
    this.count.cancel();
    this.theme.stop();
    this.discovery?.stop();
    this.discovery = null;
    this.cards.close(false);
    this.panel.close(false);
    this.fields.clear();
    this.badges.clear();
    this.overlay?.remove();
    this.overlay = null;
    this.count.queue();
  }

  updateSettings(s: ContentSettings, siteEnabled: boolean): void {
    if (!this.life.alive()) return;
    this.filterState.reset(s);
    const notesChanged = this.fields.checkNotes !== s.settings.checkInternalNotes;
    this.fields.checkNotes = s.settings.checkInternalNotes;
    this.cards.hover.enabled = s.settings.cardOn === 'hover';
    if (!this.cards.hover.enabled) this.cards.hover.cancel();
    this.panelOnlySet = new Set(s.settings.panelOnlyCategories);
    if (!siteEnabled) {
      this.stop();
      return;
    }
    if (notesChanged && this.running) this.stop();
    if (!this.running) this.start();
    this.refilterAll();
  }

  // ——— FieldHost ———

  engine(): EngineClient {
    return this.engineClient;
  }

  filters(): Filters {
    return this.filterState.current;
  }

  panelOnly(): ReadonlySet<string> {
    return this.panelOnlySet;
  }

  onHover(field: Field, point: { x: number; y: number } | null): void {
    this.cards.hover.pointer(field, point);
  }

  makePainter(field: Field): Painter {
    return choosePainter(field, this.rootWin, this.ensureOverlay().marks);
  }

  onAnalyzed(field: Field): void {
    // The result came over the live port, so the extension is still there.
    if (this.life.retired) return;
    this.badges.update(field);
    this.cards.analyzed(field);
    this.panel.analyzed(field);
    // The field's badge is placed again after every analysis (the text may now reach its corner);
    // after the frame that lays out the edit, unless the card or panel on this field must follow now.
    this.layout.queue(!this.cards.isOn(field) && !this.panel.isOn(field));
    this.count.queue();
  }

  onEngineUnreachable(): void {
    // An orphaned copy (the extension was reloaded or removed) can no longer analyse: retire.
    this.life.alive(true);
  }

  onEdited(field: Field): void {
    // Per keystroke: keep this cheap (no layout reads, no extension API calls). An orphaned
    // copy notices at the next analysis, which cannot reach the background.
    this.cards.edited(field);
    this.layout.typed();
  }

  /** The browser command (main.ts). */
  onCommand(): void {
    this.nav.command();
  }

  onEscape(field: Field): boolean {
    return this.closeOn(field, false);
  }

  onFocus(field: Field): void {
    if (!this.life.alive()) return;
    // The agent is about to type: wake the background engine now, not at the first pause.
    this.engineClient.keepAlive(true);
    // The page may have switched its theme since: the badge follows at the next focus.
    if (field.active) this.badges.retheme(field);
    this.layout.relayout();
  }

  onBlur(): void {
    this.engineClient.keepAlive(false);
  }

  onLayout(): void {
    this.layout.relayout();
  }

  onScroll(field: Field): void {
    // The card and panel follow their field's text; badges and other fields do not move.
    if (this.cards.isOn(field) || this.panel.isOn(field)) this.layout.queue();
  }

  // ——— UI ———

  private ensureOverlay(): Overlay {
    if (!this.overlay) this.overlay = createOverlay(this.doc);
    this.overlay.ensureAttached();
    return this.overlay;
  }

  /** Badges, card, panel and overlay marks (layout-loop.ts says when). */
  private place(geometry: boolean): void {
    // Overlay marks are position: fixed; they follow page and container scrolling here.
    if (geometry) for (const field of this.fields.active()) field.repositionMarks();
    this.badges.layout(geometry, (f, el) => fieldBox(f, this.rootWin, el), this.rootWin.innerHeight);
    this.cards.place();
    this.panel.place();
  }

  /** The page switched theme (theme-watch.ts): underlines, badges, card and panel take its colours now. */
  private retheme(): void {
    if (!this.life.alive()) return;
    for (const f of this.fields.active()) {
      this.badges.retheme(f);
      f.retone();
    }
    this.cards.retheme();
    this.panel.retheme();
  }

  /** Closes the card or panel open on the field; false when neither is. */
  private closeOn(field: Field, restoreFocus: boolean): boolean {
    if (this.cards.isOn(field)) this.cards.close(restoreFocus);
    else if (this.panel.isOn(field)) this.panel.close(restoreFocus);
    else return false;
    return true;
  }

  private refilterAll(): void {
    for (const f of this.fields.active()) f.refilter();
  }
}
