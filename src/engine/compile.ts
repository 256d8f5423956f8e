/**
 * Turns rule data into something fast to run: parsed compromise patterns, the
 * words a sentence must contain before the rule is worth running (a cheap
 * prefilter, so most sentences never reach the tagger), and whether tags are needed.
 */
import { parseMatch, type ParsedMatch } from './nlp';
import { PATTERN_LIMITS, regexProblem, regexTerms } from './safety';
import type { RuleSpec } from './types';

export interface CompiledPattern {
  source: string;
  parsed: ParsedMatch;
  needsTags: boolean;
  /** The sentence must hold one of these words; null when the pattern has no required word. */
  triggers: Set<string> | null;
}

export interface CompiledRule {
  spec: RuleSpec;
  patterns: CompiledPattern[];
  exceptions: CompiledPattern[];
  /** Union of the patterns' triggers; null = always a candidate. */
  triggers: Set<string> | null;
}

export class PatternError extends Error {}

const SYNTAX_CHARS = /[#@()[\]|*+^$/{}<>~!]/;
// Words that contractions hide ("that's", "won't") are weak triggers; prefer others.
const WEAK = new Set(['is', 'am', 'are', 'was', 'will', 'would', 'have', 'has', 'had', 'not', 'do', 'does', 'did', 'us', 'be', 'it', 'a', 'the', 'to', 'i', 'we', 'you']);

/**
 * compromise expands contractions in the text ("won't" → "will not") but not in
 * patterns, so patterns are spelled out the same way before parsing.
 */
function expandContractions(pattern: string): string {
  return pattern
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\bwon't\b/gi, 'will not')
    .replace(/\bcan't\b/gi, 'can not')
    .replace(/\bshan't\b/gi, 'shall not')
    .replace(/\b(\w+)n't\b/gi, '$1 not')
    .replace(/\b(i|you|we|they|he|she|it|that|there|who)'ll\b/gi, '$1 will')
    .replace(/\b(i|you|we|they|would|should|could|must)'ve\b/gi, '$1 have')
    .replace(/\b(you|we|they|who)'re\b/gi, '$1 are')
    .replace(/\bi'm\b/gi, 'i am')
    .replace(/\b(it|that|there|what|he|she|who|here|this)'s\b/gi, '$1 is');
}

/** A team lead may write a plain phrase; it becomes a literal compromise pattern. */
export function toMatchSyntax(pattern: string): string {
  const trimmed = expandContractions(pattern.trim());
  if (SYNTAX_CHARS.test(trimmed)) return trimmed;
  return trimmed
    .replace(/[.,;:?"\u201C\u201D]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface ParsedTerm {
  word?: string;
  tag?: string;
  optional?: boolean;
  fastOr?: Set<string>;
  choices?: ParsedTerm[][];
  regex?: RegExp;
  anything?: boolean;
  method?: string;
  root?: string;
}

function termWords(term: ParsedTerm): string[] | null {
  if (term.optional) return null;
  if (term.word) return [term.word];
  if (term.fastOr) return [...term.fastOr];
  if (term.choices) {
    const words: string[] = [];
    for (const choice of term.choices) {
      const first = choice.find((t) => !t.optional);
      const w = first ? termWords(first) : null;
      if (!w) return null;
      words.push(...w);
    }
    return words;
  }
  return null;
}

function usesTags(terms: ParsedTerm[]): boolean {
  return terms.some(
    (t) => t.tag !== undefined || t.method !== undefined || t.root !== undefined || (t.choices?.some(usesTags) ?? false),
  );
}

function countChoices(terms: ParsedTerm[]): number {
  let n = 0;
  for (const t of terms) {
    n += t.fastOr?.size ?? 0;
    if (t.choices) n += t.choices.length + t.choices.reduce((s, c) => s + countChoices(c), 0);
  }
  return n;
}

export function compilePattern(raw: string): CompiledPattern {
  const source = toMatchSyntax(raw);
  if (source.length === 0) throw new PatternError('pattern is empty');
  if (source.length > PATTERN_LIMITS.maxChars) {
    throw new PatternError(`pattern is longer than ${PATTERN_LIMITS.maxChars} characters`);
  }
  for (const re of regexTerms(source)) {
    const problem = regexProblem(re);
    if (problem) throw new PatternError(problem);
  }
  let parsed: ParsedMatch;
  try {
    parsed = parseMatch(source);
  } catch (error) {
    throw new PatternError(`pattern does not parse: ${(error as Error).message}`);
  }
  const terms = parsed as unknown as ParsedTerm[];
  if (terms.length === 0) throw new PatternError('pattern matches nothing');
  if (terms.length > PATTERN_LIMITS.maxTerms) {
    throw new PatternError(`pattern has more than ${PATTERN_LIMITS.maxTerms} terms`);
  }
  if (countChoices(terms) > PATTERN_LIMITS.maxChoices) {
    throw new PatternError(`pattern has more than ${PATTERN_LIMITS.maxChoices} alternatives`);
  }
  if (terms.every((t) => t.optional || t.anything)) {
    throw new PatternError('pattern needs at least one required word or tag, or it would match every sentence');
  }
  const candidates = terms.map(termWords).filter((w): w is string[] => w !== null && w.length > 0);
  const strong = candidates.find((w) => w.every((x) => !WEAK.has(x)));
  const chosen = strong ?? candidates[0];
  return {
    source,
    parsed,
    needsTags: usesTags(terms),
    triggers: chosen ? new Set(chosen.map((w) => w.toLowerCase())) : null,
  };
}

function compileAll(spec: RuleSpec, field: 'patterns' | 'exceptions'): CompiledPattern[] {
  return (spec[field] ?? []).map((p, i) => {
    try {
      return compilePattern(p);
    } catch (error) {
      if (error instanceof PatternError) throw new PatternError(`rule "${spec.id}" › ${field}[${i}]: ${error.message}`);
      throw error;
    }
  });
}

export function compileRule(spec: RuleSpec): CompiledRule {
  const patterns = compileAll(spec, 'patterns');
  const exceptions = compileAll(spec, 'exceptions');
  let triggers: Set<string> | null = new Set();
  for (const p of patterns) {
    if (!p.triggers) {
      triggers = null;
      break;
    }
    for (const w of p.triggers) triggers.add(w);
  }
  return { spec, patterns, exceptions, triggers };
}
