/**
 * The shortcut's key and the one-press gate, without browser APIs (the field and card use
 * them; shortcut.ts wires the browser command).
 */
/**
 * Whether a keydown is the shortcut as the page sees it: the command's default Alt+Shift+Y,
 * or Alt+Shift+T, the in-page key from before the command existed (Chromium reserves
 * Alt+Shift+T for "focus the toolbar" and will not give it to an extension command).
 */
export function isShortcutKey(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyY' || e.code === 'KeyT');
}

/** A keydown and a command this close together are one press. */
const SAME_PRESS_MS = 400;

export class ShortcutGate {
  private lastKey = -Infinity;

  /** The field saw the key itself. */
  key(now = performance.now()): void {
    this.lastKey = now;
  }

  /** Whether a command arriving now is a new press (not the echo of a key just handled). */
  command(now = performance.now()): boolean {
    return now - this.lastKey > SAME_PRESS_MS;
  }
}
