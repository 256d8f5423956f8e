/** Scheduling helpers for the content script's few reads of layout. */

type SchedulerLike = { yield?: () => Promise<void> };

/** Resolve on a fresh task (after input and rendering had their turn). */
export function nextTask(win: Window = window): Promise<void> {
  const sched = (win as Window & { scheduler?: SchedulerLike }).scheduler;
  if (sched && typeof sched.yield === 'function') {
    try {
      return sched.yield.call(sched);
    } catch {
      // fall through
    }
  }
  return new Promise((ok) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      ok();
    };
    ch.port2.postMessage(null);
  });
}

/**
 * Run `cb` just after the next frame is rendered: style and layout are clean then (unless
 * the page changed something in between), so reading geometry forces no reflow.
 */
export function afterFrame(win: Window, cb: () => void): void {
  win.requestAnimationFrame(() => {
    void nextTask(win).then(cb);
  });
}
