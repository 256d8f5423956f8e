/** The tab's number of findings for the popup (a number only, never text), sent debounced and only when it changed. */
import { send } from './settings-client';

const DEBOUNCE_MS = 250;

export class FindingsCount {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = -1;

  constructor(
    private readonly total: () => number,
    /** False once this copy retired (the extension went away). */
    private readonly canSend: () => boolean,
  ) {}

  queue(): void {
    if (this.timer !== null || this.total() === this.last) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.canSend()) return;
      const n = this.total();
      if (n !== this.last) {
        this.last = n;
        send({ type: 'findings-count', count: n });
      }
    }, DEBOUNCE_MS);
  }

  cancel(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }
}
