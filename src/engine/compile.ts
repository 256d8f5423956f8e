/**
 * Turns rule data into something fast to run: parsed compromise patterns, the
 * words a sentence must contain before the rule is worth running (a cheap
 * prefilter, so most sentences never reach the tagger), and whether tags are needed.
 */
import { parseMatch, type ParsedMatch } from './nlp';
import { wordCost } from './common-words';
import { SafeRegex } from './safe-regex';
import { bracketProblem, groupNameProblem, PATTERN_LIMITS, regexProblem, regexTerms } from './safety';
import type { RuleSpec } from './types';

export interface CompiledPattern {
  source: string;
  /**
   * The parsed pattern as one or more variants: compromise does not match a multi-word
   * choice right after a wildcard ("will .{0,6} (soon|when possible)" never matches), so
   * such choices are expanded into one variant per option.
   */
  variants: ParsedMatch[];
  needsTags: boolean;
  /**
   * The pattern with its top-level tag terms loosened to "any word": it matches a
   * superset, on the cheap untagged document, so the tagger only runs where it might matter.
   * null when the pattern needs no tags or has tags nested in choices.
   */
  loose: ParsedMatch[] | null;
  /**
   * Word sets the sentence must hit, one per required literal term: a sentence whose
   * words miss any set cannot match, so compromise never runs on it (the prefilter).
   */
  required: Array<Set<string>>;
  /**
   * Work units per sentence position, summed over variants: each term counts once, times
   * the words a wildcard or repeat may take (a greedy one counts 8), choices their options.
   * The pack cost budget adds these up (see pack.ts), so a pack that stays inside every
   * per-pattern bound still cannot cost seconds per sentence in total.
   */
  cost: number;
}

export interface CompiledRule {
  spec: RuleSpec;
  patterns: CompiledPattern[];
  exceptions: CompiledPattern[];
}

export class PatternError extends Error {}

const SYNTAX_CHARS = /[#@()[\]|*+^$/{}<>~!]/;
/** Words the prefilter's word bag can hold as they are (it splits on anything else). */
const BAG_WORD = /^[\p{L}\p{N}]+(?:'[\p{L}]+)?$/u;

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
  greedy?: boolean;
  fastOr?: Set<string>;
  choices?: ParsedTerm[][];
  /** compromise calls only `.test(word)` on it: a SafeRegex once compiled. */
  regex?: { source: string; test(word: string): boolean };
  anything?: boolean;
  method?: string;
  root?: string;
  group?: string;
}

/** Every term of a parsed pattern, including those inside choices. */
function* allTerms(terms: ParsedTerm[]): Generator<ParsedTerm> {
  for (const t of terms) {
    yield t;
    for (const choice of t.choices ?? []) yield* allTerms(choice);
  }
}

function termWords(term: ParsedTerm): string[] | null {
  if (term.optional) return null;
  if (term.word) return [term.word];
  if (term.fastOr) return [...term.fastOr];
  if (term.choices) {
    // Every word of a multi-word choice is needed, so its rarest word stands for it.
    const words: string[] = [];
    for (const choice of term.choices) {
      const options = choice.map(termWords).filter((w): w is string[] => w !== null);
      if (!options.length) return null;
      // An option's set costs as much as its most common word; keep the option term with the rarest set.
      const cost = (ws: string[]) => Math.max(...ws.map(wordCost));
      const best = options.reduce((a, b) => (cost(b) < cost(a) ? b : a));
      words.push(...best);
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

const MAX_VARIANTS = 64;
const isWildcard = (t: ParsedTerm | undefined) => !!t && !!t.anything && (t.greedy || t.optional || (t as { max?: number }).max !== undefined);

/** Expands each multi-word choice that follows a wildcard into separate variants. */
function expandChoices(terms: ParsedTerm[]): ParsedTerm[][] {
  const at = terms.findIndex(
    (t, i) => i > 0 && isWildcard(terms[i - 1]) && (t.choices?.some((c) => c.length > 1) ?? false),
  );
  if (at === -1) return [terms];
  const choice = terms[at]!;
  const out: ParsedTerm[][] = [];
  for (const option of choice.choices!) {
    // Keep the choice's own flags (optional, group membership) on a one-term option;
    // a longer option is spliced in as is.
    const spliced = option.length === 1 ? [{ ...option[0]!, optional: choice.optional }] : option;
    if (choice.optional && option.length > 1) out.push(...expandChoices([...terms.slice(0, at), ...terms.slice(at + 1)]));
    out.push(...expandChoices([...terms.slice(0, at), ...spliced, ...terms.slice(at + 1)]));
    if (out.length > MAX_VARIANTS) break;
  }
  return out;
}

const GREEDY_REACH = 8;
function termCost(t: ParsedTerm): number {
  const { max, greedy } = t as { max?: number; greedy?: boolean };
  const reach = Math.max(1, max ?? (greedy ? GREEDY_REACH : 1));
  const own = t.choices ? t.choices.reduce((sum, c) => sum + c.reduce((a, x) => a + termCost(x), 0), 0) : 1;
  return own * reach;
}

function loosen(terms: ParsedTerm[]): ParsedMatch | null {
  if (!usesTags(terms)) return terms as unknown as ParsedMatch;
  // compromise does not backtrack, so "any word?" or "any words+" could swallow a word the next
  // term needs: only single required tag terms are loosened, and never inside choices.
  const unsafe = (t: ParsedTerm) =>
    (t.tag !== undefined && (t.optional || t.greedy || (t as { min?: number }).min !== undefined)) ||
    t.choices?.some(usesTags) ||
    t.method !== undefined ||
    t.root !== undefined;
  if (terms.some(unsafe)) return null;
  return terms.map((t) => {
    if (t.tag === undefined) return t;
    const { tag: _tag, ...rest } = t;
    return { ...rest, anything: true };
  }) as unknown as ParsedMatch;
}

/** The cheap prefilter: can this pattern match a sentence with these words at all? */
export function mayMatch(pattern: CompiledPattern, bag: Set<string>): boolean {
  for (const set of pattern.required) if (!intersects(set, bag)) return false;
  return true;
}

/** Whether two sets share a word, walking the smaller one (a choice can list dozens of words; a sentence has a few). */
function intersects(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) return true;
  return false;
}

/**
 * Compiled patterns by source text. Parsing is the costly part of building an analyzer, and
 * compiled patterns are never mutated, so analyzers (and a warm-up done in slices ahead of
 * time) share them. Bounded so that editing rules in the options page cannot grow it forever.
 */
const compiledCache = new Map<string, CompiledPattern>();
const COMPILED_CACHE_MAX = 5000;

export function compilePattern(raw: string): CompiledPattern {
  const hit = compiledCache.get(raw);
  if (hit) return hit;
  const compiled = compileUncached(raw);
  if (compiledCache.size >= COMPILED_CACHE_MAX) compiledCache.clear();
  compiledCache.set(raw, compiled);
  return compiled;
}

function compileUncached(raw: string): CompiledPattern {
  const source = toMatchSyntax(raw);
  if (source.length === 0) throw new PatternError('pattern is empty');
  if (source.length > PATTERN_LIMITS.maxChars) {
    throw new PatternError(`pattern is longer than ${PATTERN_LIMITS.maxChars} characters`);
  }
  const brackets = bracketProblem(source);
  if (brackets) throw new PatternError(`pattern does not parse: ${brackets}`);
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
  for (const t of allTerms(terms)) {
    const problem = typeof t.group === 'string' ? groupNameProblem(t.group) : null;
    if (problem) throw new PatternError(problem);
    if (t.regex) {
      // Every regex term compromise found, however it was written (!/…/, /…/{1,2}, [<g>/…/]), is
      // checked, then replaced by the linear-time matcher: no word can make it backtrack.
      const source = t.regex.source;
      const regexIssue = regexProblem(source);
      if (regexIssue) throw new PatternError(regexIssue);
      t.regex = new SafeRegex(source);
    }
  }
  if (terms.length > PATTERN_LIMITS.maxTerms) {
    throw new PatternError(`pattern has more than ${PATTERN_LIMITS.maxTerms} terms`);
  }
  if (countChoices(terms) > PATTERN_LIMITS.maxChoices) {
    throw new PatternError(`pattern has more than ${PATTERN_LIMITS.maxChoices} alternatives`);
  }
  if (terms.every((t) => t.optional || t.anything)) {
    throw new PatternError('pattern needs at least one required word or tag, or it would match every sentence');
  }
  const required = terms
    .map(termWords)
    .filter((w): w is string[] => w !== null && w.length > 0 && w.every((x) => BAG_WORD.test(x)))
    .map((w) => new Set(w.map((x) => x.toLowerCase())));
  const needsTags = usesTags(terms);
  const variants = expandChoices(terms);
  if (variants.length > MAX_VARIANTS) throw new PatternError(`pattern expands to more than ${MAX_VARIANTS} variants`);
  const loose = needsTags ? variants.map(loosen) : null;
  return {
    source,
    variants: variants as unknown as ParsedMatch[],
    needsTags,
    loose: loose && loose.every((l) => l !== null) ? (loose as ParsedMatch[]) : null,
    required,
    cost: variants.reduce((sum, v) => sum + v.reduce((a, t) => a + termCost(t), 0), 0),
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
  return { spec, patterns: compileAll(spec, 'patterns'), exceptions: compileAll(spec, 'exceptions') };
}
