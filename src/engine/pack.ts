/**
 * The rule-pack format (JSON, schema-versioned) and its validation. A pack is
 * all-or-nothing: any problem rejects the whole pack with messages that name the
 * rule and the field, so nothing half-loads.
 */
import * as v from 'valibot';
import { builtinRules } from '../rules/index';
import { createAnalyzerFrom } from './analyzer';
import { compilePattern, PatternError } from './compile';
import { applyEdit, checkableSource } from './edits';
import { hangShape, parseRegex } from './safe-regex';
import { CATEGORIES, CONTEXT_CHECKS, SENSITIVITIES, SEVERITIES, type EditSpec, type RuleOverride, type RulePack, type RuleSpec } from './types';

/** 2: packs may carry `edits`. A version 1 pack is read as it always was and migrated to 2. */
export const PACK_SCHEMA_VERSION = 2;

/**
 * How much matching work a pack may ask for, in the work units of CompiledPattern.cost. The
 * built-in pack costs about 9,300 in all and its heaviest rule 1,400; 100 patterns of
 * "the" + six ".{0,3} (#Adjective #Noun|#Noun #Verb)" groups cost 198,400 in one rule and
 * took 10 s per sentence over 100 such rules; a pack at these limits made of such patterns
 * takes about 50 ms on a 467-character sentence (2-core machine). The per-sentence time budget
 * catches the rest.
 */
export const PACK_COST_LIMITS = { perRule: 20_000, perPack: 50_000 } as const;
const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
/** Override keys: rule ids, and the learned checks' `model/<category>`. */
const OVERRIDE_KEY = /^(?:model\/)?[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

const SuggestionSchema = v.strictObject({
  template: v.pipe(v.string(), v.maxLength(300, 'must be at most 300 characters')),
  label: v.optional(Text(80)),
});

export const RuleSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID, 'must be lower-case words joined by hyphens, like "not-my-department"'), v.maxLength(80)),
  category: v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`),
  severity: v.picklist(SEVERITIES, `must be one of ${SEVERITIES.join(', ')}`),
  message: Text(200),
  patterns: v.pipe(v.array(Text(600)), v.minLength(1, 'needs at least one pattern'), v.maxLength(100, 'at most 100 patterns')),
  exceptions: v.optional(v.pipe(v.array(Text(600)), v.maxLength(50, 'at most 50 exceptions'))),
  unless: v.optional(v.array(v.picklist(CONTEXT_CHECKS, `must be one of ${CONTEXT_CHECKS.join(', ')}`))),
  scope: v.optional(v.picklist(['match', 'sentence'] as const, 'must be "match" or "sentence"')),
  suggestions: v.pipe(v.array(SuggestionSchema), v.maxLength(10, 'at most 10 suggestions')),
  examples: v.strictObject({
    flags: v.pipe(v.array(Text(600)), v.minLength(2, 'needs at least two replies this rule must flag'), v.maxLength(50)),
    allows: v.pipe(v.array(Text(600)), v.minLength(2, 'needs at least two replies this rule must leave alone'), v.maxLength(50)),
  }),
  enabled: v.optional(v.boolean()),
});

const EditSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID, 'must be lower-case words joined by hyphens, like "drop-as-i-said"'), v.maxLength(80)),
  category: v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`),
  find: Text(400),
  replace: v.pipe(v.string(), v.maxLength(300, 'must be at most 300 characters')),
  examples: v.pipe(
    v.array(v.strictTuple([Text(600), v.pipe(v.string(), v.maxLength(900))], 'each example is [sentence, the sentence after this edit]')),
    v.minLength(1, 'needs at least one example: [sentence, the sentence after this edit]'),
    v.maxLength(50),
  ),
});

const OverrideSchema = v.strictObject({
  enabled: v.optional(v.boolean()),
  severity: v.optional(v.picklist(SEVERITIES, `must be one of ${SEVERITIES.join(', ')}`)),
  locked: v.optional(v.boolean()),
  sensitivity: v.optional(v.picklist(SENSITIVITIES, `must be one of ${SENSITIVITIES.join(', ')} (learned checks only)`)),
});

export const PackSchema = v.strictObject({
  $schema: v.optional(v.string()),
  schemaVersion: v.union([v.literal(1), v.literal(PACK_SCHEMA_VERSION)], `must be 1 or ${PACK_SCHEMA_VERSION} (this version of Tactful reads pack formats 1 and ${PACK_SCHEMA_VERSION})`),
  name: Text(100),
  version: Text(40),
  rules: v.pipe(v.array(RuleSchema), v.maxLength(1000, 'at most 1000 rules')),
  // Checked key by key in validateOverrides: valibot's record() drops the keys "constructor",
  // "prototype" and "__proto__" without a word, and the first two are valid rule ids.
  overrides: v.optional(v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'must be an object of rule ids')),
  edits: v.optional(v.pipe(v.array(EditSchema), v.maxLength(200, 'at most 200 edits'))),
});

export interface PackProblem {
  /** Where, e.g. `rules[2] "not-my-job" › patterns[0]`. */
  path: string;
  message: string;
}

/**
 * `warnings` (on a valid pack) are things that do not stop it loading but that the author
 * should see, e.g. an override for a rule id neither the pack nor the built-in rules have
 * (it may be meant for a team rule loaded elsewhere).
 */
export type PackResult = { ok: true; pack: RulePack; warnings?: PackProblem[] } | { ok: false; problems: PackProblem[] };

export interface ValidateOptions {
  /** Rule ids that exist besides the built-in ones and the pack's own (e.g. the team pack's). */
  knownRuleIds?: Iterable<string>;
}

function describePath(input: unknown, issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  const parts: string[] = [];
  let node: unknown = input;
  for (const key of keys) {
    node = (node as Record<string | number, unknown> | undefined)?.[key];
    if (typeof key === 'number') {
      const id = (node as { id?: unknown } | undefined)?.id;
      const last = parts.pop() ?? '';
      parts.push(typeof id === 'string' && last === 'rules' ? `${last}[${key}] "${id}"` : `${last}[${key}]`);
    } else parts.push(String(key));
  }
  return parts.join(' › ') || '(pack)';
}

function ruleProblems(rule: RuleSpec, index: number, cost: { total: number }): PackProblem[] {
  const where = `rules[${index}] "${rule.id}"`;
  const problems: PackProblem[] = [];
  let ruleCost = 0;
  const check = (field: 'patterns' | 'exceptions', list: string[] | undefined) =>
    list?.forEach((p, i) => {
      try {
        ruleCost += compilePattern(p).cost;
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        problems.push({ path: `${where} › ${field}[${i}]`, message: `${error.message}: ${JSON.stringify(p)}` });
      }
    });
  check('patterns', rule.patterns);
  check('exceptions', rule.exceptions);
  cost.total += ruleCost;
  if (!problems.length && ruleCost > PACK_COST_LIMITS.perRule) {
    problems.push({
      path: `${where} › patterns`,
      message: `these patterns ask for about ${ruleCost.toLocaleString('en')} units of matching work per sentence; the limit is ${PACK_COST_LIMITS.perRule.toLocaleString('en')} (use fewer patterns, alternatives or wildcards)`,
    });
  }
  return problems;
}

/** The overrides, key by key: own keys only, each an id, each value a valid override. */
function validateOverrides(raw: Record<string, unknown> | undefined, problems: PackProblem[]): Record<string, RuleOverride> | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, RuleOverride> = {};
  for (const key of Object.keys(raw)) {
    const where = `overrides › ${JSON.stringify(key)}`;
    if (!OVERRIDE_KEY.test(key)) {
      problems.push({ path: where, message: 'is not a rule id (lower-case words joined by hyphens)' });
      continue;
    }
    const parsed = v.safeParse(OverrideSchema, raw[key]);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const field = (issue.path ?? []).map((p) => String(p.key)).join(' › ');
        problems.push({ path: field ? `${where} › ${field}` : where, message: issue.message });
      }
      continue;
    }
    // defineProperty: a key like "constructor" becomes an own entry, never a write through the prototype.
    Object.defineProperty(out, key, { value: parsed.output, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A team's edit must be a pattern the guard can prove cannot hang (no nested or overlapping
 * repeats; lookbehind and backreferences are not allowed), and do what its examples say.
 */
function editProblems(edit: EditSpec, index: number): PackProblem[] {
  const where = `edits[${index}] "${edit.id}"`;
  if (/\(\?<[=!]|\\[1-9]|\\k</.test(edit.find)) return [{ path: `${where} › find`, message: 'lookbehind and backreferences are not allowed in an edit' }];
  try {
    new RegExp(edit.find, 'diu');
    const shape = hangShape(parseRegex(checkableSource(edit.find)));
    if (shape) return [{ path: `${where} › find`, message: shape }];
  } catch (error) {
    return [{ path: `${where} › find`, message: `not a valid pattern: ${(error as Error).message}` }];
  }
  const problems: PackProblem[] = [];
  edit.examples.forEach(([input, output], i) => {
    const got = applyEdit(input, edit) ?? input;
    if (got !== output) problems.push({ path: `${where} › examples[${i}]`, message: `turns ${JSON.stringify(input)} into ${JSON.stringify(got)}, not ${JSON.stringify(output)}` });
  });
  return problems;
}

/** A rule's own examples must behave: each `flags` reply flagged by it, no `allows` reply. */
function exampleProblems(rule: RuleSpec, index: number): PackProblem[] {
  const where = `rules[${index}] "${rule.id}"`;
  const analyzer = createAnalyzerFrom([{ ...rule, enabled: true }], { tips: false });
  const fires = (text: string) => analyzer.analyzeFresh(text).findings.some((f) => f.ruleId === rule.id);
  const problems: PackProblem[] = [];
  rule.examples.flags.forEach((text, i) => {
    if (!fires(text)) problems.push({ path: `${where} › examples › flags[${i}]`, message: `example ${i + 1} is not flagged by this rule: ${JSON.stringify(text)}` });
  });
  rule.examples.allows.forEach((text, i) => {
    if (fires(text)) problems.push({ path: `${where} › examples › allows[${i}]`, message: `example ${i + 1} is flagged by this rule but should not be: ${JSON.stringify(text)}` });
  });
  return problems;
}

/**
 * Validates unknown JSON as a pack: shape, then every pattern, then duplicate ids, overrides,
 * and each rule's own examples run through the engine.
 */
export function validatePack(input: unknown, options: ValidateOptions = {}): PackResult {
  const parsed = v.safeParse(PackSchema, input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map((issue) => ({ path: describePath(input, issue), message: issue.message })),
    };
  }
  const pack = parsed.output as RulePack;
  const cost = { total: 0 };
  const patternProblems = pack.rules.map((rule, i) => ruleProblems(rule, i, cost));
  const problems: PackProblem[] = patternProblems.flat();
  if (cost.total > PACK_COST_LIMITS.perPack) {
    problems.push({
      path: 'rules',
      message: `the pack's patterns ask for about ${cost.total.toLocaleString('en')} units of matching work per sentence; the limit is ${PACK_COST_LIMITS.perPack.toLocaleString('en')} (split it, or simplify the heaviest rules)`,
    });
  }
  const seen = new Set<string>();
  pack.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) problems.push({ path: `rules[${i}] "${rule.id}" › id`, message: 'this id is used by an earlier rule in the pack' });
    seen.add(rule.id);
  });
  const overrides = validateOverrides((input as { overrides?: Record<string, unknown> }).overrides, problems);
  if (overrides === undefined) delete pack.overrides;
  else pack.overrides = overrides;
  if (pack.schemaVersion === 1 && pack.edits) problems.push({ path: 'edits', message: `edits need "schemaVersion": ${PACK_SCHEMA_VERSION}` });
  const editIds = new Set<string>();
  pack.edits?.forEach((edit, i) => {
    if (editIds.has(edit.id)) problems.push({ path: `edits[${i}] "${edit.id}" › id`, message: 'this id is used by an earlier edit in the pack' });
    editIds.add(edit.id);
    problems.push(...editProblems(edit, i));
  });
  // A version 1 pack is a version 2 pack without edits.
  pack.schemaVersion = PACK_SCHEMA_VERSION;
  // Examples only run for rules whose patterns compiled.
  pack.rules.forEach((rule, i) => {
    if (patternProblems[i]!.length === 0) problems.push(...exampleProblems(rule, i));
  });
  if (problems.length) return { ok: false, problems };
  const known = new Set([...builtinRules.map((r) => r.id), ...CATEGORIES.map((c) => `model/${c}`), ...seen, ...(options.knownRuleIds ?? [])]);
  const warnings: PackProblem[] = Object.keys(overrides ?? {})
    .filter((id) => !known.has(id))
    .map((id) => ({ path: `overrides › ${JSON.stringify(id)}`, message: 'no rule has this id: neither this pack nor the built-in rules (is it a typo, or a rule from another pack?)' }));
  return warnings.length ? { ok: true, pack, warnings } : { ok: true, pack };
}

/** Parses pack JSON text; syntax errors become a problem, not an exception. */
export function parsePack(json: string): PackResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return validatePack(data);
}

export function formatProblems(problems: PackProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
