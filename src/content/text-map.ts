/**
 * Editor DOM → plain string, with a mapping from string offsets (UTF-16, as the engine
 * uses) back to DOM boundary points and from DOM points to offsets.
 * Blocks and <br> become "\n"; inline formatting is transparent; emoji images become
 * their alt text; quoted mail and non-content elements are left out.
 */

export interface DomPoint {
  node: Node;
  offset: number;
}

interface TextSeg {
  kind: 'text';
  start: number;
  end: number;
  node: Text;
}

interface AtomSeg {
  kind: 'atom';
  start: number;
  end: number;
  /** DOM node the atom stands for (br, img) or the node that follows a synthetic break. */
  anchor: Node;
  before: DomPoint;
  after: DomPoint;
}

type Seg = TextSeg | AtomSeg;

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD',
  'TR', 'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'TEXTAREA', 'SELECT', 'OBJECT']);
/** Quoted mail and signatures are the customer's words or boilerplate, not the reply. */
const SKIP_SELECTOR =
  'blockquote[type="cite"], .gmail_quote, .gmail_signature, .moz-cite-prefix, [data-marker="__QUOTED_TEXT__"], #divRplyFwdMsg, [data-tactful-skip]';

const isBlock = (el: Element) => BLOCK_TAGS.has(el.tagName);

function pointBefore(node: Node): DomPoint {
  const parent = node.parentNode!;
  return { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, node) as number };
}
function pointAfter(node: Node): DomPoint {
  const p = pointBefore(node);
  return { node: p.node, offset: p.offset + 1 };
}

/** A <br> that only keeps an empty or last line open (trailing in its block) adds no line. */
function isTrailingBreak(br: Element, root: Node): boolean {
  if (br.classList.contains('ProseMirror-trailingBreak')) return true;
  let n: Node | null = br;
  // walk up while br is the last meaningful child of inline ancestors
  while (n && n !== root) {
    let next = n.nextSibling;
    while (next && next.nodeType === 3 && (next as Text).data === '') next = next.nextSibling;
    if (next) return false;
    const parent: Node | null = n.parentNode;
    if (!parent) return false;
    if (parent === root || (parent.nodeType === 1 && isBlock(parent as Element))) return true;
    n = parent;
  }
  return true;
}

/** Whitespace-only text with a line break is source formatting, not content (unless white-space preserves it). */
const isFormattingWhitespace = (data: string) => /^[ \t\r\n]*$/.test(data) && /[\r\n]/.test(data);

export class TextMap {
  private index: Map<Text, number> | null = null;

  constructor(
    private current: string,
    private readonly segs: Seg[],
    private readonly root: Node,
  ) {}

  get text(): string {
    return this.current;
  }

  /**
   * Brings the map up to date after edits that only changed the data of text nodes it already
   * holds (what typing does in most editors), without walking the editor DOM again. Returns
   * false when that is not the case (a node it does not know, a node that emptied): then the
   * caller extracts the text afresh.
   */
  patch(changed: ReadonlySet<Text>): boolean {
    if (!this.index) {
      this.index = new Map();
      this.segs.forEach((seg, i) => {
        if (seg.kind === 'text') this.index!.set(seg.node, i);
      });
    }
    const hits: number[] = [];
    for (const node of changed) {
      const i = this.index.get(node);
      if (i === undefined || node.data.length === 0 || isFormattingWhitespace(node.data)) return false;
      hits.push(i);
    }
    hits.sort((a, b) => a - b);
    let out = '';
    let copied = 0;
    let shift = 0;
    let h = 0;
    for (let i = 0; i < this.segs.length; i++) {
      const seg = this.segs[i]!;
      if (hits[h] === i && seg.kind === 'text') {
        h++;
        const data = seg.node.data.replace(/\u00a0/g, ' ');
        out += this.current.slice(copied, seg.start) + data;
        copied = seg.end;
        const start = seg.start + shift;
        shift += data.length - (seg.end - seg.start);
        seg.start = start;
        seg.end = start + data.length;
      } else if (shift !== 0) {
        seg.start += shift;
        seg.end += shift;
      }
    }
    this.current = out + this.current.slice(copied);
    return true;
  }

  /** DOM point for a string offset. bias 'start' prefers the following text, 'end' the preceding. */
  point(offset: number, bias: 'start' | 'end'): DomPoint {
    const segs = this.segs;
    if (segs.length === 0) return { node: this.root, offset: 0 };
    if (bias === 'start') {
      // First segment with offset < end (segments are in order): binary search, so painting
      // many findings in a long reply is not quadratic.
      let lo = 0;
      let hi = segs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (segs[mid]!.end > offset) hi = mid;
        else lo = mid + 1;
      }
      for (let i = Math.max(0, lo - 1); i < segs.length; i++) {
        const s = segs[i]!;
        if (offset < s.end || (offset === s.end && s === segs[segs.length - 1])) {
          if (s.kind === 'text') return { node: s.node, offset: Math.max(0, offset - s.start) };
          return offset <= s.start ? s.before : s.after;
        }
      }
    } else {
      // Last segment with start < offset.
      let lo = 0;
      let hi = segs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segs[mid]!.start < offset) lo = mid;
        else hi = mid - 1;
      }
      for (let i = Math.min(segs.length - 1, lo + 1); i >= 0; i--) {
        const s = segs[i]!;
        if (offset > s.start || (offset === s.start && i === 0)) {
          if (s.kind === 'text') return { node: s.node, offset: Math.min(s.end, offset) - s.start };
          return offset >= s.end ? s.after : s.before;
        }
      }
    }
    const last = segs[segs.length - 1]!;
    return last.kind === 'text' ? { node: last.node, offset: last.end - last.start } : last.after;
  }

  range(start: number, end: number): Range | null {
    const doc = this.root.ownerDocument ?? (this.root as Document);
    try {
      const a = this.point(start, 'start');
      const b = this.point(end, end > start ? 'end' : 'start');
      const r = doc.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      return r;
    } catch {
      return null;
    }
  }

  /** String offset of a DOM boundary point inside the root, or null when outside. */
  offsetOf(node: Node, offset: number): number | null {
    if (node !== this.root && !this.root.contains(node)) return null;
    if (node.nodeType === 3) {
      for (const s of this.segs) {
        if (s.kind === 'text' && s.node === node) return s.start + Math.min(offset, s.end - s.start);
      }
    }
    // Element point (or a text node we skipped): first segment at or after the point.
    const doc = this.root.ownerDocument ?? (this.root as Document);
    const probe = doc.createRange();
    try {
      probe.setStart(node, Math.min(offset, node.nodeType === 3 ? (node as Text).length : node.childNodes.length));
    } catch {
      return null;
    }
    for (const s of this.segs) {
      const n = s.kind === 'text' ? s.node : s.anchor;
      let cmp: number;
      try {
        cmp = probe.comparePoint(n, 0);
      } catch {
        continue;
      }
      if (cmp >= 0) return s.start;
    }
    return this.text.length;
  }
}

/** Extract the text of a contenteditable root. */
export function extractText(root: HTMLElement): TextMap {
  const parts: string[] = [];
  const segs: Seg[] = [];
  let len = 0;
  let pendingBreaks = 0;

  const flushBreaks = (before: Node) => {
    if (pendingBreaks > 0 && len > 0) {
      const s = '\n'.repeat(pendingBreaks);
      const p = before.nodeType === 3 ? { node: before, offset: 0 } : pointBefore(before);
      segs.push({ kind: 'atom', start: len, end: len + s.length, anchor: before, before: p, after: p });
      parts.push(s);
      len += s.length;
    }
    pendingBreaks = 0;
  };
  const emitAtom = (node: Node, s: string) => {
    flushBreaks(node);
    segs.push({ kind: 'atom', start: len, end: len + s.length, anchor: node, before: pointBefore(node), after: pointAfter(node) });
    parts.push(s);
    len += s.length;
  };

  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const t = node as Text;
      const data = t.data;
      if (data.length === 0) return;
      if (isFormattingWhitespace(data) && !preservesWhitespace(t)) return;
      flushBreaks(t);
      segs.push({ kind: 'text', start: len, end: len + data.length, node: t });
      parts.push(data.replace(/\u00a0/g, ' '));
      len += data.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName)) return;
    if (el.tagName === 'TACTFUL-OVERLAY') return;
    const block = isBlock(el);
    if (el !== root && el.matches(SKIP_SELECTOR)) {
      if (block && len > 0) pendingBreaks = Math.max(pendingBreaks, 1);
      return;
    }
    if (el.tagName === 'BR') {
      if (!isTrailingBreak(el, root)) {
        flushBreaks(el);
        emitAtom(el, '\n');
      } else if (len > 0 && pendingBreaks > 0 && isEmptyBlockPlaceholder(el, root)) {
        // an empty paragraph (<p><br></p>) still counts as a line
        pendingBreaks += 1;
      }
      return;
    }
    if (el.tagName === 'IMG') {
      const alt = (el as HTMLImageElement).alt;
      if (alt && alt.length <= 16) emitAtom(el, alt);
      return;
    }
    if (block && el !== root && len > 0) pendingBreaks = Math.max(pendingBreaks, 1);
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
    if (block && el !== root && len > 0) pendingBreaks = Math.max(pendingBreaks, 1);
  };
  visit(root);
  return new TextMap(parts.join(''), segs, root);
}

function isEmptyBlockPlaceholder(br: Element, root: Node): boolean {
  const parent = br.parentNode;
  return !!parent && parent !== root && parent.childNodes.length === 1;
}

function preservesWhitespace(t: Text): boolean {
  const parent = t.parentElement;
  if (!parent) return false;
  const view = parent.ownerDocument.defaultView;
  const ws = view ? view.getComputedStyle(parent).whiteSpace : '';
  return ws.startsWith('pre') || ws === 'break-spaces';
}
