/** One watched reply field: reading its text, debounced analysis, painting, selection. */
import { isShortcutKey } from './shortcut-keys';
import { findingKey, visibleFindings, type AnalysisResult, type AnalysisWarning, type Filters, type Finding, type Tip } from './findings';
import type { EngineClient } from './engine-client';
import { QuietTimer } from './quiet-timer';
import type { EditTarget } from './apply';
import { detectFamily, type Family } from './family';
import { extractText, type TextMap } from './text-map';
import { editableSelection, selectEditable } from './selection';
import type { Painter } from './painter';
import type { Box } from './geometry';
import { visibleSpan, type Span } from './visible-span';

export const DEBOUNCE_MS = 100;

let nextFieldId = 1;

/** Getting to findings from the field's own clicks and keys (finding-nav.ts). */
export interface FieldNav {
  /** Numbers a click or shortcut when it happens, so one handled late cannot undo a later one. */
  beginAction(): number;
  click(field: Field, action: number): Promise<void>;
  shortcut(field: Field, action: number): Promise<void>;
  /** Tab or Shift+Tab in the field; true when it was used (a placeholder to the next one). */
  tab(field: Field, back: boolean): boolean;
}

export interface FieldHost {
  readonly nav: FieldNav;
  /** The page's connection to the background engine. */
  engine(): EngineClient;
  filters(): Filters;
  makePainter(field: Field): Painter;
  onAnalyzed(field: Field): void;
  onEngineUnreachable(field: Field): void;
  onEdited(field: Field): void;
  onEscape(field: Field): boolean;
  onFocus(field: Field): void;
  onBlur(field: Field): void;
  onLayout(field: Field): void;
  onScroll(field: Field): void;
  /** Categories listed only in the panel: counted, never underlined. */
  panelOnly(): ReadonlySet<string>;
  /** The pointer moved over the field (a point in the field's own viewport), or left it (null). */
  onHover(field: Field, point: { x: number; y: number } | null): void;
}

export class Field implements EditTarget {
  readonly family: Family;
  readonly isTextarea: boolean;
  /** Names this field in messages to the engine. */
  readonly id = nextFieldId++;
  text = '';
  private map: TextMap | null = null;
  private observer: MutationObserver | null = null;
  /** Text nodes whose data changed since the map was made; `reshaped`: any other change. */
  private readonly changedTexts = new Set<Text>();
  private reshaped = true;
  all: Finding[] = [];
  findings: Finding[] = [];
  tips: Tip[] = [];
  /** What the engine did not check (a reply past its length limit, a team rule out of time). */
  warnings: AnalysisWarning[] = [];
  active = false;
  activeFinding: Finding | null = null;
  private readonly dismissed = new Set<string>();
  private readonly debounce = new QuietTimer(DEBOUNCE_MS, () => void this.analyze());
  private dirty = true;
  /** Bumped by every edit: a result for an older text is stale. */
  private generation = 0;
  /** Keys pressed in the field: a step that waited can tell the agent has moved on meanwhile. */
  private keys = 0;
  /** The engine result the findings come from (the client hands back the same object for 'same'). */
  private applied: AnalysisResult | null = null;
  /** The analysis under way, shared by everyone who asks while the text stays the same. */
  private inflight: { gen: number; done: Promise<void> } | null = null;
  private painter: Painter | null = null;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    readonly el: HTMLElement,
    private readonly host: FieldHost,
  ) {
    this.family = detectFamily(el);
    this.isTextarea = this.family === 'textarea';
    this.listen();
    // A draft already in a visible field is checked right away (hidden source textareas are not).
    if (el.getClientRects().length > 0 && this.currentText().trim()) this.activate();
  }

  get doc(): Document {
    return this.el.ownerDocument;
  }

  private on<K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions): void {
    this.el.addEventListener(type, fn, opts);
    this.cleanups.push(() => this.el.removeEventListener(type, fn, opts));
  }

  private listen(): void {
    this.on('focus', () => this.activate());
    this.on('blur', () => this.host.onBlur(this));
    // A contenteditable's edits all reach the MutationObserver below, so it gets no `input`
    // listener: even an empty one delayed the next frame after each keystroke in CKEditor 5 by
    // about 5 ms in Chromium (bench/README.md, "input → next paint").
    if (this.isTextarea) this.on('input', () => this.edited());
    this.on('click', () => {
      // Numbered now; handled after the editor has placed its caret.
      const action = this.host.nav.beginAction();
      setTimeout(() => void this.host.nav.click(this, action), 0);
    });
    this.on('keydown', (e) => {
      if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) this.keys++;
      if (isShortcutKey(e)) {
        e.preventDefault();
        e.stopPropagation();
        void this.host.nav.shortcut(this, this.host.nav.beginAction());
      } else if (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        if (this.host.nav.tab(this, e.shiftKey)) {
          e.preventDefault();
          e.stopPropagation();
        }
      } else if (e.key === 'Escape') {
        if (this.host.onEscape(this)) {
          e.preventDefault();
          e.stopPropagation();
        }
      }
    });
    this.on('mousemove', (e) => this.host.onHover(this, { x: e.clientX, y: e.clientY }), { passive: true });
    this.on('mouseleave', () => this.host.onHover(this, null), { passive: true });
    this.on('scroll', () => {
      this.painter?.reposition();
      this.host.onScroll(this);
    }, { passive: true });
    if (!this.isTextarea) {
      // Catches edits that fire no input event (the app inserting a macro, undo in some editors),
      // and tells the text map what changed.
      const mo = new MutationObserver((records) => {
        this.noteMutations(records);
        this.edited();
      });
      mo.observe(this.el, { childList: true, subtree: true, characterData: true });
      this.observer = mo;
      this.cleanups.push(() => mo.disconnect());
    }
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (win && 'ResizeObserver' in win) {
      const ro = new win.ResizeObserver(() => this.repaintLayout());
      ro.observe(this.el);
      this.cleanups.push(() => ro.disconnect());
    }
  }

  activate(): void {
    if (!this.active) {
      this.active = true;
      this.painter = this.host.makePainter(this);
      this.dirty = true;
      void this.analyze();
    }
    this.host.onFocus(this);
  }

  private edited(): void {
    if (!this.active) {
      this.activate();
      return;
    }
    this.dirty = true;
    this.generation++;
    this.painter?.markStale();
    this.host.onEdited(this);
    // One timer per typing stretch, not one per keystroke (a contenteditable's observer may
    // also report one keystroke in more than one batch).
    this.debounce.touch();
  }

  repositionMarks(): void {
    this.painter?.reposition();
  }

  /** The page may have switched theme: the underlines in the colours for the field's background now. */
  retone(): void {
    this.painter?.retone();
  }

  repaintLayout(): void {
    this.painter?.reposition();
    this.host.onLayout(this);
  }

  /**
   * Changes the observer has not delivered yet (an edit earlier in this same task). Taking
   * them means the observer's callback never sees them: they count as an edit here.
   */
  takePendingMutations(): void {
    const pending = this.observer?.takeRecords();
    if (!pending?.length) return;
    this.noteMutations(pending);
    this.edited();
  }

  private noteMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData' && r.target.nodeType === 3) this.changedTexts.add(r.target as Text);
      else this.reshaped = true;
    }
  }

  private currentText(): string {
    if (this.isTextarea) return (this.el as HTMLTextAreaElement).value;
    this.takePendingMutations();
    // Typing changes a text node's data: patch the map instead of walking the editor again.
    if (this.map && !this.reshaped && (this.changedTexts.size === 0 || this.map.patch(this.changedTexts))) {
      this.changedTexts.clear();
      return this.map.text;
    }
    this.map = extractText(this.el);
    this.reshaped = false;
    this.changedTexts.clear();
    return this.map.text;
  }

  /** Re-read the editor (also refreshes the DOM mapping). */
  readText(): string {
    this.text = this.currentText();
    return this.text;
  }

  get keysPressed(): number {
    return this.keys;
  }

  /** Counts edits: a caller that waited can tell whether the agent typed meanwhile. */
  get edits(): number {
    this.takePendingMutations();
    return this.generation;
  }

  /** Analyse now if anything changed since the last analysis (a click, the shortcut). */
  async flush(): Promise<void> {
    this.takePendingMutations();
    this.debounce.cancel();
    // An analysis that a newer one overtook leaves the field dirty: ask again (a few times at
    // most, in case the agent keeps typing), so callers act on findings for the current text.
    for (let i = 0; i < 4 && this.dirty && this.active; i++) await this.analyze();
  }

  /**
   * Reads the text and has the background engine analyse it. Callers that ask while the text
   * is unchanged (the debounce, a click, the shortcut, an applied rewrite) share one request;
   * `fresh` asks again anyway (the rules changed). A result that an edit overtook is dropped
   * (that edit's own analysis follows); so is one for a field that went away.
   */
  analyze(fresh = false): Promise<void> {
    if (!this.active) return Promise.resolve();
    this.takePendingMutations();
    if (!fresh && this.inflight?.gen === this.generation) return this.inflight.done;
    const gen = this.generation;
    const done = this.run(gen).finally(() => {
      if (this.inflight?.done === done) this.inflight = null;
    });
    this.inflight = { gen, done };
    return done;
  }

  private async run(gen: number): Promise<void> {
    const text = this.readText();
    const result = await this.host.engine().analyze(this.id, text);
    if (result === 'unreachable') {
      // No background to ask: maybe the extension was reloaded or removed under this page.
      this.host.onEngineUnreachable(this);
      return;
    }
    if (result === 'superseded' || gen !== this.generation || !this.active) return;
    this.dirty = false;
    if (result === this.applied) {
      // The same findings as before (the agent typed after the last one): nothing moved, only
      // the painter's view of the text (the textarea mirror) needs the new text.
      this.painter?.paint(this.painted(), this.activeFinding);
      return;
    }
    this.applied = result;
    this.all = result.findings.filter((f) => f.end <= text.length && text.slice(f.start, f.end) === f.text);
    this.tips = result.tips;
    this.warnings = result.warnings ?? [];
    this.refilter();
  }

  refilter(): void {
    this.findings = visibleFindings(this.all, this.host.filters(), this.dismissed);
    if (this.activeFinding && !this.findings.includes(this.activeFinding)) {
      const prev = this.activeFinding;
      this.activeFinding = this.findings.find((f) => f.ruleId === prev.ruleId && f.text === prev.text && f.start === prev.start) ?? null;
    }
    this.painter?.paint(this.painted(), this.activeFinding);
    this.host.onAnalyzed(this);
  }

  setActiveFinding(f: Finding | null): void {
    if (this.activeFinding === f) return;
    this.activeFinding = f;
    this.painter?.paint(this.painted(), f);
  }

  /** The findings underlined in the editor (panel-only categories left out). */
  painted(): Finding[] {
    const panelOnly = this.host.panelOnly();
    return panelOnly.size ? this.findings.filter((f) => !panelOnly.has(f.category)) : this.findings;
  }

  dismiss(f: Finding): void {
    this.dismissed.add(findingKey(f));
    this.refilter();
  }

  rects(f: Finding) {
    return this.painter?.rects(f) ?? [];
  }

  /** Whether the reply's text is drawn inside a box of the root viewport (where the badge would sit). */
  textIn(box: Box): boolean {
    return this.painter?.textIn(box) ?? false;
  }

  // ——— EditTarget ———

  focus(): void {
    this.el.focus({ preventScroll: true });
  }

  selection(): { start: number; end: number } | null {
    if (this.isTextarea) {
      const ta = this.el as HTMLTextAreaElement;
      return { start: ta.selectionStart, end: ta.selectionEnd };
    }
    if (!this.map) this.readText();
    return editableSelection(this.el, this.map!);
  }

  select(start: number, end: number): boolean {
    if (this.isTextarea) {
      (this.el as HTMLTextAreaElement).setSelectionRange(start, end);
      return true;
    }
    this.readText();
    return selectEditable(this.el, this.map!, start, end);
  }

  rangeFor(start: number, end: number): Range | null {
    if (this.isTextarea) return null;
    if (!this.map) this.readText();
    return this.map!.range(start, end);
  }

  /** The text on screen, as offsets (the highlights painter registers only what is near it). */
  visibleSpan(): Span | null {
    const map = this.map;
    if (!map) return { start: 0, end: this.text.length };
    return visibleSpan(this.el, (n, o) => map.offsetOf(n, o), map.text.length);
  }

  /** Whether a live range's boundaries are where the text map puts these offsets now (no string copies). */
  rangeSpans(r: Range, start: number, end: number): boolean {
    const map = this.map;
    if (!map) return false;
    const a = map.point(start, 'start');
    const b = map.point(end, end > start ? 'end' : 'start');
    return r.startContainer === a.node && r.startOffset === a.offset && r.endContainer === b.node && r.endOffset === b.offset;
  }

  staticRange(start: number, end: number): StaticRange | null {
    const r = this.rangeFor(start, end);
    if (!r) return null;
    const win = this.doc.defaultView as Window & typeof globalThis;
    return new win.StaticRange({ startContainer: r.startContainer, startOffset: r.startOffset, endContainer: r.endContainer, endOffset: r.endOffset });
  }

  dispose(): void {
    this.generation++;
    this.debounce.cancel();
    for (const c of this.cleanups.splice(0)) c();
    this.host.engine().forget(this.id);
    this.painter?.dispose();
    this.painter = null;
    this.active = false;
  }
}
