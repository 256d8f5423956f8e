/** One watched reply field: reading its text, debounced analysis, painting, selection. */
import { engineReady, findingKey, newAnalyzer, visibleFindings, warmEngine, type FieldAnalyzer, type Filters, type Finding, type Tip } from './analyzer';
import { SLICE_MS, nextTask, now, splitPieces } from './slices';
import type { EditTarget } from './apply';
import { detectFamily, type Family } from './family';
import { extractText, type TextMap } from './text-map';
import { editableSelection, selectEditable } from './selection';
import type { Painter } from './painter';

export const DEBOUNCE_MS = 100;
/** Texts longer than this (a pasted thread) are analysed in time slices; shorter ones in one go. */
export const SLICED_CHARS = 4000;
/** Size of one piece of sliced analysis (a few sentences; well under a slice of engine time). */
const PIECE_CHARS = 600;

export interface FieldHost {
  filters(): Filters;
  makePainter(field: Field): Painter;
  onAnalyzed(field: Field): void;
  onEdited(field: Field): void;
  onClick(field: Field): void;
  onShortcut(field: Field): void;
  onEscape(field: Field): boolean;
  onFocus(field: Field): void;
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
  text = '';
  private map: TextMap | null = null;
  all: Finding[] = [];
  findings: Finding[] = [];
  tips: Tip[] = [];
  active = false;
  activeFinding: Finding | null = null;
  private readonly dismissed = new Set<string>();
  private analyzer: FieldAnalyzer | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = true;
  /** Bumped by every edit and every analysis: a sliced analysis in flight stops when it changes. */
  private generation = 0;
  /** The text of the last analysis (what the engine's cache holds). */
  private analyzedText = '';
  private lastEdit = 0;
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
    this.on('input', () => this.edited());
    this.on('click', () => setTimeout(() => this.host.onClick(this), 0));
    this.on('keydown', (e) => {
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyT') {
        e.preventDefault();
        e.stopPropagation();
        this.host.onShortcut(this);
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
      // Catches edits that fire no input event (the app inserting a macro, undo in some editors).
      const mo = new MutationObserver(() => this.edited());
      mo.observe(this.el, { childList: true, subtree: true, characterData: true });
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
      this.analyzer = newAnalyzer();
      this.painter = this.host.makePainter(this);
      this.dirty = true;
      void this.analyzeSoon();
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
    // One timer per quiet period rather than a new one per keystroke (an editor reports each
    // keystroke twice, as input and as a DOM mutation): when it fires early it waits the rest.
    this.lastEdit = performance.now();
    if (this.timer === null) this.armTimer(DEBOUNCE_MS);
  }

  private armTimer(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const quiet = performance.now() - this.lastEdit;
      if (quiet < DEBOUNCE_MS - 1) {
        this.armTimer(DEBOUNCE_MS - quiet);
        return;
      }
      void this.analyzeSoon();
    }, ms);
  }

  repositionMarks(): void {
    this.painter?.reposition();
  }

  repaintLayout(): void {
    this.painter?.reposition();
    this.host.onLayout(this);
  }

  private currentText(): string {
    if (this.isTextarea) return (this.el as HTMLTextAreaElement).value;
    this.map = extractText(this.el);
    return this.map.text;
  }

  /** Re-read the editor (also refreshes the DOM mapping). */
  readText(): string {
    this.text = this.currentText();
    return this.text;
  }

  /** Analyse now if anything changed since the last analysis. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.dirty) this.analyzeNow();
  }

  /** Analyse now, synchronously (a click, the shortcut, after applying a suggestion). */
  analyzeNow(): void {
    if (!this.active || !this.analyzer) return;
    this.generation++;
    this.finish(this.readText());
  }

  /**
   * Analyse without blocking the page: waits for the engine's sliced warm-up, and analyses a
   * long text (a pasted thread) a few sentences at a time, at most SLICE_MS per task, filling
   * the engine's per-sentence cache; the final whole-text pass then only reuses that work.
   * An edit in between cancels it (the next debounce starts over on the new text).
   */
  async analyzeSoon(): Promise<void> {
    if (!this.active || !this.analyzer) return;
    const gen = ++this.generation;
    const win = this.doc.defaultView ?? window;
    const live = () => gen === this.generation && this.active;
    if (!engineReady()) {
      await warmEngine(win);
      if (!live()) return;
    }
    let t0 = now();
    const text = this.readText();
    const changed = changedRegion(this.analyzedText, text);
    if (text.length > SLICED_CHARS && changed.end - changed.start > PIECE_CHARS) {
      const analyzer = this.analyzer;
      let at = 0;
      for (const piece of splitPieces(text, PIECE_CHARS)) {
        const start = at;
        at += piece.length;
        // Unchanged text is in the engine's cache already.
        if (at < changed.start - PIECE_CHARS || start > changed.end + PIECE_CHARS) continue;
        if (now() - t0 > SLICE_MS / 2) {
          await nextTask(win);
          if (!live()) return;
          t0 = now();
        }
        analyzer.analyze(piece);
      }
      await nextTask(win);
      if (!live()) return;
    }
    this.finish(text);
  }

  private finish(text: string): void {
    if (!this.analyzer) return;
    this.dirty = false;
    this.analyzedText = text;
    const result = this.analyzer.analyze(text);
    this.all = result.findings.filter((f) => f.end <= text.length && text.slice(f.start, f.end) === f.text);
    this.tips = result.tips;
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

  staticRange(start: number, end: number): StaticRange | null {
    const r = this.rangeFor(start, end);
    if (!r) return null;
    const win = this.doc.defaultView as Window & typeof globalThis;
    return new win.StaticRange({ startContainer: r.startContainer, startOffset: r.startOffset, endContainer: r.endContainer, endOffset: r.endOffset });
  }

  dispose(): void {
    this.generation++;
    if (this.timer !== null) clearTimeout(this.timer);
    for (const c of this.cleanups.splice(0)) c();
    this.painter?.dispose();
    this.painter = null;
    this.active = false;
  }
}

/** The span of `next` that differs from `prev` (common prefix and suffix removed). */
export function changedRegion(prev: string, next: string): { start: number; end: number } {
  const max = Math.min(prev.length, next.length);
  let start = 0;
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  return { start, end: next.length - end };
}
