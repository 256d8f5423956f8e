/**
 * The rule-pack format (JSON, schema-versioned) and its validation. A pack is
 * all-or-nothing: any problem rejects the whole pack with messages that name the
 * rule and the field, so nothing half-loads.
 */
import * as v from 'valibot';
import { compilePattern, PatternError } from './compile';
import { CATEGORIES, CONTEXT_CHECKS, SENSITIVITIES, SEVERITIES, type RulePack, type RuleSpec } from './types';

export const PACK_SCHEMA_VERSION = 1;
const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

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
    flags: v.pipe(v.array(Text(600)), v.maxLength(50)),
    allows: v.pipe(v.array(Text(600)), v.maxLength(50)),
  }),
  enabled: v.optional(v.boolean()),
});

const OverrideSchema = v.strictObject({
  enabled: v.optional(v.boolean()),
  severity: v.optional(v.picklist(SEVERITIES, `must be one of ${SEVERITIES.join(', ')}`)),
  locked: v.optional(v.boolean()),
  sensitivity: v.optional(v.picklist(SENSITIVITIES, `must be one of ${SENSITIVITIES.join(', ')} (learned checks only)`)),
});

export const PackSchema = v.strictObject({
  $schema: v.optional(v.string()),
  schemaVersion: v.literal(PACK_SCHEMA_VERSION, `must be ${PACK_SCHEMA_VERSION} (this version of Tactful reads pack format ${PACK_SCHEMA_VERSION})`),
  name: Text(100),
  version: Text(40),
  rules: v.pipe(v.array(RuleSchema), v.maxLength(1000, 'at most 1000 rules')),
  overrides: v.optional(v.record(v.string(), OverrideSchema)),
});

export interface PackProblem {
  /** Where, e.g. `rules[2] "not-my-job" › patterns[0]`. */
  path: string;
  message: string;
}

export type PackResult = { ok: true; pack: RulePack } | { ok: false; problems: PackProblem[] };

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

function ruleProblems(rule: RuleSpec, index: number): PackProblem[] {
  const where = `rules[${index}] "${rule.id}"`;
  const problems: PackProblem[] = [];
  const check = (field: 'patterns' | 'exceptions', list: string[] | undefined) =>
    list?.forEach((p, i) => {
      try {
        compilePattern(p);
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        problems.push({ path: `${where} › ${field}[${i}]`, message: `${error.message}: ${JSON.stringify(p)}` });
      }
    });
  check('patterns', rule.patterns);
  check('exceptions', rule.exceptions);
  return problems;
}

/** Validates unknown JSON as a pack: shape, then every pattern, then duplicate ids. */
export function validatePack(input: unknown): PackResult {
  const parsed = v.safeParse(PackSchema, input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map((issue) => ({ path: describePath(input, issue), message: issue.message })),
    };
  }
  const pack = parsed.output as RulePack;
  const problems: PackProblem[] = pack.rules.flatMap(ruleProblems);
  const seen = new Set<string>();
  pack.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) problems.push({ path: `rules[${i}] "${rule.id}" › id`, message: 'this id is used by an earlier rule in the pack' });
    seen.add(rule.id);
  });
  return problems.length ? { ok: false, problems } : { ok: true, pack };
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
