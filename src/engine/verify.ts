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
import { constructionEdits, teamEdits, type CompiledEdit } from './edits';
import type { ResolvedRule } from './resolve';
import { buildRuleSet, type RuleSet } from './ruleset';
import type { CompiledRule } from './compile';
import type { Rendered } from './rewrite';
import { segment } from './segment';
import { CATEGORIES, type Category, type Suggestion } from './types';

/** The lightest fix and one fuller alternative. */
const MAX_SUGGESTIONS = 2;
export interface Checked {
  start: number;
  end: number;
  suggestions: Suggestion[];
}

/**
 * What a rewrite is checked against: the learned checks and every rule (the rule set's
 * prefilter keeps the cost near one category's), so a fix for one problem never brings in
 * another; a problem the sentence already had is its own finding and is not held against it.
 */
export interface Judge {
  /** Every rule: a rewrite must not bring in another kind of problem either. */
  all: RuleSet;
  learned: LearnedCheck[];
  /** Verdicts by candidate text within this analyzer (stock rewrites repeat). */
  verdicts: Map<string, boolean>;
  /** The team packs' construction edits, tried first for their category. */
  edits: CompiledEdit[];
}

export function makeJudge(rules: CompiledRule[], learned: LearnedCheck[], budgetMs?: number, edits: CompiledEdit[] = []): Judge {
  return { all: buildRuleSet(rules, budgetMs), learned, verdicts: new Map(), edits };
}

const VERDICTS_MAX = 5000;

/** A rewrite may be two sentences ("I'm sorry. The promotion ended…"): each is judged as the analyzer would. */
function flagged(text: string, category: Category, judge: Judge, ignore: ReadonlySet<Category>): boolean {
  const key = `${category}\n${[...ignore].join(',')}\n${text}`;
  const known = judge.verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = segment(text, [{ start: 0, end: text.length }]).some((s) => {
    const original = text.slice(s.start, s.end);
    const folded = foldTypography(original);
    // The learned checks' own context applies here as in the analyzer: "… by [time]" is a timed promise.
    const ctx = { lower: folded.toLowerCase(), nextLower: '' };
    const model = learnedHits(folded, judge.learned).some((h) => !ignore.has(h.check.category) && !h.check.unless.some((check) => checkContext(check, ctx)));
    return model || matchSentence(original, folded, judge.all).some((h) => h.rule.spec.category === category || !ignore.has(h.rule.spec.category));
  });
  if (judge.verdicts.size >= VERDICTS_MAX) judge.verdicts.clear();
  judge.verdicts.set(key, verdict);
  return verdict;
}

const fold = (s: string) => foldTypography(s).toLowerCase().replace(/\s+/g, ' ');

const HEAD = /^\s*(?:@\w+[\s,:]+)+(?:(?:hi|hey|hello|dear)(?: there)?(?:\s+\p{Lu}[\p{L}'’-]*)?[,!]?\s+)?|^\s*(?:hi|hey|hello|dear)(?: there)?(?:\s+\p{Lu}[\p{L}'’-]*)?[,!]\s+/iu;
// ", Paula" or ", Mr Reid" at the end of a sentence.
const VOCATIVE = /,\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+)?\p{Lu}[\p{L}'’-]*(?=[.!?]*\s*(?:[\^*\/-]\s*\p{L}{1,15}\s*)?$)/u;
const SIGN_OFF = /\s+(?:\^\p{L}{1,4}|\*\p{L}{2,20}|\/\p{Lu}{1,3}|[-–—]\s*\p{Lu}[\p{L}]{1,15})\s*$/u;

interface Address {
  head: string;
  vocative: string;
  tail: string;
}

/** The parts of a chat sentence that address the customer rather than say anything: kept by every rewrite. */
function addressOf(sentence: string): Address {
  return { head: HEAD.exec(sentence)?.[0] ?? '', vocative: VOCATIVE.exec(sentence)?.[0] ?? '', tail: SIGN_OFF.exec(sentence)?.[0] ?? '' };
}

function keepAddress(candidate: string, a: Address): string {
  let out = candidate;
  if (a.head && !out.startsWith(a.head.trimEnd())) out = a.head + out.replace(/^\s+/, '');
  if (a.tail && !out.trimEnd().endsWith(a.tail.trim())) out = out.replace(/\s*$/, '') + a.tail;
  if (a.vocative && !out.includes(a.vocative.trim())) {
    const m = /[.!?]*\s*(?:[\^*\/-]\s*\p{L}{1,15}\s*)?$/u.exec(out);
    const at = m ? m.index : out.length;
    out = out.slice(0, at) + a.vocative + out.slice(at);
  }
  return out;
}

/** `coreText`: the folded words that carry the problem, or null when too short to tell. */
function problemSurvives(coreText: string | null, candidate: string): boolean {
  return coreText !== null && fold(candidate).includes(coreText);
}

function coreTextOf(sentence: string, core: { start: number; end: number }): string | null {
  const text = sentence.slice(core.start, core.end);
  return (text.match(/[\p{L}\p{N}'’]+/gu) ?? []).length < 2 ? null : fold(text);
}

/** Categories other than `category` the learned checks find in the sentence as typed. */
function learnedCategories(sentence: string, judge: Judge, category: Category): Set<Category> {
  const out = new Set<Category>();
  for (const s of segment(sentence, [{ start: 0, end: sentence.length }])) {
    const folded = foldTypography(sentence.slice(s.start, s.end));
    const ctx = { lower: folded.toLowerCase(), nextLower: '' };
    for (const h of learnedHits(folded, judge.learned)) {
      if (h.check.category !== category && !h.check.unless.some((check) => checkContext(check, ctx))) out.add(h.check.category);
    }
  }
  return out;
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

/** How far an edit (its changed range `r`) reaches past the words that carry the problem, in coarse steps (lighter first). */
function reach(sentence: string, core: { start: number; end: number }, r: { start: number; end: number }): number {
  const outside = Math.max(0, core.start - r.start) + Math.max(0, r.end - core.end);
  return Math.ceil((outside / Math.max(sentence.length, 1)) * 4);
}

/** Where the promise a time is added to begins: up to four words back, not past a clause break. */
function promiseStart(sentence: string, floor: number, end: number): number {
  const before = sentence.slice(floor, end);
  const clause = before.search(/(?:[,;:—–]|\b(?:and|so|but|while|then)\b)[^,;:—–]*$/iu);
  const words = [...before.matchAll(/[\p{L}\p{N}'’]+/gu)];
  let from = words.length > 4 ? words[words.length - 4]!.index! : 0;
  if (clause >= 0) {
    const after = /^(?:[,;:—–]|and|so|but|while|then)\s*/iu.exec(before.slice(clause))![0].length;
    from = Math.max(from, clause + after);
  }
  return floor + from;
}

/**
 * The suggestions for one finding, and the span they replace. Candidates are whole
 * sentences: the rule's templates on its span, the construction edits and the
 * category repairs. The lightest that passes (keeps most of the agent's words, reads
 * as well-formed, is not flagged again) comes first, and the underline is the words
 * that carry the problem (`core`) plus whatever that edit changes; a second suggestion
 * is offered only if it fits the same span, so the rest of the sentence stays the agent's.
 */
export function checkSuggestions(
  sentence: string,
  category: Category,
  core: { start: number; end: number },
  suggestions: Rendered[],
  judge: Judge,
  present: ReadonlySet<Category>,
  span: { start: number; end: number } = core,
): Checked {
  // Tiers: edits of the agent's sentence, then the rule's own templates, then replacements
  // of the whole sentence; within a tier, what keeps more of the agent's words comes first.
  const edited = constructionEdits(sentence, category, judge.edits);
  // A clause alone, judged for one category (the others ignored) or for any.
  const ignoring = new Map<Category | undefined, ReadonlySet<Category>>();
  const flags = (clause: string, only?: Category) => {
    let ignore = ignoring.get(only);
    if (!ignore) ignoring.set(only, (ignore = new Set(only ? CATEGORIES.filter((c) => c !== only) : [])));
    return flagged(clause, only ?? category, judge, ignore);
  };
  const fixes = repairs({ sentence, start: span.start, end: span.end, category, edited, flags });
  const template = (s: Rendered) => ({ full: sentence.slice(0, span.start) + s.replacement + sentence.slice(span.end), label: s.label });
  type Candidate = { full: string; label?: string; tier: number; owned?: boolean };
  const early: Candidate[] = [
    ...teamEdits(sentence, category, judge.edits).map((full) => ({ full, tier: -1 })),
    ...edited.map((full) => ({ full, tier: 0 })),
    ...fixes.edits.map((full) => ({ full, tier: 0 })),
    ...fixes.owned.map((full) => ({ full, tier: 0, owned: true })),
    // Templates with the agent's captured words are edits too.
    ...suggestions.filter((s) => s.slotted).map((s) => ({ ...template(s), tier: 1 })),
  ];
  // Built only when no edit passed: a replacement naming the topic (it tags the sentence), the
  // rule's stock templates, the category's stock line.
  const late = (): Candidate[] => {
    const replacements = fixes.replacements();
    return [
      ...replacements.slice(0, -1).map((full) => ({ full, tier: 2 })),
      ...suggestions.filter((s) => !s.slotted).map((s) => ({ ...template(s), tier: 3 })),
      ...replacements.slice(-1).map((full) => ({ full, tier: 4 })),
    ];
  };
  // What addresses the customer stays: "@handle Hi Mike," before the words, ", Paula" and "^KS" after.
  const wrap = addressOf(sentence);
  if (wrap.head || wrap.tail) {
    for (const c of early) c.full = keepAddress(c.full, wrap);
  }
  const seenFull = new Set<string>([sentence]);
  const coreText = coreTextOf(sentence, core);
  // Another kind of problem the sentence already has is its own finding: a fix for this one is not failed for it.
  let others: Set<Category> | undefined;
  const already = () => (others ??= new Set([...present, ...learnedCategories(sentence, judge, category)].filter((c) => c !== category)));
  // Lightest first: what keeps more of the agent's own words (stable, so templates win ties).
  // Judged in that order until two pass: judging means tagging the rewrite, the costly part.
  const ranked: Candidate[] = [];
  let from = core.start, to = core.end;
  const consider = (list: Candidate[]) => {
    for (const c of list
      .filter((c) => !seenFull.has(c.full) && seenFull.add(c.full))
      .map((c, i) => {
        const r = changedRange(sentence, c.full);
        // How much of the sentence the edit rewrites, in quarters: of two edits that keep the same words, the one that leaves more of the sentence as typed is lighter.
        const changed = Math.ceil(((r.end - r.start) / Math.max(sentence.length, 1)) * 4);
        return { ...c, i, r, keep: kept(sentence, c.full), reach: reach(sentence, core, r), changed, added: Math.max(0, c.full.length - sentence.length) };
      })
      .sort((a, b) => a.tier - b.tier || a.reach - b.reach || b.keep - a.keep || a.changed - b.changed || a.added - b.added || a.i - b.i)) {
      if (ranked.length === MAX_SUGGESTIONS) break;
      const r = c.r;
      if (ranked.length && (r.start < from || r.end > to)) continue;
      // The words that carry the problem must go: an added "I'll take care of it" silences the
      // checks but leaves "not my department" standing. (A vague promise is fixed by timing and
      // owning it, so its words may stay; a blame taken apart keeps what happened, a fact.)
      if (category !== 'vague-commitment' && !c.owned && problemSurvives(coreText, c.full)) continue;
      if (newProblems(sentence, c.full).length || flagged(c.full, category, judge, already())) continue;
      if (!ranked.length) {
        // The lightest fix that takes words away inside the problem shows which words carry it:
        // the underline is those words ("shortly", "As I already said, refunds"), not the sentence.
        if (r.removes && r.start < core.end && r.end > core.start && (r.start >= core.start || r.end <= core.end)) {
          from = r.start;
          to = r.end;
        } else if (!r.removes && category === 'vague-commitment' && r.start >= core.start) {
          // A time added to a promise: the underline is the untimed promise ("will be reviewed").
          from = promiseStart(sentence, core.start, r.end);
          to = r.end;
        } else {
          from = Math.min(from, r.start);
          to = Math.max(to, r.end);
        }
      }
      ranked.push(c);
    }
  };
  consider(early);
  const lateWrapped = () => late().map((c) => ({ ...c, full: keepAddress(c.full, wrap) }));
  // A replacement of the whole sentence fits as a second suggestion only under a whole-sentence underline.
  const wholeSpan = () => !sentence.slice(0, from).trim() && !sentence.slice(to).replace(/[^\p{L}\p{N}]+/gu, '');
  if (!ranked.length || (ranked.length < MAX_SUGGESTIONS && wholeSpan())) consider(lateWrapped());
  if (!ranked.length) return { start: core.start, end: core.end, suggestions: [] };
  // The underline starts and ends on a word, where every suggestion keeps what lies outside it;
  // where trimming a space would leave two (", but I'll…" for " because…", "" for "you feel "),
  // the next word is taken in instead.
  const agrees = (a: number, b: number) =>
    ranked.every((c) => c.full.length >= a + sentence.length - b && c.full.startsWith(sentence.slice(0, a)) && c.full.endsWith(sentence.slice(b)));
  let a = from, b = to;
  while (a < b && /\s/.test(sentence[a]!)) a++;
  while (b > a && /\s/.test(sentence[b - 1]!)) b--;
  if (!agrees(a, b)) {
    let wa = from, wb = to;
    while (wb < sentence.length && /\s/.test(sentence[wb]!)) wb++;
    while (wb < sentence.length && /[\p{L}\p{N}'’]/u.test(sentence[wb]!)) wb++;
    while (wa > 0 && /\s/.test(sentence[wa - 1]!)) wa--;
    while (wa > 0 && /[\p{L}\p{N}'’]/u.test(sentence[wa - 1]!)) wa--;
    [a, b] = ([[a, wb], [wa, b], [wa, wb]] as const).find(([x, y]) => agrees(x, y)) ?? [from, to];
  }
  from = a;
  to = b;
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

/** `present`: the categories the rules found in the sentence. */
export function checkRuleHit(sentence: string, hit: Hit, judge: Judge, present: ReadonlySet<Category>): Hit {
  // A team pack's own suggestions are the team lead's words: shown as written.
  if ((hit.rule.spec as ResolvedRule).source === 'pack') return { ...hit, suggestions: hit.suggestions.map(({ slotted: _, ...s }) => s) };
  const c = checkSuggestions(sentence, hit.rule.spec.category, hit.core ?? hit, hit.suggestions, judge, present, hit);
  return { ...hit, ...c };
}

export function checkLearnedHit(sentence: string, hit: LearnedHit, judge: Judge, present: ReadonlySet<Category>): LearnedHit & { suggestions: Suggestion[] } {
  const c = checkSuggestions(sentence, hit.check.category, hit, [], judge, present);
  return { ...hit, ...c };
}
