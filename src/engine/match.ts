/**
 * Runs compiled rules over one sentence. Everything here depends on the sentence
 * alone, so the analyzer can cache the result by sentence text.
 */
import { mayMatch, type CompiledPattern, type CompiledRule } from './compile';
import { tag, tokenize, type Doc } from './nlp';
import { checkContext } from './context';
import { render } from './rewrite';
import { candidateRules, type RuleSet } from './ruleset';
import type { Suggestion } from './types';
import { wordBag } from './words';

export interface Hit {
  rule: CompiledRule;
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  suggestions: Suggestion[];
}

interface OffsetJson {
  offset?: { start: number; length: number };
}

const TRAILING = /[\s.,;:!?…"')\]-]+$/;
const LEADING = /^[\s"'(\[-]+/;
const ONLY_PUNCTUATION = /^[\s.,;:!?…"')\]-]*$/;

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

function offsetsOf(view: ViewLike): Array<{ start: number; end: number }> {
  return (view.json({ offset: true }) as OffsetJson[])
    .filter((j) => j.offset)
    .map((j) => ({ start: j.offset!.start, end: j.offset!.start + j.offset!.length }));
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const slice = text.slice(start, end);
  const lead = LEADING.exec(slice)?.[0].length ?? 0;
  const trail = TRAILING.exec(slice.slice(lead))?.[0].length ?? 0;
  return { start: start + lead, end: end - trail };
}

function captures(view: Doc, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  // groups() spans every match; the first offset of each group belongs to the first match.
  const groups = view.groups() as unknown as Record<string, Doc>;
  for (const [name, g] of Object.entries(groups)) {
    const o = offsetsOf(g)[0];
    if (!o) continue;
    const span = trimSpan(text, o.start, o.end);
    out[name] = text.slice(span.start, span.end);
  }
  return out;
}

/** Word prefilter, then the loosened pattern on the untagged document, before any tagging. */
function worthTrying(p: CompiledPattern, docs: SentenceDocs, bag: Set<string>): boolean {
  if (!mayMatch(p, bag)) return false;
  return !p.loose || p.loose.some((v) => docs.get(false).has(v as never));
}

function anyMatches(patterns: CompiledPattern[], docs: SentenceDocs, bag: Set<string>): boolean {
  return patterns.some((p) => worthTrying(p, docs, bag) && p.variants.some((v) => docs.get(p.needsTags).has(v as never)));
}

interface FirstMatch {
  doc: Doc;
  pattern: CompiledPattern;
  variant: number;
}

/** The rule's first matching pattern variant, in order; everything before it did not match. */
function firstMatch(rule: CompiledRule, docs: SentenceDocs, bag: Set<string>): FirstMatch | null {
  for (const pattern of rule.patterns) {
    if (!worthTrying(pattern, docs, bag)) continue;
    for (let variant = 0; variant < pattern.variants.length; variant++) {
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
      widen(offsetsOf(docs.get(p.needsTags).match(p.variants[v] as never)));
    }
  }
}

/**
 * @param original the sentence as typed (used for captures and case)
 * @param folded the same sentence with typography folded (same length)
 */
export function matchSentence(original: string, folded: string, ruleSet: RuleSet, withSuggestions = true): Hit[] {
  const lower = folded.toLowerCase();
  const bag = wordBag(lower);
  const docs = new SentenceDocs(folded);
  const hits: Hit[] = [];
  // A rule silenced by its own sentence (a time, a question, ownership) is silenced whatever the
  // next sentence says, so it is skipped before any matching; the rest is checked in context later.
  const ownContext = { lower, nextLower: '' };
  for (const index of candidateRules(ruleSet, bag)) {
    const rule = ruleSet.rules[index]!;
    if (rule.spec.unless?.some((check) => checkContext(check, ownContext))) continue;
    const first = firstMatch(rule, docs, bag);
    if (!first) continue;
    if (anyMatches(rule.exceptions, docs, bag)) continue;
    const m = first.doc;
    const o = offsetsOf(m)[0];
    if (!o) continue;
    const whole = rule.spec.scope === 'sentence';
    const span = whole ? { start: 0, end: original.length } : trimSpan(original, o.start, o.end);
    if (!whole) widenToAllMatches(rule, first, docs, bag, original, span);
    if (span.end <= span.start) continue;
    if (!withSuggestions) {
      hits.push({ rule, start: span.start, end: span.end, suggestions: [] });
      continue;
    }
    const head = original.slice(0, span.start);
    const suggestions = render(rule.spec.suggestions, {
      original: original.slice(span.start, span.end),
      atSentenceStart: /^[\s"'(\[]*$/.test(head),
      atSentenceEnd: whole || ONLY_PUNCTUATION.test(original.slice(span.end)),
      captures: captures(m, original),
    });
    hits.push({ rule, start: span.start, end: span.end, suggestions });
  }
  return hits;
}
