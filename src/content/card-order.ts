/** Which findings one card shows, in what order. */
import type { Finding } from './findings';

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;

/**
 * The card's findings for a span: the one asked for and those of other categories that
 * overlap it, most severe first (equals keep the one asked for first).
 */
export function cardOrder(f: Finding, all: readonly Finding[]): Finding[] {
  const overlapping = all.filter((x) => x !== f && x.category !== f.category && x.start < f.end && f.start < x.end);
  return [f, ...overlapping].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}
