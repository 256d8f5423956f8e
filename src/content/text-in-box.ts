/**
 * Whether any of an element's text is drawn inside a box (root viewport): where the badge may
 * sit without covering the agent's words. Text nodes whose bounds miss the box are skipped
 * with one rectangle each; only those that reach it are measured line by line.
 */
import type { Box } from './geometry';

const meets = (r: DOMRect, box: Box, dx: number, dy: number) =>
  r.width > 0 && r.left + dx < box.left + box.width && r.right + dx > box.left && r.top + dy < box.top + box.height && r.bottom + dy > box.top;

/** `offset`: where the element's viewport sits in the root viewport (frames). */
export function textInBox(root: Node, box: Box, offset: { x: number; y: number }): boolean {
  const doc = root.ownerDocument;
  if (!doc) return false;
  const range = doc.createRange();
  range.selectNodeContents(root);
  if (!meets(range.getBoundingClientRect(), box, offset.x, offset.y)) return false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!/\S/.test(n.data)) continue;
    range.selectNodeContents(n);
    if (!meets(range.getBoundingClientRect(), box, offset.x, offset.y)) continue;
    for (const r of range.getClientRects()) if (meets(r, box, offset.x, offset.y)) return true;
  }
  return false;
}
