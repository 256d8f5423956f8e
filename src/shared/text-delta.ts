/**
 * Text deltas: the content script sends the engine host only what changed since the text the
 * host already holds (one keystroke is a few characters, not the whole reply).
 */

export interface Delta {
  /** Offset in the old text where the change starts. */
  at: number;
  /** Characters of the old text replaced. */
  remove: number;
  /** Text inserted instead. */
  insert: string;
}

/**
 * The span of `next` that differs from `prev` (common prefix and suffix removed). Runs of equal
 * text are skipped with native substring comparisons, a block at a time, so a keystroke at the
 * end of a long reply does not cost a JavaScript loop over every character.
 */
export function changedRegion(prev: string, next: string): { start: number; end: number } {
  const max = Math.min(prev.length, next.length);
  let start = 0;
  for (let block = 1024; block >= 1; block >>= 2) {
    while (start + block <= max && prev.substr(start, block) === next.substr(start, block)) start += block;
  }
  let end = 0;
  const room = max - start;
  for (let block = 1024; block >= 1; block >>= 2) {
    while (end + block <= room && prev.substr(prev.length - end - block, block) === next.substr(next.length - end - block, block)) end += block;
  }
  return { start, end: next.length - end };
}

export function diffText(prev: string, next: string): Delta {
  const { start, end } = changedRegion(prev, next);
  const suffix = next.length - end;
  return { at: start, remove: prev.length - suffix - start, insert: next.slice(start, end) };
}

/** Applies a delta, or returns null when it does not fit the text (the sender's base was different). */
export function applyDelta(text: string, d: Delta): string | null {
  if (d.at < 0 || d.remove < 0 || d.at + d.remove > text.length) return null;
  return text.slice(0, d.at) + d.insert + text.slice(d.at + d.remove);
}
