/**
 * Runs compiled rules over one sentence. Everything here depends on the sentence
 * alone, so the analyzer can cache the result by sentence text.
 */
import { mayMatch, type CompiledPattern, type CompiledRule } from './compile';
import { tag, tokenize, type Doc } from './nlp';
import { checkContext } from './context';
import { render, type Rendered } from './rewrite';
import { candidateRules, SENTENCE_BUDGET_MS, type RuleSet } from './ruleset';
import type { AnalysisWarning, Suggestion } from './types';
import { wordBag } from './words';

/** Thrown inside a rule's matching once the sentence's time is up. */
class OutOfTime extends Error {}

interface Clock {
  check(): void;
}

class Budget implements Clock {
  private readonly deadline: number;
  constructor(ms: number) {
    this.deadline = Date.now() + ms;
  }
  /** Called between compromise match calls (each is bounded by the pattern limits). */
  check(): void {
    if (Date.now() > this.deadline) throw new OutOfTime();
  }
}

/** The built-in rules' budget: never runs out, so it never reads the clock (Date.now() per match call was ~8% of an analysis). */
const UNLIMITED: Clock = { check() {} };

/** The hits of one sentence; `skipped` lists rules not run for it because its time ran out. */
export type SentenceHits = Hit[] & { skipped?: string[] };

/** Warnings for the rules a sentence skipped, at the sentence's offsets in the input. */
export function skippedWarnings(skipped: readonly string[], start: number, end: number, budgetMs = SENTENCE_BUDGET_MS): AnalysisWarning[] {
  return skipped.map((ruleId) => ({
    kind: 'rule-skipped' as const,
    ruleId,
    start,
    end,
    message: `Rule "${ruleId}" was skipped for this sentence: checking the rules took longer than the ${budgetMs} ms a sentence may take (simplify its patterns).`,
  }));
}

export interface Hit {
  rule: CompiledRule;
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  /** For a rule that flags its whole sentence, the matched words that carry the problem. */
  core?: { start: number; end: number };
  suggestions: Rendered[];
}

interface OffsetJson {
  terms?: Array<{ offset?: { start: number; length: number } }>;
}

const TRAILING = /[\s.,;:!?…"')\]-]+$/;
const LEADING = /^[\s"'(\[-]+/;
const ONLY_PUNCTUATION = /^[\s.,;:!?…"')\]-]*$/;
/**
 * What wraps a sentence rather than belonging to it: opening quotes, brackets, emphasis marks
 * or an HTML start tag before it; after its end punctuation, closing quotes, brackets,
 * emphasis marks, end tags and emoji (the closers the segmenter ends a sentence with). A
 * whole-sentence rewrite replaces what is between, so the wrapping stays, the sentence's
 * own end punctuation is replaced by the rewrite's, and the boundary with the next sentence holds.
 */
const WRAP_START = /^(?:[\s"'(\[{*_~\u201C\u2018\u00AB\u2039\u201E]|<[a-z][a-z0-9]{0,9}>)+/u;
const TRAILING_WRAP = /^[\s"')\]}*_~\u201D\u2019\u00BB\u203A\u200D\uFE0E\uFE0F\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u;
const END_TAG = /<\/[a-z][a-z0-9]{0,9}>$/;

/** What may come before a sentence's first word: wrappers, or a dash opening a line. */
const SENTENCE_OPENING = /^(?:[\s"'(\[{*_~\u201C\u2018\u00AB\u2039\u201E\u2014\u2013-]|<[a-z][a-z0-9]{0,9}>)*$/u;

function sentenceSpan(original: string): { start: number; end: number } {
  const start = WRAP_START.exec(original)?.[0].length ?? 0;
  let end = original.length;
  // Scanned from the end one code point at a time (a regex anchored at $ would retry from every position).
  while (end > start) {
    const cp = original.charCodeAt(end - 1);
    const unit = cp >= 0xdc00 && cp <= 0xdfff && end - 2 >= start ? 2 : 1;
    if (TRAILING_WRAP.test(original.slice(end - unit, end))) {
      end -= unit;
      continue;
    }
    const tag = original[end - 1] === '>' ? END_TAG.exec(original.slice(Math.max(start, end - 12), end)) : null;
    if (!tag) break;
    end -= tag[0].length;
  }
  return end > start ? { start, end } : { start: 0, end: original.length };
}

/** Lazily built compromise documents for one sentence: tagging only when a rule needs it. */
class SentenceDocs {
  private tokenized?: Doc;
  private tagged?: Doc;
  /** "'s" is "is" or "has" (or a possessive), "'d" is "would" or "had": only the tagger can tell, so such sentences are always tagged. */
  private readonly ambiguous: boolean;
  constructor(private readonly text: string) {
    this.ambiguous = /'[sd]\b/i.test(text);
  }
  get(needsTags: boolean): Doc {
    if (needsTags || this.ambiguous) return (this.tagged ??= tag(this.text));
    return (this.tagged ?? (this.tokenized ??= tokenize(this.text)));
  }
}

/** Any compromise view: a document or a match within one. */
interface ViewLike {
  json(options: { offset: boolean }): unknown;
}

/**
 * Offsets of each match, from its terms: compromise's match-level `offset.start` skips a
 * leading punctuation token ("( ", "— ") while its `length` counts it, so the span would
 * run past the matched words, the sentence and even the input.
 */
function offsetsOf(view: ViewLike): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const j of view.json({ offset: true }) as OffsetJson[]) {
    let start = Infinity;
    let end = -Infinity;
    for (const t of j.terms ?? []) {
      if (!t.offset) continue;
      start = Math.min(start, t.offset.start);
      end = Math.max(end, t.offset.start + t.offset.length);
    }
    if (end > start) out.push({ start, end });
  }
  return out;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const slice = text.slice(start, end);
  const lead = LEADING.exec(slice)?.[0].length ?? 0;
  const trail = TRAILING.exec(slice.slice(lead))?.[0].length ?? 0;
  return { start: start + lead, end: end - trail };
}

/** Named captures, clipped to the span they will be written into (a word's markup or quote outside it stays where it is). */
function captures(view: Doc, text: string, within: { start: number; end: number }): Record<string, string> {
  // No prototype: a capture is looked up by the name a template gives, never an inherited member.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  // groups() spans every match; the first offset of each group belongs to the first match.
  const groups = view.groups() as unknown as Record<string, Doc>;
  for (const [name, g] of Object.entries(groups)) {
    const o = offsetsOf(g)[0];
    if (!o) continue;
    const span = trimSpan(text, Math.max(o.start, within.start), Math.min(o.end, within.end));
    if (span.end <= span.start) continue;
    out[name] = text.slice(span.start, span.end);
  }
  return out;
}

/** Word prefilter, then the loosened pattern on the untagged document, before any tagging. */
function worthTrying(p: CompiledPattern, docs: SentenceDocs, bag: Set<string>): boolean {
  if (!mayMatch(p, bag)) return false;
  return !p.loose || p.loose.some((v) => docs.get(false).has(v as never));
}

function anyMatches(patterns: CompiledPattern[], docs: SentenceDocs, bag: Set<string>, budget: Clock): boolean {
  return patterns.some(
    (p) =>
      worthTrying(p, docs, bag) &&
      p.variants.some((v) => {
        budget.check();
        return docs.get(p.needsTags).has(v as never);
      }),
  );
}

interface FirstMatch {
  doc: Doc;
  pattern: CompiledPattern;
  variant: number;
}

/** The rule's first matching pattern variant, in order; everything before it did not match. */
function firstMatch(rule: CompiledRule, docs: SentenceDocs, bag: Set<string>, budget: Clock): FirstMatch | null {
  for (const pattern of rule.patterns) {
    budget.check();
    if (!worthTrying(pattern, docs, bag)) continue;
    for (let variant = 0; variant < pattern.variants.length; variant++) {
      budget.check();
      const m = docs.get(pattern.needsTags).match(pattern.variants[variant] as never);
      if (m.found) return { doc: m as unknown as Doc, pattern, variant }; // not .eq(0): that drops the named groups
    }
  }
  return null;
}

/**
 * "Rules are rules, my hands are tied": one rule matching twice in a sentence is one
 * finding over both, so a single rewrite replaces the whole excuse. Only the first match's
 * own results and the patterns after it are looked at: those before it did not match.
 */
function widenToAllMatches(
  rule: CompiledRule,
  first: FirstMatch,
  docs: SentenceDocs,
  bag: Set<string>,
  text: string,
  span: { start: number; end: number },
  budget: Clock,
): void {
  const widen = (offsets: Array<{ start: number; end: number }>) => {
    for (const o of offsets) {
      const t = trimSpan(text, o.start, o.end);
      if (t.end <= t.start) continue;
      span.start = Math.min(span.start, t.start);
      span.end = Math.max(span.end, t.end);
    }
  };
  widen(offsetsOf(first.doc));
  const from = rule.patterns.indexOf(first.pattern);
  for (let i = from; i < rule.patterns.length; i++) {
    const p = rule.patterns[i]!;
    if (i > from && !worthTrying(p, docs, bag)) continue;
    for (let v = i === from ? first.variant + 1 : 0; v < p.variants.length; v++) {
      budget.check();
      widen(offsetsOf(docs.get(p.needsTags).match(p.variants[v] as never)));
    }
  }
}

/**
 * @param original the sentence as typed (used for captures and case)
 * @param folded the same sentence with typography folded (same length)
 */
export function matchSentence(original: string, folded: string, ruleSet: RuleSet): SentenceHits {
  const lower = folded.toLowerCase();
  const bag = wordBag(lower);
  const docs = new SentenceDocs(folded);
  const hits: SentenceHits = [];
  // Only team packs' rules run against the clock: the built-in rules are linear by test, and a
  // wall-clock budget on them would drop findings whenever the machine is busy (or the NLP
  // library is still warming up). The clock starts at the first pack rule.
  let budget: Clock | null = null;
  // A rule silenced by its own sentence (a time, a question, ownership) is silenced whatever the
  // next sentence says, so it is skipped before any matching; the rest is checked in context later.
  const ownContext = { lower, nextLower: '' };
  const candidates = candidateRules(ruleSet, bag);
  for (let k = 0; k < candidates.length; k++) {
    const rule = ruleSet.rules[candidates[k]!]!;
    if (rule.spec.unless?.some((check) => checkContext(check, ownContext))) continue;
    try {
      const fromPack = (rule.spec as { source?: string }).source === 'pack';
      const hit = matchRule(rule, original, docs, bag, fromPack ? (budget ??= new Budget(ruleSet.sentenceBudgetMs)) : UNLIMITED);
      if (hit) hits.push(hit);
    } catch (error) {
      if (!(error instanceof OutOfTime)) throw error;
      // This pack rule and every pack rule after it: a sentence never costs much more than its budget.
      hits.skipped = candidates
        .slice(k)
        .map((index) => ruleSet.rules[index]!.spec)
        .filter((spec) => (spec as { source?: string }).source === 'pack')
        .map((spec) => spec.id);
      for (const index of candidates.slice(k + 1)) {
        const rest = ruleSet.rules[index]!;
        if ((rest.spec as { source?: string }).source === 'pack' || rest.spec.unless?.some((check) => checkContext(check, ownContext))) continue;
        const hit = matchRule(rest, original, docs, bag, UNLIMITED);
        if (hit) hits.push(hit);
      }
      break;
    }
  }
  return hits;
}

function matchRule(rule: CompiledRule, original: string, docs: SentenceDocs, bag: Set<string>, budget: Clock): Hit | null {
  const first = firstMatch(rule, docs, bag, budget);
  if (!first) return null;
  if (anyMatches(rule.exceptions, docs, bag, budget)) return null;
  const m = first.doc;
  const o = offsetsOf(m)[0];
  if (!o) return null;
  const whole = rule.spec.scope === 'sentence';
  const span = whole ? sentenceSpan(original) : trimSpan(original, o.start, o.end);
  if (!whole) widenToAllMatches(rule, first, docs, bag, original, span, budget);
  if (span.end <= span.start) return null;
  const core = whole ? coreOf(m, original, trimSpan(original, o.start, o.end)) : undefined;
  const head = original.slice(0, span.start);
  const suggestions = render(rule.spec.suggestions, {
    original: original.slice(span.start, span.end),
    atSentenceStart: whole || SENTENCE_OPENING.test(head),
    atSentenceEnd: whole || ONLY_PUNCTUATION.test(original.slice(span.end)),
    captures: captures(m, original, span),
  });
  return core ? { rule, start: span.start, end: span.end, core, suggestions } : { rule, start: span.start, end: span.end, suggestions };
}

/**
 * The words that carry the problem in a whole-sentence match: the match without a
 * captured part at either edge ("As I already said, [<rest>…]" → "As I already said,").
 */
function coreOf(view: Doc, text: string, match: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = match;
  const groups = view.groups() as unknown as Record<string, Doc>;
  for (const g of Object.values(groups)) {
    const o = offsetsOf(g)[0];
    if (!o) continue;
    if (o.start <= start && o.end < end) start = Math.max(start, o.end);
    else if (o.end >= end && o.start > start) end = Math.min(end, o.start);
  }
  const t = trimSpan(text, start, end);
  return t.end > t.start ? t : match;
}
