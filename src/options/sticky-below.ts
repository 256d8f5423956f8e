/**
 * Keeps sticky table headers (`.table-wrap.sticky-head`) clear of a sticky bar above them (the
 * save-error bar): each header sticks just below the bar instead of under it. A list that
 * scrolls the page gets the bar's height; a list that scrolls in its own box (narrow windows)
 * gets how far the bar reaches into that box, so its header is never drawn beneath the bar.
 */

/** Space between the bar and a header stuck below it. */
const GAP_PX = 4;
const VAR = '--sticky-below';

function ownScroller(box: HTMLElement): boolean {
  const o = getComputedStyle(box).overflowY;
  return o === 'auto' || o === 'scroll';
}

function update(bar: HTMLElement): void {
  const b = bar.getBoundingClientRect();
  for (const box of document.querySelectorAll<HTMLElement>('.table-wrap.sticky-head')) {
    const top = ownScroller(box)
      ? Math.max(0, b.bottom + GAP_PX - (box.getBoundingClientRect().top + box.clientTop))
      : b.height + GAP_PX;
    box.style.setProperty(VAR, `${Math.ceil(top)}px`);
  }
}

/** Starts following the bar (scrolling, resizing, the bar's own size); returns the stop. */
export function keepHeadersBelow(bar: HTMLElement): () => void {
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      if (bar.isConnected) update(bar);
    });
  };
  update(bar);
  // Capture: a list scrolling in its own box moves its top under the bar too.
  addEventListener('scroll', queue, { capture: true, passive: true });
  addEventListener('resize', queue, { passive: true });
  const ro = new ResizeObserver(queue);
  ro.observe(bar);
  // Tables rendered later (another tab, the rules loading) pick the offset up too.
  const mo = new MutationObserver(queue);
  mo.observe(document.body, { childList: true, subtree: true });
  return () => {
    removeEventListener('scroll', queue, { capture: true });
    removeEventListener('resize', queue);
    ro.disconnect();
    mo.disconnect();
    for (const box of document.querySelectorAll<HTMLElement>('.table-wrap.sticky-head')) box.style.removeProperty(VAR);
  };
}
