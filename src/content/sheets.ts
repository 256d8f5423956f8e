/** Add a stylesheet to a document or shadow root without touching editor DOM. */

type Sheet = CSSStyleSheet | HTMLStyleElement;
/** Per scope, the sheets added to it by name (one per underline tone, for the highlight rules). */
const adopted = new WeakMap<Document | ShadowRoot, Map<string, Sheet>>();

export function ensureSheet(scope: Document | ShadowRoot, css: string, name = ''): void {
  const doc = scope.nodeType === 9 ? (scope as Document) : (scope as ShadowRoot).ownerDocument;
  let named = adopted.get(scope);
  if (!named) {
    named = new Map();
    adopted.set(scope, named);
  }
  const existing = named.get(name);
  if (existing) {
    if ('replaceSync' in existing) {
      if (scope.adoptedStyleSheets.includes(existing)) return;
      // The page replaced its adopted sheets: add ours back.
      scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, existing];
      return;
    }
    if (existing.isConnected) return;
  }
  const win = doc.defaultView;
  try {
    if (win && 'adoptedStyleSheets' in scope) {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
      named.set(name, sheet);
      return;
    }
  } catch {
    // fall through to a <style> element
  }
  const style = doc.createElement('style');
  style.textContent = css;
  style.setAttribute('data-tactful', 'style');
  const parent = scope.nodeType === 9 ? (doc.head ?? doc.documentElement) : scope;
  parent.appendChild(style);
  named.set(name, style);
}
