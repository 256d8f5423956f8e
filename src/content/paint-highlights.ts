/**
 * Contenteditable highlights with the CSS Custom Highlight API: one Highlight per category and
 * severity per document (and per underline tone: a dark field's lines have colours of their
 * own), holding live Ranges; the editor DOM is never modified.
 */
import type { Category, Finding } from './findings';
import { CATEGORY_IDS } from './categories';
import { ACTIVE_HIGHLIGHT, highlightCss, highlightName } from './highlight-css';
import { FieldTone } from './field-tone';
import { frameOffset, toRoot, type Box } from './geometry';
import { textInBox } from './text-in-box';
import { ensureSheet } from './sheets';
import { afterFrame } from './after-frame';
import type { Painter } from './painter';
import type { Span } from './visible-span';

/**
 * Up to this many findings every one is registered, with no geometry read at all; above it only
 * those within WINDOW_SLACK characters of the visible text (plus the active one).
 */
const CULL_ABOVE = 24;
const WINDOW_SLACK = 800;

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

interface DocRegistry {
  byName: Map<string, Highlight>;
}
const registries = new WeakMap<Document, DocRegistry>();

export function highlightsSupported(win: Window): boolean {
  const w = win as Window & typeof globalThis & { Highlight?: HighlightCtor };
  return typeof w.Highlight === 'function' && typeof w.CSS !== 'undefined' && 'highlights' in w.CSS;
}

function registry(doc: Document): DocRegistry {
  let reg = registries.get(doc);
  if (!reg) {
    reg = { byName: new Map() };
    registries.set(doc, reg);
  }
  return reg;
}

function highlightFor(doc: Document, name: string): Highlight {
  const win = doc.defaultView as Window & typeof globalThis & { Highlight: HighlightCtor };
  const reg = registry(doc);
  let h = reg.byName.get(name);
  // Re-register if the page cleared the registry.
  if (!h || win.CSS.highlights.get(name) !== h) {
    h = h ?? new win.Highlight();
    if (name === ACTIVE_HIGHLIGHT) h.priority = 1;
    win.CSS.highlights.set(name, h);
    reg.byName.set(name, h);
  }
  return h;
}

function rangeKey(f: Finding): string {
  return `${f.category}\u0000${f.severity}\u0000${f.start}\u0000${f.end}`;
}

export class HighlightPainter implements Painter {
  private ranges = new Map<Finding, Range>();
  private active: Range | null = null;
  /** What the last paint was asked to show, for a repaint when the agent scrolls. */
  private last: { findings: readonly Finding[]; active: Finding | null } | null = null;
  /** Offsets whose findings are registered; null when all are. */
  private window: Span | null = null;
  /** The text changed since the last paint: offsets are not to be trusted until the next one. */
  private stale = false;
  private checkQueued = false;
  /** The field's underline colours, and the tone the registered ranges are named after (null: none yet). */
  private readonly tone: FieldTone;
  private paintedTone: string | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly rangeFor: (start: number, end: number) => Range | null,
    /** Whether a live range still spans exactly these text offsets (the editor may have moved or replaced its nodes). */
    private readonly spans: (range: Range, start: number, end: number) => boolean,
    private readonly rootWin: Window,
    /** The text on screen (null: none of the field is). */
    private readonly visible: () => Span | null,
  ) {
    this.tone = new FieldTone(el);
  }

  paint(findings: readonly Finding[], active: Finding | null): void {
    this.last = { findings, active };
    this.stale = false;
    if (findings.length > CULL_ABOVE) {
      // The window from before, checked once the next frame is laid out (reading geometry
      // here, right after an analysis while the agent types, would force a reflow).
      if (this.window) this.checkAfterFrame();
      else this.window = this.windowNow();
      const w = this.window;
      findings = findings.filter((f) => f === active || (f.end >= w.start && f.start <= w.end));
    } else {
      this.window = null;
    }
    this.register(findings, active);
  }

  private windowNow(): Span {
    const v = this.visible();
    return v ? { start: v.start - WINDOW_SLACK, end: v.end + WINDOW_SLACK } : { start: 0, end: -1 };
  }

  private checkAfterFrame(): void {
    if (this.checkQueued) return;
    this.checkQueued = true;
    afterFrame(this.el.ownerDocument.defaultView ?? this.rootWin, () => {
      this.checkQueued = false;
      this.reposition();
    });
  }

  private register(findings: readonly Finding[], active: Finding | null): void {
    const doc = this.el.ownerDocument;
    if (this.paintedTone === null) this.tone.refresh(true);
    const tone = this.tone.tone;
    // Another tone (the page switched theme): its highlights start empty.
    if (this.paintedTone !== null && this.paintedTone !== tone.key) this.clear();
    this.paintedTone = tone.key;
    const css = highlightCss(tone);
    ensureSheet(doc, css, `highlights:${tone.key}`);
    const root = this.el.getRootNode();
    if (root instanceof (doc.defaultView as Window & typeof globalThis).ShadowRoot) ensureSheet(root, css, `highlights:${tone.key}`);
    // Reuse live ranges of unchanged findings so typing at one place does not churn every highlight.
    const old = new Map<string, Range>();
    for (const [f, r] of this.ranges) old.set(rangeKey(f), r);
    const next = new Map<Finding, Range>();
    for (const f of findings) {
      const key = rangeKey(f);
      const prev = old.get(key);
      if (prev && !prev.collapsed && this.spans(prev, f.start, f.end)) {
        old.delete(key);
        next.set(f, prev);
        continue;
      }
      const r = this.rangeFor(f.start, f.end);
      if (!r) continue;
      next.set(f, r);
      highlightFor(doc, highlightName(f.category, f.severity, tone.key)).add(r);
    }
    for (const [f, r] of this.ranges) {
      if (old.get(rangeKey(f)) !== r) continue;
      highlightFor(doc, highlightName(f.category as Category, f.severity, tone.key)).delete(r);
    }
    this.ranges = next;
    if (this.active) highlightFor(doc, ACTIVE_HIGHLIGHT).delete(this.active);
    this.active = null;
    if (active) {
      const r = next.get(active);
      if (r) {
        this.active = r;
        highlightFor(doc, ACTIVE_HIGHLIGHT).add(r);
      }
    }
  }

  private clear(): void {
    const doc = this.el.ownerDocument;
    const key = this.paintedTone ?? '';
    for (const [f, r] of this.ranges) highlightFor(doc, highlightName(f.category as Category, f.severity, key)).delete(r);
    if (this.active) highlightFor(doc, ACTIVE_HIGHLIGHT).delete(this.active);
    this.ranges.clear();
    this.active = null;
  }

  markStale(): void {
    // Live ranges follow the edit; only the scroll repaint must wait for the next analysis.
    this.stale = true;
  }

  reposition(): void {
    // The field's background changed (read at most once a second): the lines in their new colours.
    if (this.paintedTone !== null && !this.stale && this.last && this.tone.refresh()) {
      this.window = null;
      this.paint(this.last.findings, this.last.active);
      return;
    }
    // Scrolled or resized: when the text now on screen leaves the registered window (less the
    // part of the slack kept as a margin), register the findings around it.
    if (!this.window || !this.last || this.stale) return;
    const v = this.visible();
    const w = this.window;
    const margin = WINDOW_SLACK / 2;
    if (v ? v.start - margin >= w.start && v.end + margin <= w.end : w.end < w.start) return;
    this.window = null;
    this.paint(this.last.findings, this.last.active);
  }

  retone(): void {
    if (!this.tone.refresh(true) || this.paintedTone === null || !this.last) return;
    // While the text is stale the next analysis paints, in the new tone (register() sees the change).
    if (this.stale) return;
    this.window = null;
    this.paint(this.last.findings, this.last.active);
  }

  rects(f: Finding): Box[] {
    const r = this.ranges.get(f) ?? this.rangeFor(f.start, f.end);
    if (!r) return [];
    const win = this.el.ownerDocument.defaultView!;
    return Array.from(r.getClientRects()).map((b) => toRoot(b, win, this.rootWin));
  }

  textIn(box: Box): boolean {
    const win = this.el.ownerDocument.defaultView!;
    return textInBox(this.el, box, frameOffset(win, this.rootWin));
  }

  dispose(): void {
    this.last = null;
    this.window = null;
    this.clear();
  }
}

export { CATEGORY_IDS };
