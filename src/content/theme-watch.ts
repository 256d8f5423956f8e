/**
 * Notices a page switching its theme while Tactful's marks and UI are shown, so their colours
 * follow within a fraction of a second rather than at the next typing pause: attribute changes
 * on <html> and <body> (a `dark` class, `data-theme`, an inline style), style sheets added to or
 * removed from <head>, a background transition ending, and the system's colour scheme. Only a
 * signal: the owner reads the fields' backgrounds again, at most once per THROTTLE_MS.
 */

/** A theme switch touches several of these at once (a class, then its transition): one read for all. */
const THROTTLE_MS = 100;

export class ThemeWatch {
  private docs = new WeakSet<Document>();
  private readonly cleanups: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly changed: () => void) {}

  /** Starts watching the document (once per document: the page, and same-origin frames with fields). */
  watch(doc: Document): void {
    const win = doc.defaultView;
    if (!win || this.docs.has(doc)) return;
    this.docs.add(doc);
    const queue = () => this.queue();
    try {
      const mo = new MutationObserver(queue);
      mo.observe(doc.documentElement, { attributes: true });
      if (doc.body) mo.observe(doc.body, { attributes: true });
      if (doc.head) mo.observe(doc.head, { childList: true, subtree: true, characterData: true });
      this.cleanups.push(() => mo.disconnect());
      const onTransition = (e: TransitionEvent) => {
        if (e.propertyName.startsWith('background') || e.propertyName === 'color') queue();
      };
      doc.addEventListener('transitionend', onTransition, { capture: true, passive: true });
      this.cleanups.push(() => doc.removeEventListener('transitionend', onTransition, { capture: true }));
      const mq = win.matchMedia('(prefers-color-scheme: dark)');
      mq.addEventListener('change', queue);
      this.cleanups.push(() => mq.removeEventListener('change', queue));
    } catch {
      // A hostile page's replaced built-ins: colours then follow at the next pause, as before.
    }
  }

  private queue(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.changed();
    }, THROTTLE_MS);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const c of this.cleanups.splice(0)) c();
    this.docs = new WeakSet();
  }
}
