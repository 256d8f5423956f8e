/**
 * Runs a callback once things have been quiet for `ms` after the last touch(). One timer per
 * quiet period, not one per touch (typing touches it on every keystroke): when it fires early
 * it waits for the rest.
 */
export class QuietTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = -Infinity;

  constructor(
    private readonly ms: number,
    private readonly fire: () => void,
  ) {}

  touch(): void {
    this.last = performance.now();
    if (this.timer === null) this.arm(this.ms);
  }

  /** Milliseconds since the last touch (Infinity before the first). */
  quietFor(): number {
    return performance.now() - this.last;
  }

  /** Forget the wait (the work is done now, or not needed any more). */
  cancel(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const quiet = this.quietFor();
      if (quiet < this.ms - 1) this.arm(this.ms - quiet);
      else this.fire();
    }, ms);
  }
}
