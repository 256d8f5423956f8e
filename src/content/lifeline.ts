/**
 * Whether this copy of the content script still has its extension. Checked on every interaction
 * (a property read): once the extension was reloaded or removed under the page, the copy retires
 * for good (its owner takes away overlay, highlights and listeners; the editor's text is not touched).
 */
export class Lifeline {
  retired = false;
  private checkedAt = -Infinity;
  private readonly listeners: Array<() => void> = [];

  constructor(
    /** True once the extension went away (main.ts). */
    private readonly gone: () => boolean,
    /** Stops the owner; runs once, before the listeners. */
    private readonly stop: () => void,
  ) {}

  /** Called once when this copy retires. */
  onRetire(fn: () => void): void {
    this.listeners.push(fn);
  }

  /** `force`: ask the browser now, not at most once a second. */
  alive(force = false): boolean {
    if (this.retired) return false;
    // Reading chrome.runtime.id costs a binding lookup: per keystroke, once a second is enough.
    const t = performance.now();
    if (!force && t - this.checkedAt < 1000) return true;
    this.checkedAt = t;
    if (!this.gone()) return true;
    this.retired = true;
    this.stop();
    for (const fn of this.listeners.splice(0)) fn();
    return false;
  }
}
