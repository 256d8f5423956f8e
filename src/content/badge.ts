/** The per-field badge: its text is the number of findings; clicking opens the panel. */
import type { BadgeSpot } from './badge-spot';
import type { Severity } from './categories';

/** @param onEscape closes the field's open card or panel; true when there was one. */
export function createBadge(doc: Document, onOpen: () => void, onEscape: () => boolean): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.setAttribute('data-tactful', 'badge');
  b.setAttribute('aria-haspopup', 'dialog');
  b.setAttribute('aria-expanded', 'false');
  b.addEventListener('mousedown', (e) => e.preventDefault());
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onOpen();
  });
  b.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && onEscape()) {
      e.preventDefault();
      e.stopPropagation();
    }
  });
  b.textContent = '0';
  setBadgeCount(b, 0);
  return b;
}

/**
 * @param severity the most severe finding's (the badge's colour and fill follow it).
 * @param note what the count leaves out (a reply too long to check in full): the badge's title says it.
 */
export function setBadgeCount(b: HTMLElement, n: number, severity: Severity | null = null, note = ''): void {
  const sev = n === 0 ? '' : (severity ?? 'warning');
  if (b.getAttribute('data-count') === String(n) && (b.getAttribute('data-severity') ?? '') === sev && (b.getAttribute('title') ?? '') === note) return;
  b.textContent = String(n);
  b.setAttribute('data-count', String(n));
  if (sev) b.setAttribute('data-severity', sev);
  else b.removeAttribute('data-severity');
  if (note) b.setAttribute('title', note);
  else b.removeAttribute('title');
  const count = n === 0 ? 'Tactful: no suggestions' : `Tactful: ${n} suggestion${n === 1 ? '' : 's'}, most severe: ${sev}. Show list`;
  b.setAttribute('aria-label', note ? `${count}. ${note}` : count);
}

/** Places the badge at its spot (badge-spot.ts); hidden when the field has none. */
export function placeBadge(b: HTMLElement, spot: BadgeSpot | null): void {
  if (!spot) {
    if (b.style.display !== 'none') b.style.display = 'none';
    return;
  }
  if (b.style.display) b.style.display = '';
  // Anchored by its right edge, so its width (one or more digits) need not be measured:
  // measuring here would force a reflow per badge.
  const right = `calc(100% - ${Math.round(spot.right)}px)`;
  const top = `${Math.round(spot.top)}px`;
  // Unchanged positions are not written again (a write invalidates the overlay's layout).
  if (b.style.left !== 'auto') b.style.left = 'auto';
  if (b.style.right !== right) b.style.right = right;
  if (b.style.top !== top) b.style.top = top;
  const place = spot.outside ? 'outside' : 'inside';
  if (b.getAttribute('data-place') !== place) b.setAttribute('data-place', place);
}
