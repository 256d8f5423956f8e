/** The reply fields this page watches: which found elements become fields, and letting go of those removed from the page. */
import { isCandidate, isInternalNote } from './family';
import { Field, type FieldHost } from './field';

export class WatchedFields {
  private readonly map = new Map<HTMLElement, Field>();
  /** Whether internal-note boxes are watched too (a setting). */
  checkNotes = false;

  constructor(
    private readonly host: FieldHost,
    /** A field was let go (its element left the page): close what is open on it. */
    private readonly removed: (f: Field) => void,
  ) {}

  /** A field for the element if it is one to watch and not watched yet. */
  add(el: HTMLElement): Field | null {
    if (this.map.has(el) || !isCandidate(el)) return null;
    if (!this.checkNotes && isInternalNote(el)) return null;
    const field = new Field(el, this.host);
    this.map.set(el, field);
    return field;
  }

  /** Lets go of fields whose element is no longer in the page. */
  prune(): void {
    for (const [el, f] of this.map) {
      if (el.isConnected) continue;
      this.removed(f);
      f.dispose();
      this.map.delete(el);
    }
  }

  has(el: EventTarget): boolean {
    return this.map.has(el as HTMLElement);
  }

  /** Whether this field is still watched (not let go, nor replaced after a restart). */
  watching(field: Field): boolean {
    return this.map.get(field.el) === field;
  }

  values(): IterableIterator<Field> {
    return this.map.values();
  }

  /** The fields that have been focused or hold text (the ones with a painter and findings). */
  active(): Field[] {
    return [...this.map.values()].filter((f) => f.active);
  }

  totalFindings(): number {
    let n = 0;
    for (const f of this.map.values()) n += f.findings.length;
    return n;
  }

  clear(): void {
    for (const f of this.map.values()) f.dispose();
    this.map.clear();
  }
}
