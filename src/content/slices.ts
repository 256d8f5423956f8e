/**
 * Cooperative time slicing for the content script: work runs in slices of at most
 * SLICE_MS and yields to the page in between, so typing and painting never wait behind
 * the extension (no long task).
 */

/** Budget for one slice of extension work on the page's main thread. */
export const SLICE_MS = 8;

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

/** Resolve when the page is idle (or after `timeout` ms at the latest). */
export function whenIdle(win: Window = window, timeout = 1000): Promise<void> {
  return new Promise((ok) => {
    const ric = (win as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (typeof ric === 'function') ric.call(win, () => ok(), { timeout });
    else setTimeout(ok, 50);
  });
}

/** A clock for slices. */
export const now = (): number => performance.now();

/**
 * Pieces of text for sliced analysis: cut only where the engine's segmenter also ends a
 * sentence (a line break, or sentence punctuation followed by a space), so each piece's
 * sentences are the whole text's sentences and the engine's per-sentence cache carries over.
 */
export function splitPieces(text: string, target: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    if (text.length - at <= target) {
      out.push(text.slice(at));
      break;
    }
    let cut = -1;
    const nl = text.lastIndexOf('\n', at + target);
    if (nl > at) cut = nl + 1;
    else {
      const re = /[.!?][)"'\u2019\u201D]*\s+(?=[A-Z0-9"'(\u2018\u201C])/g;
      re.lastIndex = at + Math.floor(target / 2);
      const m = re.exec(text);
      if (m && m.index < at + target * 2) cut = m.index + m[0].length;
      else {
        const nl2 = text.indexOf('\n', at + target);
        cut = nl2 >= 0 ? nl2 + 1 : text.length;
      }
    }
    out.push(text.slice(at, cut));
    at = cut;
  }
  return out;
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
