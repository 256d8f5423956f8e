/**
 * Textarea highlights: a mirror element in the overlay with the textarea's box, font and
 * wrapping; the text is transparent and flagged spans are underlined. The textarea is untouched.
 */
import type { Finding } from './analyzer';
import { toRoot, visibleBox, type Box } from './geometry';
import type { Painter } from './painter';

const COPIED = [
  'boxSizing', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
  'fontKerning', 'fontFeatureSettings', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent',
  'textTransform', 'textAlign', 'direction', 'tabSize', 'wordBreak', 'overflowWrap', 'whiteSpace',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'borderTopStyle', 'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle',
] as const;

export class MirrorPainter implements Painter {
  private mirror: HTMLElement;
  private spans = new Map<Finding, HTMLElement>();

  constructor(
    private readonly ta: HTMLTextAreaElement,
    private readonly rootWin: Window,
    container: HTMLElement,
  ) {
    this.mirror = container.ownerDocument.createElement('div');
    this.mirror.className = 'mirror';
    this.mirror.setAttribute('data-tactful', 'mirror');
    this.mirror.setAttribute('aria-hidden', 'true');
    container.appendChild(this.mirror);
  }

  paint(findings: readonly Finding[], active: Finding | null): void {
    const doc = this.mirror.ownerDocument;
    const text = this.ta.value;
    const frag = doc.createDocumentFragment();
    this.spans.clear();
    let at = 0;
    for (const f of findings) {
      if (f.start < at || f.end > text.length) continue; // overlapping or stale
      if (f.start > at) frag.appendChild(doc.createTextNode(text.slice(at, f.start)));
      const span = doc.createElement('span');
      span.setAttribute('data-tactful', 'mark');
      span.setAttribute('data-category', f.category);
      if (f === active) span.setAttribute('data-active', 'true');
      span.textContent = text.slice(f.start, f.end);
      frag.appendChild(span);
      this.spans.set(f, span);
      at = f.end;
    }
    // A trailing newline needs a character after it to take up a line.
    frag.appendChild(doc.createTextNode(text.slice(at) + '\u200b'));
    this.mirror.replaceChildren(frag);
    this.mirror.classList.remove('stale');
    this.reposition();
  }

  markStale(): void {
    this.mirror.classList.add('stale');
  }

  reposition(): void {
    const ta = this.ta;
    const win = ta.ownerDocument.defaultView!;
    const cs = win.getComputedStyle(ta);
    const m = this.mirror.style as unknown as Record<string, string>;
    for (const prop of COPIED) m[prop] = (cs as unknown as Record<string, string>)[prop] ?? '';
    m.whiteSpace = 'pre-wrap';
    const box = toRoot(ta.getBoundingClientRect(), win, this.rootWin);
    m.left = `${box.left}px`;
    m.top = `${box.top}px`;
    m.width = `${box.width}px`;
    m.height = `${box.height}px`;
    m.boxSizing = 'border-box';
    // Scrollbar: the textarea's content box is narrower than its border box minus borders.
    const bl = parseFloat(cs.borderLeftWidth) || 0;
    const br = parseFloat(cs.borderRightWidth) || 0;
    const scrollbar = Math.max(0, ta.offsetWidth - ta.clientWidth - bl - br);
    m.paddingRight = `${(parseFloat(cs.paddingRight) || 0) + scrollbar}px`;
    // Inside scrolling containers only the visible part of the textarea gets marks.
    const visible = box.width > 0 && box.height > 0 ? visibleBox(ta, this.rootWin, box) : null;
    m.display = visible ? 'block' : 'none';
    if (visible) {
      const t = visible.top - box.top;
      const l = visible.left - box.left;
      const b = box.top + box.height - (visible.top + visible.height);
      const r = box.left + box.width - (visible.left + visible.width);
      m.clipPath = t > 0.5 || l > 0.5 || b > 0.5 || r > 0.5 ? `inset(${t}px ${r}px ${b}px ${l}px)` : '';
    }
    this.mirror.scrollTop = ta.scrollTop;
    this.mirror.scrollLeft = ta.scrollLeft;
  }

  rects(f: Finding): Box[] {
    const span = this.spans.get(f);
    if (!span) return [];
    const clip = this.mirror.getBoundingClientRect();
    return Array.from(span.getClientRects())
      .filter((r) => r.bottom > clip.top && r.top < clip.bottom)
      .map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
  }

  dispose(): void {
    this.mirror.remove();
  }
}
