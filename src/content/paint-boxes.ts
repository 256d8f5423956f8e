/** Overlay fallback for contenteditable (no CSS Custom Highlight API, or forced): boxes under each range. */
import type { Finding } from './findings';
import { frameOffset, toRoot, visibleBox, visibleIn, type Box } from './geometry';
import { textInBox } from './text-in-box';
import type { Painter } from './painter';
import { FieldTone, applyToneVars } from './field-tone';

export class BoxPainter implements Painter {
  private layer: HTMLElement;
  private findings: readonly Finding[] = [];
  private active: Finding | null = null;
  private ranges = new Map<Finding, Range>();
  /** The underline colours for the field's background, set on the mark layer as custom properties. */
  private readonly tone: FieldTone;

  constructor(
    private readonly el: HTMLElement,
    private readonly rangeFor: (start: number, end: number) => Range | null,
    private readonly rootWin: Window,
    container: HTMLElement,
  ) {
    this.layer = container.ownerDocument.createElement('div');
    this.layer.className = 'layer';
    this.layer.setAttribute('data-tactful', 'marks');
    container.appendChild(this.layer);
    this.tone = new FieldTone(el);
  }

  paint(findings: readonly Finding[], active: Finding | null): void {
    this.findings = findings;
    this.active = active;
    this.ranges.clear();
    for (const f of findings) {
      const r = this.rangeFor(f.start, f.end);
      if (r) this.ranges.set(f, r);
    }
    this.reposition();
  }

  retone(): void {
    if (this.tone.refresh(true)) applyToneVars(this.layer, this.tone.tone);
  }

  markStale(): void {
    // Hide until the next analysis instead of measuring ranges on every keystroke.
    this.findings = [];
    this.layer.replaceChildren();
  }

  reposition(): void {
    if (this.findings.length === 0) {
      // Nothing to place (or stale while typing): no layout reads.
      if (this.layer.firstChild) this.layer.replaceChildren();
      return;
    }
    const doc = this.layer.ownerDocument;
    const win = this.el.ownerDocument.defaultView!;
    if (this.tone.refresh()) applyToneVars(this.layer, this.tone.tone);
    const clip = visibleBox(this.el, this.rootWin, toRoot(this.el.getBoundingClientRect(), win, this.rootWin));
    if (!clip) {
      this.layer.replaceChildren();
      return;
    }
    const frag = doc.createDocumentFragment();
    for (const f of this.findings) {
      let part = 0;
      for (const box of this.rects(f)) {
        const v = visibleIn(box, clip);
        if (!v) continue;
        const m = doc.createElement('div');
        m.className = 'box-mark';
        m.setAttribute('data-tactful', 'mark');
        m.setAttribute('data-category', f.category);
        m.setAttribute('data-severity', f.severity);
        if (part++ > 0) m.setAttribute('data-part', String(part - 1));
        if (f === this.active) m.setAttribute('data-active', 'true');
        m.style.left = `${v.left}px`;
        m.style.top = `${v.top}px`;
        m.style.width = `${v.width}px`;
        m.style.height = `${v.height}px`;
        frag.appendChild(m);
      }
    }
    this.layer.replaceChildren(frag);
  }

  rects(f: Finding): Box[] {
    const r = this.ranges.get(f);
    if (!r) return [];
    const win = this.el.ownerDocument.defaultView!;
    return Array.from(r.getClientRects())
      .filter((b) => b.width > 0 || b.height > 0)
      .map((b) => toRoot(b, win, this.rootWin));
  }

  textIn(box: Box): boolean {
    const win = this.el.ownerDocument.defaultView!;
    return textInBox(this.el, box, frameOffset(win, this.rootWin));
  }

  dispose(): void {
    this.layer.remove();
  }
}
