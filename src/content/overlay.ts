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

export const OVERLAY_TAG = 'tactful-overlay';

/**
 * The host element and its shadow root. The custom-element registry is the page's and is
 * shared with content scripts: if the page defined <tactful-overlay> itself, the element we
 * create is upgraded with the page's class, whose code runs on it and which may have taken
 * the shadow root (attachShadow then throws and Tactful never started). Then use a name the
 * page cannot have predicted.
 */
function createHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  const host = doc.createElement(OVERLAY_TAG);
  // `:defined` matches an upgraded custom element, never an unregistered name.
  if (!host.matches(':defined')) {
    try {
      return { host, shadow: host.attachShadow({ mode: 'open' }) };
    } catch {
      // claimed with a failed upgrade or shadow roots disabled: fall through
    }
  }
  const own = doc.createElement(`${OVERLAY_TAG}-${Math.random().toString(36).slice(2, 10).replace(/[^a-z0-9]/g, 'x')}`);
  return { host: own, shadow: own.attachShadow({ mode: 'open' }) };
}

export function createOverlay(doc: Document): Overlay {
  const { host, shadow } = createHost(doc);
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
