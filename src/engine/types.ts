/** Public types of the Tactful engine. Pure data: no DOM, no browser APIs. */

export const CATEGORIES = [
  'blame-shifting',
  'defensive',
  'lecturing',
  'non-apology',
  'vague-commitment',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Suggestion {
  replacement: string;
  label?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the analysed input; text === input.slice(start, end). */
  start: number;
  end: number;
  text: string;
  message: string;
  suggestions: Suggestion[];
  /** Learned-model findings only: how sure the model is and the words that weighed most. */
  why?: { probability: number; words: string[] };
}

export const TIP_IDS = ['greeting', 'thanks', 'ownership', 'next-step', 'closing'] as const;
export type TipId = (typeof TIP_IDS)[number];

export interface Tip {
  id: TipId;
  message: string;
}

/**
 * Something the agent or team lead should know about an analysis that is not a finding:
 * - 'rule-skipped': a rule skipped for a sentence because checking it took longer than the
 *   sentence's budget; start/end are the sentence's offsets in the input.
 * - 'truncated': the reply is longer than the engine checks (`maxCheckedChars`); the sentences
 *   from `start` to `end` (the end of the input) were not checked, those before it were, exactly.
 */
export type AnalysisWarning =
  | { kind: 'rule-skipped'; ruleId: string; start: number; end: number; message: string }
  | { kind: 'truncated'; start: number; end: number; message: string };

export interface AnalysisResult {
  findings: Finding[];
  tips: Tip[];
  /** Present only when there is something to say (older callers can ignore it). */
  warnings?: AnalysisWarning[];
}

/** Named context checks a rule can require to be absent (see context.ts). */
export const CONTEXT_CHECKS = [
  'question',
  'owns-fix',
  'has-time',
  'reassures',
  'owned-apology',
  'bare-apology',
  'first-person-subject',
  'hand-off',
] as const;
export type ContextCheck = (typeof CONTEXT_CHECKS)[number];

export interface SuggestionTemplate {
  /** Text with `{group}` slots filled from the pattern's named captures, `{match}` for the whole match. */
  template: string;
  label?: string;
}

/** A rule as data: the format of the built-in pack and of team packs. */
export interface RuleSpec {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  /** compromise match syntax, or a plain phrase. */
  patterns: string[];
  /** compromise patterns: when one matches the sentence, the rule stays quiet. */
  exceptions?: string[];
  /** context checks: when one holds, the rule stays quiet. */
  unless?: ContextCheck[];
  /** 'match' flags the matched words; 'sentence' flags (and rewrites) the whole sentence. */
  scope?: 'match' | 'sentence';
  suggestions: SuggestionTemplate[];
  examples: { flags: string[]; allows: string[] };
  enabled?: boolean;
}

/** How readily a learned check flags: 'low' only when very sure, 'high' catches more. */
export const SENSITIVITIES = ['low', 'normal', 'high'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export interface RuleOverride {
  enabled?: boolean;
  severity?: Severity;
  locked?: boolean;
  /** Learned checks (`model/<category>`) only. */
  sensitivity?: Sensitivity;
}

/**
 * A construction edit: a regular expression over one sentence and what replaces the words
 * it finds, so a rewrite keeps the rest of the agent's sentence (see src/rules/edits/).
 */
export interface EditSpec {
  id: string;
  category: Category;
  /** A regular expression (case-insensitive, Unicode) over the sentence, curly quotes folded to straight. */
  find: string;
  /**
   * `$1`, `$<name>` for groups, `${name|text}` with a fallback when the group is empty;
   * `{inf:…}` a verb's base form, `{pp:…}` its past participle, `{obj:…}` a pronoun's
   * object form, `{was:…}` a noun phrase with "was"/"were".
   */
  replace: string;
  /** [sentence, the sentence after this edit alone]; a sentence it leaves alone maps to itself. */
  examples: Array<[string, string]>;
}

export interface RulePack {
  $schema?: string;
  /** 2 since packs may carry `edits`; version 1 packs load unchanged. */
  schemaVersion: 1 | 2;
  name: string;
  version: string;
  rules: RuleSpec[];
  overrides?: Record<string, RuleOverride>;
  /** The team's own construction edits, tried before the built-in ones for their category. */
  edits?: EditSpec[];
}

export interface AnalyzeOptions {
  /** Extra team packs, applied after the built-in rules (same id replaces). */
  packs?: RulePack[];
  /** Use only these rules instead of the built-in pack (packs still apply on top). */
  rules?: RuleSpec[];
  /** Rule ids to switch off. */
  disabledRules?: string[];
  /** Lower-cased phrases the agent chose to always ignore. */
  ignoredPhrases?: string[];
  /** Categories to report (default: all). */
  categories?: Category[];
  /** Include reply-level tips (default true). */
  tips?: boolean;
  /** Use the learned model beside the rules (default true). */
  learned?: boolean;
  /** createAnalyzer: how many sentences' results to keep for reuse (least recently used go first; default 5000). */
  cacheSentences?: number;
  /** Time in ms one sentence may take over all rules (default 50); rules past it are skipped with a warning. */
  sentenceBudgetMs?: number;
  /**
   * How many characters of the agent's own sentences are checked (default 20,000, MAX_CHECKED_CHARS);
   * the sentences past it are not, and the result carries a 'truncated' warning saying where it stopped.
   */
  maxCheckedChars?: number;
}
