/** The list of all findings and reply-level tips for one field, opened from its badge. */
import { trapFocus } from './focus-trap';
import type { AnalysisWarning, Finding, Tip } from './findings';
import { CATEGORY_STYLES } from './categories';
import type { Box } from './geometry';

export interface PanelActions {
  review(f: Finding): void;
  close(): void;
}

/** Distinct warnings shown at most; a slow team rule can warn once per sentence. */
const MAX_NOTES = 5;

/** What was not checked, above the list: a count of zero must not read as "all fine" when it was not all checked. */
function notes(doc: Document, warnings: readonly AnalysisWarning[]): HTMLElement | null {
  const messages = [...new Set(warnings.map((w) => w.message))];
  if (!messages.length) return null;
  const ul = doc.createElement('ul');
  ul.className = 'notes';
  ul.setAttribute('data-tactful', 'warnings');
  for (const m of messages.slice(0, MAX_NOTES)) {
    const li = doc.createElement('li');
    li.textContent = m;
    ul.appendChild(li);
  }
  if (messages.length > MAX_NOTES) {
    const li = doc.createElement('li');
    li.textContent = `…and ${messages.length - MAX_NOTES} more like these.`;
    ul.appendChild(li);
  }
  return ul;
}

export function renderPanel(
  doc: Document,
  findings: readonly Finding[],
  tips: readonly Tip[],
  warnings: readonly AnalysisWarning[],
  actions: PanelActions,
): HTMLElement {
  const panel = doc.createElement('div');
  panel.setAttribute('data-tactful', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Tactful suggestions for this reply');

  const head = doc.createElement('div');
  head.className = 'head';
  const title = doc.createElement('strong');
  title.textContent = findings.length === 1 ? '1 suggestion' : `${findings.length} suggestions`;
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Close list');
  close.addEventListener('click', () => actions.close());
  head.append(title, close);
  panel.appendChild(head);
  const warned = notes(doc, warnings);
  if (warned) panel.appendChild(warned);

  // The reply tips first: what the whole reply lacks (a greeting, a timed next step) before the phrase-level notes.
  if (tips.length > 0) {
    const h = doc.createElement('h2');
    h.textContent = 'Reply tips';
    const ul = doc.createElement('ul');
    ul.className = 'tips';
    ul.setAttribute('data-tactful', 'tips');
    for (const t of tips) {
      const li = doc.createElement('li');
      li.setAttribute('data-tip', t.id);
      li.textContent = t.message;
      ul.appendChild(li);
    }
    panel.append(h, ul);
  }

  if (findings.length === 0) {
    const p = doc.createElement('p');
    p.className = 'empty';
    p.textContent = 'Nothing to change in the wording.';
    panel.appendChild(p);
  } else {
    const list = doc.createElement('ul');
    list.className = 'panel-list';
    for (const f of findings) {
      const li = doc.createElement('li');
      li.className = 'panel-item';
      li.setAttribute('data-tactful', 'panel-item');
      const cat = doc.createElement('span');
      cat.className = 'swatch';
      cat.setAttribute('data-category', f.category);
      cat.textContent = CATEGORY_STYLES[f.category]?.label ?? f.category;
      const phrase = doc.createElement('p');
      phrase.className = 'phrase';
      phrase.textContent = `“${f.text}”`;
      const msg = doc.createElement('p');
      msg.textContent = f.message;
      const review = doc.createElement('button');
      review.type = 'button';
      review.setAttribute('data-tactful', 'review');
      review.textContent = 'Review';
      review.setAttribute('aria-label', `Review: ${f.text}`);
      review.addEventListener('click', () => actions.review(f));
      li.append(cat, phrase, msg, review);
      list.appendChild(li);
    }
    panel.appendChild(list);
  }

  trapFocus(panel, actions.close);
  return panel;
}

/** Below its badge, right-aligned with it (above when there is no room), inside the viewport. */
export function placePanel(el: HTMLElement, anchor: Box | null, rootWin: Window): void {
  if (!anchor) {
    el.style.display = 'none';
    return;
  }
  el.style.display = '';
  const vw = rootWin.innerWidth;
  const vh = rootWin.innerHeight;
  const w = el.offsetWidth || 380;
  const h = el.offsetHeight || 160;
  const left = Math.max(8, Math.min(anchor.left + anchor.width - w, vw - w - 8));
  let top = anchor.top + anchor.height + 6;
  if (top + h > vh - 8) top = anchor.top - h - 6 >= 8 ? anchor.top - h - 6 : vh - h - 8; // above, else pinned to the bottom
  el.style.left = `${Math.round(left)}px`;
  el.style.top = `${Math.round(Math.max(8, top))}px`;
}
