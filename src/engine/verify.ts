/**
 * Every suggestion is checked before it is shown: the sentence with the suggestion
 * applied must not be flagged again, by the rules or the learned checks. Where no
 * suggestion survives, the edit-based repairs are tried, and a repair may widen the
 * span to the words it changes. Suggestions also follow the agent's typography.
 */
import { checkContext } from './context';
import { learnedHits, type LearnedCheck, type LearnedHit } from './learned';
import { matchSentence, type Hit } from './match';
import { newProblems } from './grammar';
import { foldTypography } from './normalize';
import { changedRange, repairs } from './repair';
import type { ResolvedRule } from './resolve';
import { buildRuleSet, type RuleSet } from './ruleset';
import type { CompiledRule } from './compile';
import { segment } from './segment';
import type { Category, Suggestion } from './types';

/** The lightest fix and one fuller alternative. */
const MAX_SUGGESTIONS = 2;
/** A narrowed underline shorter than this many words is not trusted to be the problem. */
const MIN_NARROW_WORDS = 3;

export interface Checked {
  start: number;
  end: number;
  suggestions: Suggestion[];
}

/**
 * What a rewrite is checked against: the learned checks (cheap) and the rules of the
 * finding's own category (a rewrite re-triggers its own kind of problem; checking every
 * rule would tag each candidate against the whole pack). `npm run eval` re-analyses
 * applied rewrites with everything, so a cross-category miss shows there.
 */
export interface Judge {
  byCategory: Map<Category, RuleSet>;
  learned: LearnedCheck[];
  /** Verdicts by candidate text within this analyzer (stock rewrites repeat). */
  verdicts: Map<string, boolean>;
}

export function makeJudge(rules: CompiledRule[], learned: LearnedCheck[], budgetMs?: number): Judge {
  const byCategory = new Map<Category, RuleSet>();
  for (const c of new Set(rules.map((r) => r.spec.category))) byCategory.set(c, buildRuleSet(rules.filter((r) => r.spec.category === c), budgetMs));
  return { byCategory, learned, verdicts: new Map() };
}

const VERDICTS_MAX = 5000;

/** A rewrite may be two sentences ("I'm sorry. The promotion ended…"): each is judged as the analyzer would. */
function flagged(text: string, category: Category, judge: Judge): boolean {
  const key = `${category}\n${text}`;
  const known = judge.verdicts.get(key);
  if (known !== undefined) return known;
  const rules = judge.byCategory.get(category);
  const verdict = segment(text, [{ start: 0, end: text.length }]).some((s) => {
    const original = text.slice(s.start, s.end);
    const folded = foldTypography(original);
    // The learned checks' own context applies here as in the analyzer: "… by [time]" is a timed promise.
    const ctx = { lower: folded.toLowerCase(), nextLower: '' };
    const model = learnedHits(folded, judge.learned).some((h) => !h.check.unless.some((check) => checkContext(check, ctx)));
    return model || (rules !== undefined && matchSentence(original, folded, rules).length > 0);
  });
  if (judge.verdicts.size >= VERDICTS_MAX) judge.verdicts.clear();
  judge.verdicts.set(key, verdict);
  return verdict;
}

/**
 * Straight or curly apostrophes and quotes, as the agent typed them in the reply: curly
 * only where the reply has curly ones and no straight ones (keyboards type straight).
 */
export function usesCurly(reply: string): boolean {
  return /[’‘“”]/.test(reply) && !/['"]/.test(reply);
}

export function followTypography(replacement: string, curly: boolean): string {
  if (curly) return replacement.replace(/(\p{L})'(\p{L})/gu, '$1’$2');
  return replacement.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

/** Content words of the original sentence that a candidate still has: more kept = lighter edit. */
function kept(original: string, candidate: string): number {
  const words = (t: string) => foldTypography(t).toLowerCase().match(/[\p{L}\p{N}#£$€]+/gu) ?? [];
  const have = new Set(words(candidate));
  const mine = words(original).filter((w) => w.length > 3 || /\d/.test(w));
  return mine.filter((w) => have.has(w)).length / Math.max(mine.length, 1);
}

/**
 * How a finding's span relates to its suggestions:
 * - 'widen': a learned finding's span is approximate, so it grows to what the repairs change;
 * - 'fixed': a rule that matched words keeps them, so only repairs inside them are offered;
 * - 'narrow': a rule that flags its whole sentence underlines only what its rewrites change
 *   ("As I already said," when the rest of the sentence stays the agent's).
 */
export type SpanMode = 'widen' | 'fixed' | 'narrow';

export function checkSuggestions(sentence: string, category: Category, start: number, end: number, suggestions: Suggestion[], judge: Judge, mode: SpanMode): Checked {
  const mayWiden = mode !== 'fixed';
  // Whole-sentence candidates: the rule's own templates on its span, then the edit-based repairs.
  const candidates = [
    ...suggestions.map((s) => ({ full: sentence.slice(0, start) + s.replacement + sentence.slice(end), label: s.label })),
    ...repairs({ sentence, start, end, category })
      .filter((full) => {
        if (mayWiden) return true;
        const r = changedRange(sentence, full);
        return r.start >= start && r.end <= end;
      })
      .map((full) => ({ full, label: undefined })),
  ].filter((c, i, all) => c.full !== sentence && all.findIndex((d) => d.full === c.full) === i);
  // Lightest first: what keeps more of the agent's own words (stable, so templates win ties).
  // Judged in that order until two pass: judging means tagging the rewrite, the costly part.
  const ranked: Array<(typeof candidates)[number] & { keep: number }> = [];
  for (const c of candidates
    .map((c, i) => ({ ...c, i, keep: kept(sentence, c.full) }))
    .sort((a, b) => b.keep - a.keep || a.i - b.i)) {
    if (ranked.length === MAX_SUGGESTIONS) break;
    // A short underline needs every suggestion to be an edit: no stock sentence after a light fix.
    if (mode === 'narrow' && ranked.length && ranked[0]!.keep >= 0.5 && c.keep < 0.5) continue;
    if (newProblems(sentence, c.full).length === 0 && !flagged(c.full, category, judge)) ranked.push(c);
  }
  if (!ranked.length) return { start, end, suggestions: [] };
  // One span for every suggestion: the finding's words plus whatever the edits change.
  let from = mode === 'narrow' ? end : start, to = mode === 'narrow' ? start : end;
  for (const c of ranked) {
    const r = changedRange(sentence, c.full);
    from = Math.min(from, r.start);
    to = Math.max(to, r.end);
  }
  if (mode === 'narrow') {
    from = Math.max(from, start);
    to = Math.min(to, end);
    while (from < to && /\s/.test(sentence[from]!)) from++;
    while (to > from && /\s/.test(sentence[to - 1]!)) to--;
    if (to <= from) return { start, end, suggestions: [] };
    // An edit that only appends ("… by [time]") changes a word that is not the problem:
    // then the whole sentence stays underlined rather than "attention" or "touch".
    if ((sentence.slice(from, to).match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_NARROW_WORDS) {
      from = start;
      to = end;
    }
  }
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const c of ranked) {
    const replacement = c.full.slice(from, c.full.length - (sentence.length - to));
    if (seen.has(replacement)) continue;
    seen.add(replacement);
    const label = c.label ?? (replacement ? undefined : 'Remove');
    out.push(label ? { replacement, label } : { replacement });
  }
  return { start: from, end: to, suggestions: out };
}

export function checkRuleHit(sentence: string, hit: Hit, judge: Judge): Hit {
  // A team pack's own suggestions are the team lead's words: shown as written.
  if ((hit.rule.spec as ResolvedRule).source === 'pack') return hit;
  const c = checkSuggestions(sentence, hit.rule.spec.category, hit.start, hit.end, hit.suggestions, judge, 'fixed');
  return { ...hit, ...c };
}

export function checkLearnedHit(sentence: string, hit: LearnedHit, judge: Judge): LearnedHit & { suggestions: Suggestion[] } {
  const c = checkSuggestions(sentence, hit.check.category, hit.start, hit.end, [], judge, 'widen');
  return { ...hit, ...c };
}
