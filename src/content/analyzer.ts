/** The engine, per field, plus the agent's filters (dismissed, ignored phrases, disabled rules). */
import { createAnalyzer } from '../engine/index';
import type { AnalysisResult, Finding, RulePack } from '../engine/types';
import { normalizePhrase } from '../shared/settings';

export type { AnalysisResult, Finding, Tip, Category } from '../engine/types';

export interface Filters {
  ignored: ReadonlySet<string>;
  disabledRules: ReadonlySet<string>;
}

export interface FieldAnalyzer {
  analyze(text: string): AnalysisResult;
}

/** Team pack, personal rules and locks in force (from shared/packs.ts mergeConfig), set by settings-client. */
export interface EngineConfig {
  packs: RulePack[];
  locked: ReadonlySet<string>;
}

let engineConfig: EngineConfig = { packs: [], locked: new Set() };
let configVersion = 0;

export function setEngineConfig(next: EngineConfig): void {
  if (JSON.stringify(next.packs) !== JSON.stringify(engineConfig.packs)) configVersion++;
  engineConfig = next;
}

/** Locked rules (team policy) cannot be turned off from the card. */
export function isRuleLocked(ruleId: string): boolean {
  return engineConfig.locked.has(ruleId);
}

/** A field's analyzer; rebuilt on the next call after the team or personal rules change. */
export function newAnalyzer(): FieldAnalyzer {
  let version = -1;
  let inner: FieldAnalyzer | null = null;
  return {
    analyze(text) {
      if (!inner || version !== configVersion) {
        inner = createAnalyzer({ packs: engineConfig.packs });
        version = configVersion;
      }
      return inner.analyze(text);
    },
  };
}

export function findingKey(f: Pick<Finding, 'ruleId' | 'text'>): string {
  return `${f.ruleId}\u0000${normalizePhrase(f.text)}`;
}

export function visibleFindings(all: readonly Finding[], filters: Filters, dismissed: ReadonlySet<string>): Finding[] {
  return all.filter(
    (f) =>
      !filters.disabledRules.has(f.ruleId) &&
      !filters.ignored.has(normalizePhrase(f.text)) &&
      !dismissed.has(findingKey(f)) &&
      f.end > f.start,
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
