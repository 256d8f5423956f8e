/** Ties fields, painters and the overlay UI together for one root frame (and its same-origin iframes). */
import { findingAt, type Filters, type Finding } from './findings';
import type { EngineClient } from './engine-client';
import { applyReplacement } from './apply';
import { Badges } from './badges';
import { cardOrder } from './card-order';
import { isCandidate, isInternalNote } from './family';
import { Field, type FieldHost } from './field';
import { toRoot, visibleBox, type Box } from './geometry';
import { createOverlay, type Overlay } from './overlay';
import { BoxPainter } from './paint-boxes';
import { HighlightPainter, highlightsSupported } from './paint-highlights';
import { MirrorPainter } from './paint-mirror';
import type { Painter } from './painter';
import { placePanel, renderPanel } from './panel';
import { send, type ContentSettings } from './settings-client';
import { Discovery } from './discovery';
import { afterFrame } from './after-frame';
import { cardWriteError, requestWrite, type CardWrite } from './writes';
import { QuietTimer } from './quiet-timer';
import { adjacentPlaceholder, firstPlaceholderIn } from './placeholder-nav';
import { ShortcutGate } from './shortcut-keys';
import { normalizePhrase } from '../shared/settings';
import { themeFor } from './theme';
import { HoverCards } from './hover';
import { CardSurface, type OpenCard } from './card-surface';

/**
 * Field and badge geometry older than this is read again at the next layout, and once the
 * agent has not typed for this long (the page may have moved a field without a resize or
 * scroll). Not while typing: each keystroke's budget has no room for layout reads.
 */
const GEOMETRY_MAX_AGE_MS = 1000;

/** Test hook: <html data-tactful-force-overlay> forces the overlay fallback for contenteditable. */
const FORCE_OVERLAY_ATTR = 'data-tactful-force-overlay';

interface PanelState {
  field: Field;
  el: HTMLElement;
}

export class Controller implements FieldHost {
  private fields = new Map<HTMLElement, Field>();
  private readonly badges: Badges;
  private overlay: Overlay | null = null;
  private discovery: Discovery | null = null;
  private readonly cards: CardSurface;
  private readonly shortcutGate = new ShortcutGate();
  private panel: PanelState | null = null;
  private layoutQueued = false;
  private geometryDirty = true;
  private geometryAt = 0;
  /** After a typing stretch: read geometry again (the page may have moved a field meanwhile). */
  private readonly afterTyping = new QuietTimer(GEOMETRY_MAX_AGE_MS, () => {
    if (!this.running) return;
    this.geometryDirty = true;
    this.queueLayout();
  });
  private countTimer: ReturnType<typeof setTimeout> | null = null;
  private lastCount = -1;
  private listenedWindows = new WeakSet<Window>();
  private filterState: Filters;
  private checkNotes: boolean;
  private panelOnlySet: ReadonlySet<string>;
  private readonly hover: HoverCards;
  /** The rewrite being applied (resolved when none is). */
  private applying: Promise<void> = Promise.resolve();
  private lastAction = 0;

  private retired = false;
  private aliveAt = -Infinity;
  private retireListeners: Array<() => void> = [];

  constructor(
    private readonly doc: Document,
    private readonly rootWin: Window,
    settings: ContentSettings,
    private readonly engineClient: EngineClient,
    /** True once the extension was reloaded or removed under this page (see main.ts). */
    private readonly extensionGone: () => boolean = () => false,
  ) {
    // New team or personal rules: analyse what is on screen again.
    engineClient.onRulesChanged(() => {
      for (const f of this.fields.values()) if (f.active) void f.analyze(true);
    });
    this.filterState = { ignored: settings.ignored, disabledRules: new Set(settings.settings.disabledRules) };
    this.checkNotes = settings.settings.checkInternalNotes;
    this.hover = new HoverCards({
      rootWin,
      alive: () => this.alive(),
      card: () => this.card,
      openByHover: (field, f) => this.openCard(field, f, false, undefined, undefined, true),
      closeCard: () => this.closeCard(false),
      overlayFocus: () => this.overlay?.shadow.activeElement ?? null,
    });
    this.hover.enabled = settings.settings.cardOn === 'hover';
    this.cards = new CardSurface(doc, () => this.ensureOverlay().ui, this.hover, rootWin);
    this.badges = new Badges(doc, () => this.ensureOverlay().ui, {
      toggle: (field) => this.togglePanel(field),
      // From the badge, Escape closes what it opened and gives the caret back.
      escape: (field) => {
        if (this.card?.field === field) this.closeCard(true);
        else if (this.panel?.field === field) this.closePanel(true);
        else return false;
        return true;
      },
    });
    this.panelOnlySet = new Set(settings.settings.panelOnlyCategories);
  }

  /** The open card, if any. */
  private get card(): OpenCard | null {
    return this.cards.current;
  }

  get running(): boolean {
    return this.discovery !== null;
  }

  /** Called once when this copy retires for good (the extension went away). */
  onRetire(fn: () => void): void {
    this.retireListeners.push(fn);
  }

  /**
   * Checked on every interaction (a property read): an orphaned copy removes its overlay,
   * highlights and listeners and never starts again. The editor's text is not touched.
   */
  private alive(force = false): boolean {
    if (this.retired) return false;
    // Reading chrome.runtime.id costs a binding lookup: per keystroke, once a second is enough.
    const t = performance.now();
    if (!force && t - this.aliveAt < 1000) return true;
    this.aliveAt = t;
    if (!this.extensionGone()) return true;
    this.retired = true;
    this.stop();
    this.engineClient.close();
    for (const fn of this.retireListeners.splice(0)) fn();
    return false;
  }

  start(): void {
    if (this.discovery || this.retired) return;
    this.overlay = createOverlay(this.doc);
    this.listenWindow(this.rootWin);
    this.discovery = new Discovery({ found: (el) => this.addCandidate(el), pruned: () => this.prune() });
    this.discovery.start(this.doc);
  }

  stop(): void {
    this.hover.cancel();
    this.afterTyping.cancel();
    if (this.countTimer !== null) {
      clearTimeout(this.countTimer);
      this.countTimer = null;
    }
    this.discovery?.stop();
    this.discovery = null;
    this.closeCard(false);
    this.closePanel(false);
    for (const f of this.fields.values()) f.dispose();
    this.fields.clear();
    this.badges.clear();
    this.overlay?.remove();
    this.overlay = null;
    this.queueCount();
  }

  updateSettings(s: ContentSettings, siteEnabled: boolean): void {
    if (!this.alive()) return;
    this.filterState = { ignored: s.ignored, disabledRules: new Set(s.settings.disabledRules) };
    const notesChanged = this.checkNotes !== s.settings.checkInternalNotes;
    this.checkNotes = s.settings.checkInternalNotes;
    this.hover.enabled = s.settings.cardOn === 'hover';
    if (!this.hover.enabled) this.hover.cancel();
    this.panelOnlySet = new Set(s.settings.panelOnlyCategories);
    if (!siteEnabled) {
      this.stop();
      return;
    }
    if (notesChanged && this.running) this.stop();
    if (!this.running) this.start();
    for (const f of this.fields.values()) if (f.active) f.refilter();
  }

  // ——— discovery ———

  private addCandidate(el: HTMLElement): void {
    if (!this.alive()) return;
    if (this.fields.has(el) || !isCandidate(el)) return;
    if (!this.checkNotes && isInternalNote(el)) return;
    const field = new Field(el, this);
    this.fields.set(el, field);
    const win = el.ownerDocument.defaultView;
    if (win) this.listenWindow(win);
  }

  private prune(): void {
    for (const [el, f] of this.fields) {
      if (el.isConnected) continue;
      if (this.card?.field === f) this.closeCard(false);
      if (this.panel?.field === f) this.closePanel(false);
      f.dispose();
      this.badges.remove(f);
      this.fields.delete(el);
    }
    this.queueCount();
  }

  private listenWindow(win: Window): void {
    if (this.listenedWindows.has(win)) return;
    this.listenedWindows.add(win);
    const relayout = () => {
      this.geometryDirty = true;
      this.queueLayout();
    };
    // A field scrolling its own text (it does as a reply grows) moves nothing but its own
    // marks, which the field handles (Field.onScroll): no page-wide layout per keystroke.
    const onScroll = (e: Event) => {
      if (e.target && this.fields.has(e.target as HTMLElement)) return;
      relayout();
    };
    win.addEventListener('scroll', onScroll, { capture: true, passive: true });
    win.addEventListener('resize', relayout, { passive: true });
  }

  // ——— FieldHost ———

  engine(): EngineClient {
    return this.engineClient;
  }

  filters(): Filters {
    return this.filterState;
  }

  panelOnly(): ReadonlySet<string> {
    return this.panelOnlySet;
  }

  onHover(field: Field, point: { x: number; y: number } | null): void {
    this.hover.pointer(field, point);
  }

  makePainter(field: Field): Painter {
    const overlay = this.ensureOverlay();
    if (field.isTextarea) return new MirrorPainter(field.el as HTMLTextAreaElement, this.rootWin, overlay.marks);
    const win = field.el.ownerDocument.defaultView!;
    const forced = this.doc.documentElement.hasAttribute(FORCE_OVERLAY_ATTR) ||
      field.el.ownerDocument.documentElement.hasAttribute(FORCE_OVERLAY_ATTR);
    const rangeFor = (s: number, e: number) => field.rangeFor(s, e);
    if (!forced && highlightsSupported(win)) {
      return new HighlightPainter(field.el, rangeFor, (r, s, e) => field.rangeSpans(r, s, e), this.rootWin, () => field.visibleSpan());
    }
    return new BoxPainter(field.el, rangeFor, this.rootWin, overlay.marks);
  }

  onAnalyzed(field: Field): void {
    // The result came over the live port, so the extension is still there.
    if (this.retired) return;
    this.badges.update(field);
    if (this.card?.field === field) {
      if (!field.activeFinding) this.closeCard(false);
      else if (field.activeFinding !== this.card.finding) {
        const a = field.activeFinding;
        const b = this.card.finding;
        // Same span after re-analysis: keep the card (and any message in it) as it is.
        if (a.ruleId === b.ruleId && a.start === b.start && a.end === b.end && a.text === b.text) this.card.finding = a;
        else this.openCard(field, a, false, undefined, undefined, this.card.byHover);
      }
    }
    if (this.panel?.field === field) this.renderPanelFor(field, false);
    // The field's badge is placed again after every analysis (the text may now reach its corner);
    // after the frame that lays out the edit, unless the card or panel on this field must follow now.
    this.queueLayout(this.card?.field !== field && this.panel?.field !== field);
    this.queueCount();
  }

  onEngineUnreachable(): void {
    // An orphaned copy (the extension was reloaded or removed) can no longer analyse: retire.
    this.alive(true);
  }

  onEdited(field: Field): void {
    // Per keystroke: keep this cheap (no layout reads, no extension API calls). An orphaned
    // copy notices at the next analysis, which cannot reach the background.
    if (this.card?.field === field) this.closeCard(false);
    this.afterTyping.touch();
  }

  /**
   * Waits until the field's findings match its text (a rewrite being applied, then a pending
   * analysis). False when the agent typed meanwhile (the place they acted on is gone) or clicked
   * or pressed the shortcut again (a click is handled a task late, and must not close the card
   * a shortcut pressed right after it opened).
   */
  private async settled(field: Field, action: number): Promise<boolean> {
    await this.applying;
    const edits = field.edits;
    await field.flush();
    return field.edits === edits && action === this.lastAction;
  }

  beginAction(): number {
    return ++this.lastAction;
  }

  async onClick(field: Field, action: number): Promise<void> {
    if (!this.alive() || !(await this.settled(field, action))) return;
    const sel = field.selection();
    if (!sel) return;
    // A click inside a selection (e.g. the text Ctrl+Z just restored) may leave it selected.
    const f =
      sel.start === sel.end
        ? findingAt(field.findings, sel.start)
        : (field.findings.find((x) => x.start <= sel.start && sel.end <= x.end) ?? null);
    if (f) this.openCard(field, f, false);
    else if (this.card) this.closeCard(false);
  }

  /**
   * The shortcut as the browser command (remappable in the browser's shortcut settings): acts on
   * the field that has focus, or moves an open card on to the next finding.
   */
  onCommand(): void {
    if (!this.alive() || !this.shortcutGate.command()) return;
    if (this.card) {
      this.openNextCard();
      return;
    }
    const field = [...this.fields.values()].find((f) => f.active && hasFocus(f.el));
    if (field) void this.shortcutNow(field, this.beginAction());
  }

  /** The shortcut pressed again while a card is open: the next finding (after the last, the first). */
  private openNextCard(): void {
    const open = this.card;
    if (!open) return;
    const list = open.field.findings;
    const next = list.find((x) => x.start > open.finding.start) ?? list[0];
    if (next) this.openCard(open.field, next, true, undefined, open.restore);
  }

  async onShortcut(field: Field, action: number): Promise<void> {
    this.shortcutGate.key();
    return this.shortcutNow(field, action);
  }

  private async shortcutNow(field: Field, action: number): Promise<void> {
    if (!this.alive() || !(await this.settled(field, action))) return;
    const sel = field.selection();
    // On a selected placeholder the shortcut moves on to the next one, as Tab does.
    if (sel && this.selectAdjacentPlaceholder(field, sel, false)) return;
    const at = sel ? sel.start : 0;
    const f = findingAt(field.findings, at) ?? field.findings.find((x) => x.start >= at) ?? field.findings[0];
    if (f) this.openCard(field, f, true, undefined, sel);
    else void this.openPanel(field, true);
  }

  onTab(field: Field, back: boolean): boolean {
    const sel = field.selection();
    return !!sel && this.selectAdjacentPlaceholder(field, sel, back);
  }

  private selectAdjacentPlaceholder(field: Field, sel: { start: number; end: number }, back: boolean): boolean {
    const next = adjacentPlaceholder(field.text, sel, back);
    return !!next && field.select(next.start, next.end);
  }

  onEscape(field: Field): boolean {
    if (this.card?.field === field) {
      this.closeCard(false);
      return true;
    }
    if (this.panel?.field === field) {
      this.closePanel(false);
      return true;
    }
    return false;
  }

  onFocus(field: Field): void {
    if (!this.alive()) return;
    // The agent is about to type: wake the background engine now, not at the first pause.
    this.engineClient.keepAlive(true);
    // The page may have switched its theme since: the badge follows at the next focus.
    if (field.active) this.badges.retheme(field);
    this.geometryDirty = true;
    this.queueLayout();
  }

  onBlur(): void {
    this.engineClient.keepAlive(false);
  }

  onLayout(): void {
    this.geometryDirty = true;
    this.queueLayout();
  }

  onScroll(field: Field): void {
    // The card and panel follow their field's text; badges and other fields do not move.
    if (this.card?.field === field || this.panel?.field === field) this.queueLayout();
  }

  // ——— UI ———

  private ensureOverlay(): Overlay {
    if (!this.overlay) this.overlay = createOverlay(this.doc);
    this.overlay.ensureAttached();
    return this.overlay;
  }

  /** `el`: the field's editable, or the frame it sits in (the badge's box). */
  private fieldBox(field: Field, el: HTMLElement = field.el): Box | null {
    const win = el.ownerDocument.defaultView;
    if (!win || !el.isConnected) return null;
    // An iframe's editable body (TinyMCE, designMode) fills the frame, not just its content.
    const isFrameBody = el === el.ownerDocument.body && win !== this.rootWin && win.frameElement;
    const r = isFrameBody
      ? { left: 0, top: 0, width: win.innerWidth, height: win.innerHeight }
      : el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return null;
    // Only the part that is not scrolled out of view (containers, frames, viewport).
    return visibleBox(el, this.rootWin, toRoot(r, win, this.rootWin));
  }

  /**
   * Place badges, card, panel and overlay marks. For scrolling and resizing: in the next
   * animation frame (geometry is clean then, and marks follow the scroll without lag). After
   * an analysis (`afterPaint`): once the frame that lays out the edit is rendered, so the reads
   * force no synchronous reflow of a long reply.
   */
  private queueLayout(afterPaint = false): void {
    if (this.layoutQueued) return;
    this.layoutQueued = true;
    const run = () => {
      this.layoutQueued = false;
      this.layout();
    };
    if (afterPaint) afterFrame(this.rootWin, run);
    else this.rootWin.requestAnimationFrame(run);
  }

  private layout(): void {
    // Geometry is read again after scrolling, resizing, focus, a typing pause (armQuietTimer),
    // or when the last reading is older than GEOMETRY_MAX_AGE_MS and the agent is not typing;
    // an analysis while typing otherwise touches no layout.
    const t = performance.now();
    const typing = this.afterTyping.quietFor() < GEOMETRY_MAX_AGE_MS;
    const geometry = this.geometryDirty || (!typing && t - this.geometryAt > GEOMETRY_MAX_AGE_MS);
    if (geometry) {
      this.geometryDirty = false;
      this.geometryAt = t;
      // Overlay marks are position: fixed; they follow page and container scrolling here.
      for (const field of this.fields.values()) if (field.active) field.repositionMarks();
    }
    this.badges.layout(geometry, (f, el) => this.fieldBox(f, el), this.rootWin.innerHeight);
    if (this.card) this.cards.place(this.fieldBox(this.card.field));
    if (this.panel) {
      const badge = this.badges.get(this.panel.field)?.getBoundingClientRect();
      const box = badge ? null : this.fieldBox(this.panel.field);
      placePanel(this.panel.el, badge ?? (box && { left: box.left, top: box.top, width: 0, height: 0 }), this.rootWin);
    }
  }

  openCard(
    field: Field,
    asked: Finding,
    focus: boolean,
    error?: string,
    restore?: { start: number; end: number } | null,
    byHover = false,
  ): void {
    // Two problems on the same words are both shown, the most severe first (card.ts cardOrder).
    const [f, ...others] = cardOrder(asked, field.findings) as [Finding, ...Finding[]];
    const also = others.map((o) => ({ finding: o, apply: (i: number) => void this.apply(field, o, i) }));
    this.closePanel(false);
    this.cards.show(field, f, {
      apply: (i) => void this.apply(field, f, i),
      dismiss: () => {
        this.closeCard(true);
        field.dismiss(f);
      },
      ignore: () => {
        const phrase = normalizePhrase(f.text);
        this.filterState = { ...this.filterState, ignored: new Set([...this.filterState.ignored, phrase]) };
        this.closeCard(true);
        this.refilterAll();
        this.confirmWrite(field, f, { type: 'ignore-phrase', phrase }, (s) => {
          const ignored = new Set(s.ignored);
          ignored.delete(phrase);
          return { ...s, ignored };
        });
      },
      disableRule: () => {
        this.filterState = { ...this.filterState, disabledRules: new Set([...this.filterState.disabledRules, f.ruleId]) };
        this.closeCard(true);
        this.refilterAll();
        this.confirmWrite(field, f, { type: 'disable-rule', ruleId: f.ruleId }, (s) => {
          const disabledRules = new Set(s.disabledRules);
          disabledRules.delete(f.ruleId);
          return { ...s, disabledRules };
        });
      },
      close: () => this.closeCard(true),
      next: () => {
        this.shortcutGate.key();
        this.openNextCard();
      },
    }, { error, also, restore, byHover, focus }, this.fieldBox(field));
  }

  /**
   * The card already acted on this page (the finding is gone); the background stores it. If
   * that write fails (storage full), undo it here too and reopen the card saying so: the page
   * must not show a setting as saved when it will be gone on the next page load.
   */
  private confirmWrite(field: Field, f: Finding, msg: CardWrite, undo: (s: Filters) => Filters): void {
    void requestWrite(msg).then((r) => {
      if (r.ok || !this.alive(true) || this.fields.get(field.el) !== field) return;
      this.filterState = undo(this.filterState);
      this.refilterAll();
      const again = field.findings.find((x) => x.ruleId === f.ruleId && x.start === f.start && x.text === f.text) ?? f;
      this.openCard(field, again, false, cardWriteError(msg, r.reason));
    });
  }

  closeCard(restoreFocus: boolean): void {
    this.cards.close(restoreFocus);
  }

  /**
   * Applies a rewrite. A click or the shortcut that comes while one is being applied waits for
   * it (and its analysis), so it never opens a card on the text from before the rewrite.
   */
  private apply(field: Field, f: Finding, index: number): Promise<void> {
    const run = this.applying.then(() => this.applyNow(field, f, index));
    this.applying = run.catch(() => undefined);
    return run;
  }

  private async applyNow(field: Field, f: Finding, index: number): Promise<void> {
    const s = f.suggestions[index];
    if (!s || !this.alive(true)) return;
    this.closeCard(false);
    const keys = field.keysPressed;
    const result = await applyReplacement(field, f.start, f.end, f.text, s.replacement);
    // Findings for the text as it is now (a result overtaken by another edit is asked again).
    await field.flush();
    if (result.ok) {
      // The agent types over the first placeholder the rewrite left ("by [time]"), so it is never sent as is.
      const p = firstPlaceholderIn(field.text, f.start, f.start + s.replacement.length);
      // Slate 0.47 (no data-slate-node) folds a selection change into its last history step, so
      // selecting the placeholder there made Ctrl+Z undo the selection instead of the rewrite.
      const legacySlate = field.family === 'slate' && !field.el.querySelector('[data-slate-node]');
      // Not once the agent has pressed a key since (typed on, undone): the caret is theirs then.
      if (p && !legacySlate && field.keysPressed === keys) {
        field.focus();
        field.select(p.start, p.end);
      }
    } else {
      // The same finding in the text as it is now: where it was, else the nearest one with the same
      // words (text typed before it moved it), so the card's next click applies at the right place.
      const same = field.findings.filter((x) => x.ruleId === f.ruleId && x.text === f.text);
      const again = same.find((x) => x.start === f.start) ?? same.sort((a, b) => Math.abs(a.start - f.start) - Math.abs(b.start - f.start))[0] ?? f;
      this.openCard(field, again, false, result.reason);
    }
  }

  private refilterAll(): void {
    for (const f of this.fields.values()) if (f.active) f.refilter();
  }

  private togglePanel(field: Field): void {
    if (this.panel?.field === field) this.closePanel(true);
    else void this.openPanel(field, true);
  }

  private async openPanel(field: Field, focus: boolean): Promise<void> {
    this.closeCard(false);
    await this.applying;
    await field.flush();
    this.renderPanelFor(field, focus);
  }

  private renderPanelFor(field: Field, focus: boolean): void {
    this.panel?.el.remove();
    const el = renderPanel(this.doc, field.findings, field.tips, field.warnings, {
      review: (f) => {
        this.closePanel(false);
        this.openCard(field, f, true);
      },
      close: () => this.closePanel(true),
    });
    el.setAttribute('data-theme', themeFor(field.el));
    this.panel = { field, el };
    this.badges.setExpanded(field, true);
    this.ensureOverlay().ui.appendChild(el);
    this.layout();
    if (focus) el.querySelector<HTMLElement>('button')?.focus();
  }

  closePanel(restoreFocus: boolean): void {
    const p = this.panel;
    if (!p) return;
    this.panel = null;
    p.el.remove();
    this.badges.setExpanded(p.field, false);
    if (restoreFocus) p.field.focus();
  }

  // ——— counts for the popup (numbers only) ———

  private totalFindings(): number {
    let n = 0;
    for (const f of this.fields.values()) n += f.findings.length;
    return n;
  }

  /** The tab's count for the popup, sent (debounced) only when it changed. */
  private queueCount(): void {
    if (this.countTimer !== null || this.totalFindings() === this.lastCount) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = null;
      if (this.retired) return;
      const n = this.totalFindings();
      if (n !== this.lastCount) {
        this.lastCount = n;
        send({ type: 'findings-count', count: n });
      }
    }, 250);
  }
}

/** Whether the element (or something inside it, e.g. a rich editor's inner node) has focus in its own document. */
function hasFocus(el: HTMLElement): boolean {
  const active = el.ownerDocument.activeElement;
  return !!active && (active === el || el.contains(active)) && el.ownerDocument.hasFocus();
}
