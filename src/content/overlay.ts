/** The single <tactful-overlay> element (open shadow root) that holds all Tactful UI in a page. */
import { OVERLAY_CSS } from './styles';
import { ensureSheet } from './sheets';

export interface Overlay {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Marks and mirrors (non-interactive). */
  marks: HTMLElement;
  /** Badges, card, panel. */
  ui: HTMLElement;
  ensureAttached(): void;
  remove(): void;
}

export function createOverlay(doc: Document): Overlay {
  const host = doc.createElement('tactful-overlay');
  const st = host.style;
  // Inline CSSOM styles so the host is inert even before the shadow sheet applies.
  st.setProperty('all', 'initial', 'important');
  st.setProperty('position', 'fixed', 'important');
  st.setProperty('left', '0', 'important');
  st.setProperty('top', '0', 'important');
  st.setProperty('width', '0', 'important');
  st.setProperty('height', '0', 'important');
  st.setProperty('z-index', '2147483647', 'important');
  st.setProperty('pointer-events', 'none', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  ensureSheet(shadow, OVERLAY_CSS);
  const marks = doc.createElement('div');
  marks.className = 'layer';
  const ui = doc.createElement('div');
  ui.className = 'layer ui';
  shadow.append(marks, ui);
  const overlay: Overlay = {
    host,
    shadow,
    marks,
    ui,
    ensureAttached() {
      if (!host.isConnected) doc.documentElement.appendChild(host);
    },
    remove() {
      host.remove();
    },
  };
  overlay.ensureAttached();
  return overlay;
}
