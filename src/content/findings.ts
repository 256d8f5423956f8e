/** The agent's filters over the engine's findings (dismissed, ignored phrases, disabled rules), and lookups. */
import type { Finding } from '../engine/types';
import { normalizePhrase } from '../shared/settings';

export type { AnalysisResult, AnalysisWarning, Finding, Tip, Category } from '../engine/types';

export interface Filters {
  ignored: ReadonlySet<string>;
  disabledRules: ReadonlySet<string>;
}

let locked: ReadonlySet<string> = new Set();

/** Rules the team policy locked (settings-client keeps this current). */
export function setLockedRules(ids: ReadonlySet<string>): void {
  locked = ids;
}

/** Locked rules (team policy) cannot be turned off from the card. */
export function isRuleLocked(ruleId: string): boolean {
  return locked.has(ruleId);
}

export function findingKey(f: Pick<Finding, 'ruleId' | 'text'>): string {
  return `${f.ruleId}\u0000${normalizePhrase(f.text)}`;
}

export function visibleFindings(all: readonly Finding[], filters: Filters, dismissed: ReadonlySet<string>): Finding[] {
  // Runs after every analysis: phrases are only normalised when there is something to compare them with.
  const byPhrase = filters.ignored.size > 0;
  const byKey = dismissed.size > 0;
  return all.filter(
    (f) =>
      f.end > f.start &&
      !filters.disabledRules.has(f.ruleId) &&
      !(byPhrase && filters.ignored.has(normalizePhrase(f.text))) &&
      !(byKey && dismissed.has(findingKey(f))),
  );
}

/** The finding under a caret offset: inside the span, or touching it. */
export function findingAt(findings: readonly Finding[], offset: number): Finding | null {
  let touching: Finding | null = null;
  for (const f of findings) {
    if (f.start <= offset && offset < f.end) return f;
    if (offset === f.end && !touching) touching = f;
  }
  return touching;
}
