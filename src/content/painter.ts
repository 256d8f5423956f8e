import type { Finding } from './findings';
import type { Box } from './geometry';

/** Draws a field's findings. Implementations: CSS highlights, overlay boxes, textarea mirror. */
export interface Painter {
  paint(findings: readonly Finding[], active: Finding | null): void;
  /** The text changed and the painted marks may be out of place until the next paint. */
  markStale(): void;
  /** Layout or scroll changed. */
  reposition(): void;
  /** The page may have switched theme: read the field's background now and draw the lines in its colours. */
  retone(): void;
  /** Where a finding is, in the root viewport. */
  rects(f: Finding): Box[];
  /** Whether any of the field's text is drawn inside a box in the root viewport. */
  textIn(box: Box): boolean;
  dispose(): void;
}
