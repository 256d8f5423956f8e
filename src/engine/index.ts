/**
 * Tactful engine: `analyze(text)` for one-off checks, `createAnalyzer()` to reuse
 * work while the agent types. Pure TypeScript: no DOM, no browser APIs.
 */
import { builtinPack, builtinRules } from '../rules/index';
import { createAnalyzerFrom, type Analyzer } from './analyzer';
import type { AnalysisResult, AnalyzeOptions } from './types';

export type { Analyzer } from './analyzer';
export { MAX_CHECKED_CHARS } from './analyzer';
export type { ResolvedRule } from './resolve';
export type { PackProblem, PackResult } from './pack';
export { validatePack, parsePack, formatProblems, PACK_COST_LIMITS, PACK_SCHEMA_VERSION, type ValidateOptions } from './pack';
export { compilePattern, PatternError, toMatchSyntax } from './compile';
export * from './types';
export { builtinPack, builtinRules };

export function createAnalyzer(options: AnalyzeOptions | null = {}): Analyzer {
  const opts = normaliseOptions(options);
  return createAnalyzerFrom(opts.rules ?? builtinRules, opts);
}

/** Compiled rule sets for recent option sets, so one-off calls don't recompile every time. */
const recent = new Map<string, Analyzer>();
const RECENT_MAX = 8;

/** Packs and rule lists are keyed by identity (a 2 MB pack is never re-serialised per call). */
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identity(value: unknown): string {
  if (value === undefined || value === null) return '-';
  if (typeof value !== 'object') return `!${typeof value}:${String(value)}`;
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = nextIdentity++));
  return `#${id}`;
}
/** A list of strings by content; any iterable (a Set too) counts, anything else by identity. */
function strings(value: unknown): string {
  if (value === undefined || value === null) return '-';
  if (typeof value === 'object' && Symbol.iterator in value) return JSON.stringify(Array.from(value as Iterable<unknown>, String));
  return identity(value);
}

/**
 * The cache key for an options object. It used to be JSON.stringify(options): Sets serialised
 * as {} (so two different Sets shared one analyzer), null and circular options threw, and a
 * big pack was stringified on every call. Packs and rules count by identity: a caller that
 * changes a pack in place must pass a new object (or use createAnalyzer).
 */
function cacheKey(o: AnalyzeOptions): string {
  const packs = Array.isArray(o.packs) ? o.packs.map(identity).join(',') : identity(o.packs);
  return [packs, identity(o.rules), strings(o.disabledRules), strings(o.ignoredPhrases), strings(o.categories), String(o.tips), String(o.learned), String(o.cacheSentences), String(o.sentenceBudgetMs), String(o.maxCheckedChars)].join('|');
}

/** Options as the analyzer reads them: null means none, Set-valued lists become arrays. */
function normaliseOptions(options: AnalyzeOptions | null | undefined): AnalyzeOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new TypeError('analyze(text, options): options must be an object');
  const list = <T>(x: Iterable<T> | undefined): T[] | undefined => (x === undefined || x === null || Array.isArray(x) ? (x ?? undefined) : Array.from(x));
  return {
    ...options,
    disabledRules: list(options.disabledRules),
    ignoredPhrases: list(options.ignoredPhrases),
    categories: list(options.categories),
  };
}

export function analyze(text: string, options: AnalyzeOptions | null = {}): AnalysisResult {
  const opts = normaliseOptions(options);
  const key = cacheKey(opts);
  let analyzer = recent.get(key);
  if (!analyzer) {
    analyzer = createAnalyzer(opts);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(key, analyzer);
  }
  return analyzer.analyzeFresh(text);
}
