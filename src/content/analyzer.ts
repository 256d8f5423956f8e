/** The engine, per field, plus the agent's filters (dismissed, ignored phrases, disabled rules). */
import { builtinRules, compilePattern, createAnalyzer, type Analyzer } from '../engine/index';
import { SLICE_MS, nextTask, now, whenIdle } from './slices';
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

/**
 * One compiled engine for the whole page, shared by every field: compiling the rules costs
 * tens of milliseconds, so it happens once (ahead of time, in slices: warmEngine), not per
 * field. Rebuilt after the team or personal rules change. Results only depend on the text,
 * so fields can share its per-sentence cache.
 */
let shared: { version: number; analyzer: Analyzer } | null = null;

function sharedAnalyzer(): Analyzer {
  if (!shared || shared.version !== configVersion) {
    shared = { version: configVersion, analyzer: createAnalyzer({ packs: engineConfig.packs }) };
  }
  return shared.analyzer;
}

/** Whether analysing now would not have to compile the rules first. */
export function engineReady(): boolean {
  return shared !== null && shared.version === configVersion && warmedVersion === configVersion;
}

let warmedVersion = -1;
let warming: Promise<void> | null = null;

/** Short texts that take the engine's cold paths (tokenizer, tagger, rewrites) once, in their own slices. */
const WARM_TEXTS = [
  'Hi.',
  'Thanks for writing in, I checked your order.',
  "That's not my department.",
  'We will get back to you when possible.',
  'Sorry if you were upset, as I already said it shipped on Monday.',
];

/**
 * Gets the engine ready without a long task: the rule patterns are compiled one slice at a time
 * (the engine keeps compiled patterns by source text), the analyzer is built from them, then a few short texts run the
 * tokenizer and tagger for the first time, each in its own task. Idempotent per rule set.
 */
export function warmEngine(win: Window = window): Promise<void> {
  if (warmedVersion === configVersion) return Promise.resolve();
  if (warming) return warming;
  const version = configVersion;
  warming = (async () => {
    await whenIdle(win);
    const patterns: string[] = [];
    const rules = [...builtinRules, ...engineConfig.packs.flatMap((p) => p.rules)];
    for (const r of rules) patterns.push(...(r.patterns ?? []), ...(r.exceptions ?? []));
    let t0 = now();
    for (const p of patterns) {
      try {
        compilePattern(p);
      } catch {
        // invalid patterns are reported by the options page; the analyzer skips nothing here
      }
      if (now() - t0 > SLICE_MS) {
        await nextTask(win);
        t0 = now();
      }
    }
    await nextTask(win);
    sharedAnalyzer();
    for (const text of WARM_TEXTS) {
      await nextTask(win);
      if (shared?.version !== configVersion) break;
      shared.analyzer.analyzeFresh(text);
    }
    if (version === configVersion) warmedVersion = version;
  })().finally(() => {
    warming = null;
  });
  return warming;
}

/** A field's view of the shared engine. */
export function newAnalyzer(): FieldAnalyzer {
  return { analyze: (text) => sharedAnalyzer().analyze(text) };
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
