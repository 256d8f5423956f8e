/**
 * Textarea highlights: a mirror element in the overlay with the textarea's box, font and
 * wrapping; the text is transparent and flagged spans are underlined. The textarea is untouched.
 */
import type { Finding } from './findings';
import { toRoot, visibleBox, type Box } from './geometry';
import { textInBox } from './text-in-box';
import type { Painter } from './painter';
import { afterFrame } from './after-frame';
import { FieldTone, applyToneVars } from './field-tone';

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
  /** The text changed since the last paint: marks are out of place until the next one. */
  private stale = false;
  private fontKey = '';
  private measureQueued = false;
  private movedWhileStale = false;
  private styleCheckedAt = -Infinity;
  private nodes: Node[] = [];
  private kinds: string[] = [];
  private texts: string[] = [];
  /** The underline colours for the textarea's background, set on the mirror as custom properties. */
  private readonly tone: FieldTone;

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
    this.tone = new FieldTone(ta);
  }

  paint(findings: readonly Finding[], active: Finding | null): void {
    const doc = this.mirror.ownerDocument;
    const text = this.ta.value;
    // The mirror's children: text, mark, text, mark, …, text (a trailing zero-width space lets a
    // final newline take up its line). Typing changes one piece of text: update the nodes in
    // place when the structure is the same, so the mirror is not rebuilt on every analysis.
    const parts: Array<{ kind: string; text: string; f: Finding | null }> = [];
    let at = 0;
    for (const f of findings) {
      if (f.start < at || f.end > text.length) continue; // overlapping or stale
      if (f.start > at) parts.push({ kind: '', text: text.slice(at, f.start), f: null });
      parts.push({ kind: `${f.category}/${f.severity}${f === active ? '*' : ''}`, text: text.slice(f.start, f.end), f });
      at = f.end;
    }
    parts.push({ kind: '', text: text.slice(at) + '\u200b', f: null });
    this.spans.clear();
    const same = parts.length === this.nodes.length && parts.every((p, i) => p.kind === this.kinds[i]);
    if (same) {
      parts.forEach((p, i) => {
        const node = this.nodes[i]!;
        if (this.texts[i] !== p.text) {
          // Text nodes in place (reading textContent back would copy the whole reply).
          const t = (p.f ? node.firstChild : node) as Text | null;
          if (t) t.data = p.text;
          else node.textContent = p.text;
        }
        if (p.f) this.spans.set(p.f, node as HTMLElement);
      });
      this.texts = parts.map((p) => p.text);
    } else {
      const frag = doc.createDocumentFragment();
      this.nodes = parts.map((p) => {
        if (!p.f) return frag.appendChild(doc.createTextNode(p.text));
        const span = doc.createElement('span');
        span.setAttribute('data-tactful', 'mark');
        span.setAttribute('data-category', p.f.category);
        span.setAttribute('data-severity', p.f.severity);
        if (p.f === active) span.setAttribute('data-active', 'true');
        span.textContent = p.text;
        this.spans.set(p.f, span);
        return frag.appendChild(span);
      });
      this.kinds = parts.map((p) => p.kind);
      this.texts = parts.map((p) => p.text);
      this.mirror.replaceChildren(frag);
    }
    this.stale = false;
    // The mirror lays its own text out, so marks move with the text by themselves and show
    // again right away. Geometry is read only the first time, and when the textarea scrolled or
    // resized while the marks were hidden: after the frame that lays out the new text (reading layout
    // right after an edit would force a synchronous reflow of the textarea and the mirror).
    // Box and font changes come through reposition() (ResizeObserver, scroll events, and the
    // controller's check after the agent stops typing).
    if (this.fontKey && !this.movedWhileStale) {
      this.mirror.classList.remove('stale');
      return;
    }
    this.movedWhileStale = false;
    if (!this.measureQueued) {
      this.measureQueued = true;
      afterFrame(this.rootWin, () => {
        this.measureQueued = false;
        if (this.stale) return;
        if (!this.fontKey) this.measure(true);
        else this.syncScroll();
        this.mirror.classList.remove('stale');
      });
    }
  }

  retone(): void {
    if (this.tone.refresh(true)) applyToneVars(this.mirror, this.tone.tone);
  }

  markStale(): void {
    // Per keystroke: no layout reads or style writes here, and none until the next paint.
    if (this.stale) return;
    this.stale = true;
    this.mirror.classList.add('stale');
  }

  reposition(): void {
    // While stale the marks are hidden and paint() repositions; touching layout on every
    // keystroke (the textarea scrolls as it grows) would force a reflow of the mirror's text.
    if (this.stale) {
      this.movedWhileStale = true;
      return;
    }
    // Text metrics (32 computed properties) are compared at most once a second.
    const t = performance.now();
    const full = t - this.styleCheckedAt > 1000;
    if (full) this.styleCheckedAt = t;
    this.measure(full);
  }

  private syncScroll(): void {
    const ta = this.ta;
    if (this.mirror.scrollTop !== ta.scrollTop) this.mirror.scrollTop = ta.scrollTop;
    if (this.mirror.scrollLeft !== ta.scrollLeft) this.mirror.scrollLeft = ta.scrollLeft;
  }

  private measure(full: boolean): void {
    const ta = this.ta;
    const win = ta.ownerDocument.defaultView!;
    const cs = win.getComputedStyle(ta);
    const m = this.mirror.style as unknown as Record<string, string>;
    const csr = cs as unknown as Record<string, string>;
    // Copy the textarea's text metrics after each analysis (or the first time), and only
    // write them when they changed (style writes invalidate the mirror's layout).
    const fontKey = full || !this.fontKey ? COPIED.map((prop) => csr[prop] ?? '').join('|') : this.fontKey;
    // The background is read with the text metrics: the first time, then at most once a second.
    if ((full || !this.fontKey) && this.tone.refresh(!this.fontKey)) applyToneVars(this.mirror, this.tone.tone);
    if (fontKey !== this.fontKey) {
      this.fontKey = fontKey;
      for (const prop of COPIED) m[prop] = csr[prop] ?? '';
      m.whiteSpace = 'pre-wrap';
    }
    const box = toRoot(ta.getBoundingClientRect(), win, this.rootWin);
    setIfChanged(m, 'left', `${box.left}px`);
    setIfChanged(m, 'top', `${box.top}px`);
    setIfChanged(m, 'width', `${box.width}px`);
    setIfChanged(m, 'height', `${box.height}px`);
    setIfChanged(m, 'boxSizing', 'border-box');
    // Scrollbar: the textarea's content box is narrower than its border box minus borders.
    const bl = parseFloat(cs.borderLeftWidth) || 0;
    const br = parseFloat(cs.borderRightWidth) || 0;
    const scrollbar = Math.max(0, ta.offsetWidth - ta.clientWidth - bl - br);
    setIfChanged(m, 'paddingRight', `${(parseFloat(cs.paddingRight) || 0) + scrollbar}px`);
    // Inside scrolling containers only the visible part of the textarea gets marks.
    const visible = box.width > 0 && box.height > 0 ? visibleBox(ta, this.rootWin, box) : null;
    setIfChanged(m, 'display', visible ? 'block' : 'none');
    if (visible) {
      const t = visible.top - box.top;
      const l = visible.left - box.left;
      const b = box.top + box.height - (visible.top + visible.height);
      const r = box.left + box.width - (visible.left + visible.width);
      setIfChanged(m, 'clipPath', t > 0.5 || l > 0.5 || b > 0.5 || r > 0.5 ? `inset(${t}px ${r}px ${b}px ${l}px)` : '');
    }
    this.syncScroll();
  }

  rects(f: Finding): Box[] {
    if (this.stale) return [];
    const span = this.spans.get(f);
    if (!span) return [];
    const clip = this.mirror.getBoundingClientRect();
    return Array.from(span.getClientRects())
      .filter((r) => r.bottom > clip.top && r.top < clip.bottom)
      .map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
  }

  /** The mirror lays the text out as the textarea does, in the root viewport. */
  textIn(box: Box): boolean {
    return !this.stale && textInBox(this.mirror, box, { x: 0, y: 0 });
  }

  dispose(): void {
    this.mirror.remove();
  }
}

function setIfChanged(style: Record<string, string>, prop: string, value: string): void {
  if (style[prop] !== value) style[prop] = value;
}
