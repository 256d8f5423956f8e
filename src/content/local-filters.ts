/**
 * The ignored phrases and switched-off rules as this page applies them. A card's "Always ignore"
 * or "Turn off this rule" takes effect here at once; the background stores it meanwhile, and a
 * failed write is taken back (card-wiring.ts).
 */
import type { Filters } from './findings';
import type { ContentSettings } from './settings-client';

export class LocalFilters {
  current: Filters;

  constructor(s: ContentSettings) {
    this.current = LocalFilters.from(s);
  }

  private static from(s: ContentSettings): Filters {
    return { ignored: s.ignored, disabledRules: new Set(s.settings.disabledRules) };
  }

  /** The stored settings changed (this page's own write, or another tab's). */
  reset(s: ContentSettings): void {
    this.current = LocalFilters.from(s);
  }

  ignorePhrase(phrase: string, on: boolean): void {
    this.current = { ...this.current, ignored: toggled(this.current.ignored, phrase, on) };
  }

  disableRule(ruleId: string, on: boolean): void {
    this.current = { ...this.current, disabledRules: toggled(this.current.disabledRules, ruleId, on) };
  }
}

/** A copy with `item` added or taken out (the old set may still be held by a reader). */
function toggled(set: ReadonlySet<string>, item: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}
