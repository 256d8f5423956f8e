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
