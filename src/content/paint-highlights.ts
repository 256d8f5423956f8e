/**
 * Contenteditable highlights with the CSS Custom Highlight API: one Highlight per category per
 * document, holding live Ranges; the editor DOM is never modified.
 */
import type { Category, Finding } from './findings';
import { ACTIVE_HIGHLIGHT, CATEGORY_IDS, highlightCss, highlightName } from './categories';
import { toRoot, type Box } from './geometry';
import { ensureSheet } from './sheets';
import type { Painter } from './painter';

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
  return `${f.category}\u0000${f.start}\u0000${f.end}`;
}

export class HighlightPainter implements Painter {
  private ranges = new Map<Finding, Range>();
  private active: Range | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly rangeFor: (start: number, end: number) => Range | null,
    /** Whether a live range still spans exactly these text offsets (the editor may have moved or replaced its nodes). */
    private readonly spans: (range: Range, start: number, end: number) => boolean,
    private readonly rootWin: Window,
  ) {}

  paint(findings: readonly Finding[], active: Finding | null): void {
    const doc = this.el.ownerDocument;
    ensureSheet(doc, highlightCss());
    const root = this.el.getRootNode();
    if (root instanceof (doc.defaultView as Window & typeof globalThis).ShadowRoot) ensureSheet(root, highlightCss());
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
      highlightFor(doc, highlightName(f.category)).add(r);
    }
    for (const [f, r] of this.ranges) {
      if (old.get(rangeKey(f)) !== r) continue;
      highlightFor(doc, highlightName(f.category as Category)).delete(r);
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
    for (const [f, r] of this.ranges) highlightFor(doc, highlightName(f.category as Category)).delete(r);
    if (this.active) highlightFor(doc, ACTIVE_HIGHLIGHT).delete(this.active);
    this.ranges.clear();
    this.active = null;
  }

  markStale(): void {
    // Live ranges follow the edit; nothing to do until the next analysis.
  }

  reposition(): void {}

  rects(f: Finding): Box[] {
    const r = this.ranges.get(f) ?? this.rangeFor(f.start, f.end);
    if (!r) return [];
    const win = this.el.ownerDocument.defaultView!;
    return Array.from(r.getClientRects()).map((b) => toRoot(b, win, this.rootWin));
  }

  dispose(): void {
    this.clear();
  }
}

export { CATEGORY_IDS };
