/**
 * Reads that run inside a test page (self-contained functions, passed to Playwright's or
 * Puppeteer's `page.evaluate`): the same probe for the Chromium and the Firefox suites.
 */

/** Texts under Tactful's marks, sorted: CSS highlight ranges, or the textarea mirror's marks (when not stale). */
export function markedTextsInPage(): string[] {
  const out: string[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!String(name).startsWith('tactful-') || name === 'tactful-active') continue;
    for (const r of h as Highlight) out.push((r as Range).toString());
  }
  const root = document.querySelector('tactful-overlay')?.shadowRoot;
  if (root?.querySelector('.mirror:not(.stale)')) {
    for (const m of root.querySelectorAll('.mirror [data-tactful="mark"]')) out.push(m.textContent ?? '');
  }
  return out.map((t) => t.replace(/\u00a0/g, ' ')).sort();
}

/**
 * Where on screen the findings that intersect the viewport are (computed from the engine's
 * offsets over the editor's text nodes), and where the highlighted ranges that do are: equal
 * lists mean every finding on screen is underlined and nothing else is.
 */
export function findingsOnScreenInPage({ selector, findings }: { selector: string; findings: Array<{ start: number; end: number }> }): {
  findings: string[];
  highlighted: string[];
} {
  const el = document.querySelector(selector)!;
  const texts: Text[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  const point = (off: number): [Node, number] => {
    let acc = 0;
    for (const t of texts) {
      if (off <= acc + t.data.length) return [t, off - acc];
      acc += t.data.length;
    }
    const last = texts[texts.length - 1]!;
    return [last, last.data.length];
  };
  const where = (r: Range): string | null => {
    const b = r.getClientRects()[0];
    if (!b || b.bottom <= 0 || b.top >= innerHeight) return null;
    return `${Math.round(b.top)}:${Math.round(b.left)}`;
  };
  const fromFindings = findings
    .map((f) => {
      const r = document.createRange();
      r.setStart(...point(f.start));
      r.setEnd(...point(f.end));
      return where(r);
    })
    .filter((x): x is string => x !== null);
  const highlighted: string[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!String(name).startsWith('tactful-') || name === 'tactful-active') continue;
    for (const r of h as Highlight) {
      const w = where(r as Range);
      if (w) highlighted.push(w);
    }
  }
  return { findings: [...new Set(fromFindings)].sort(), highlighted: [...new Set(highlighted)].sort() };
}

/**
 * The caret (the end of the selection) as an offset in a field's text: a textarea's
 * selectionEnd, or the text from the editable's start to the selection's end, editor fillers
 * (zero-width characters) left out.
 */
export function caretOffsetInPage(selector: string): number {
  const el = document.querySelector(selector)!;
  if (el instanceof HTMLTextAreaElement) return el.selectionEnd;
  const s = getSelection()!;
  if (s.rangeCount === 0 || !el.contains(s.getRangeAt(0).endContainer)) return -1;
  const r = s.getRangeAt(0);
  const pre = document.createRange();
  pre.setStart(el, 0);
  pre.setEnd(r.endContainer, r.endOffset);
  return pre.toString().replace(/[\u200b\ufeff\u2060]/g, '').length;
}
