/**
 * Tactful engine: `analyze(text)` for one-off checks, `createAnalyzer()` to reuse
 * work while the agent types. Pure TypeScript: no DOM, no browser APIs.
 */
import { builtinPack, builtinRules } from '../rules/index';
import { createAnalyzerFrom, type Analyzer } from './analyzer';
import type { AnalysisResult, AnalyzeOptions } from './types';

export type { Analyzer } from './analyzer';
export type { ResolvedRule } from './resolve';
export type { PackProblem, PackResult } from './pack';
export { validatePack, parsePack, formatProblems, PACK_SCHEMA_VERSION } from './pack';
export { compilePattern, PatternError, toMatchSyntax } from './compile';
export * from './types';
export { builtinPack, builtinRules };

export function createAnalyzer(options: AnalyzeOptions = {}): Analyzer {
  return createAnalyzerFrom(options.rules ?? builtinRules, options);
}

/** Compiled rule sets for recent option sets, so one-off calls don't recompile every time. */
const recent = new Map<string, Analyzer>();
const RECENT_MAX = 8;

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const key = JSON.stringify(options);
  let analyzer = recent.get(key);
  if (!analyzer) {
    analyzer = createAnalyzer(options);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(key, analyzer);
  }
  return analyzer.analyzeFresh(text);
}
