/**
 * The analyzer: segments the reply, runs rules per sentence with a cache keyed by
 * sentence text (typing changes one sentence at a time, so the rest is reused),
 * then applies cross-sentence context, overlaps and ignores.
 */
import { compileRule, type CompiledRule } from './compile';
import { compileEdits } from './edits';
import { checkContext } from './context';
import { learnedHits, resolveLearned, type LearnedHit } from './learned';
import { checkLearnedHit, checkRuleHit, followTypography, makeJudge, usesCurly, type Judge } from './verify';
import { matchSentence, skippedWarnings, type Hit } from './match';
import { foldTypography } from './normalize';
import { agentRegions, outsideRegions } from './regions';
import { resolveRules, type ResolvedRule } from './resolve';
import { buildRuleSet } from './ruleset';
import { analysisScope } from './memo';
import { placeholderFindings } from './placeholders';
import { segment } from './segment';
import { replyTips } from './tips';
import type { AnalysisResult, AnalysisWarning, AnalyzeOptions, Category, Finding, RuleSpec, Suggestion } from './types';

export interface Analyzer {
  /** Analyses text, reusing per-sentence work from earlier calls on this analyzer. */
  analyze(text: string): AnalysisResult;
  /** Analyses text from scratch (no reuse across calls); the one-off `analyze()` uses this. */
  analyzeFresh(text: string): AnalysisResult;
  /** The rules in force after merging packs and switches. */
  readonly rules: readonly ResolvedRule[];
}

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;
/** Default number of sentences whose results are kept (least recently used go first). */
const DEFAULT_CACHE_SENTENCES = 5000;
/**
 * How many characters of the agent's own sentences one analysis checks. Checking costs up to
 * ~30 µs a character (dense, all-distinct flagged sentences, each rewritten and verified), so a
 * 1 MB paste would take ~30 s; 20,000 characters keep the worst 1 MB input under 1 s on a
 * 2-core machine (bench: "worst 1 MB input"), and real replies are shorter (quoted history and
 * signatures do not count). Past it the result says where checking stopped ('truncated').
 */
export const MAX_CHECKED_CHARS = 20_000;

/** The 'truncated' warning: from the first sentence not checked to the end of the input. */
function truncatedWarning(start: number, end: number, limit: number): AnalysisWarning {
  return {
    kind: 'truncated',
    start,
    end,
    message: `Reply too long to check in full: Tactful checks the first ${limit.toLocaleString('en-US')} characters of your own text, so nothing from character ${(start + 1).toLocaleString('en-US')} on was checked.`,
  };
}

type CheckedLearnedHit = LearnedHit & { suggestions: Suggestion[] };

interface SentenceHits {
  rules: Hit[];
  /** Rules not run because the sentence's time ran out. */
  skipped?: string[];
  /**
   * The model's hits. Their rewrites are built and judged on first use: where a rule of the same
   * category speaks, the model's finding is never shown, and checking its rewrites was wasted.
   */
  model: Array<{ hit: LearnedHit; checked: () => CheckedLearnedHit }>;
}

/**
 * A model hit whose rewrites are checked on first use. Built outside the analyzer's closures so
 * the thunk a cached sentence keeps holds only these arguments, not the whole call's state.
 */
function deferredCheck(sentence: string, hit: LearnedHit, judge: Judge, present: ReadonlySet<Category>): SentenceHits['model'][number] {
  return { hit, checked: once(() => checkLearnedHit(sentence, hit, judge, present)) };
}

/** `f`'s value, computed on the first call. */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

const styled = (suggestions: Suggestion[], curly: boolean) => suggestions.map((x) => ({ ...x, replacement: followTypography(x.replacement, curly) }));

function learnedFinding(hit: CheckedLearnedHit, text: string, offset: number, curly: boolean): Finding {
  const start = offset + hit.start;
  const end = offset + hit.end;
  return {
    ruleId: hit.check.id,
    category: hit.check.category,
    severity: hit.check.severity,
    start,
    end,
    text: text.slice(start, end),
    message: hit.check.message,
    suggestions: styled(hit.suggestions, curly),
    why: { probability: Math.round(hit.probability * 1000) / 1000, words: hit.why },
  };
}

interface Candidate {
  finding: Finding;
  order: number;
}

function pickFindings(candidates: Candidate[]): Finding[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] ||
      a.order - b.order ||
      a.finding.start - b.finding.start,
  );
  const kept: Finding[] = [];
  for (const c of ranked) {
    // Different categories may overlap ("I'm sorry, but that's our policy" is both a
    // non-apology and blame); within a category the stronger finding wins.
    const f = c.finding;
    if (kept.some((k) => k.category === f.category && f.start < k.end && k.start < f.end)) continue;
    kept.push(c.finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Ignored phrases compare without case, spacing or end punctuation ("Rules are rules." = "rules are rules"). */
const normalisePhrase = (s: string) =>
  foldTypography(s).toLowerCase().replace(/\s+/g, ' ').replace(/^[\s"'(]+|[\s.,;:!?…"')]+$/g, '');

export function createAnalyzerFrom(base: RuleSpec[], options: AnalyzeOptions = {}): Analyzer {
  const resolved = resolveRules(base, options);
  const compiled: CompiledRule[] = resolved.map(compileRule);
  const ruleSet = buildRuleSet(compiled, options.sentenceBudgetMs);
  const order = new Map(compiled.map((r, i) => [r, i]));
  const ignored = new Set((options.ignoredPhrases ?? []).map(normalisePhrase));
  const wantTips = options.tips ?? true;
  const learned = resolveLearned(options);
  const learnedOrder = compiled.length;
  const judge = makeJudge(compiled, learned, options.sentenceBudgetMs, compileEdits((options.packs ?? []).flatMap((p) => p.edits ?? [])));
  const cache = new Map<string, SentenceHits>();
  const cacheLimit = Math.max(options.cacheSentences ?? DEFAULT_CACHE_SENTENCES, 0);
  const checkLimit = Math.max(options.maxCheckedChars ?? MAX_CHECKED_CHARS, 0);

  function run(text: string, reuse: boolean): AnalysisResult {
    if (typeof text !== 'string') throw new TypeError('analyze(text): text must be a string');
    const folded = foldTypography(text);
    const curly = usesCurly(text);
    const regions = agentRegions(folded);
    const sentences = segment(folded, regions);
    const lowered = sentences.map((s) => s.text.toLowerCase());
    // Whole sentences are checked while they fit in the limit, so the findings before it are
    // exactly those of the whole text; segmenting and tips stay linear and cover everything.
    let checkedChars = 0;
    let checkedCount = sentences.length;
    for (let i = 0; i < sentences.length; i++) {
      checkedChars += sentences[i]!.end - sentences[i]!.start;
      if (checkedChars > checkLimit) {
        checkedCount = i;
        break;
      }
    }
    const uncheckedFrom = checkedCount < sentences.length ? sentences[checkedCount]!.start : text.length;
    const used = new Map<string, SentenceHits>();
    const findings: Finding[] = [];
    const warnings: AnalysisWarning[] = [];
    const flagged: Array<Set<Category>> = [];
    sentences.forEach((s, i) => {
      if (i >= checkedCount) return;
      // Spans never cross sentences, so overlaps are settled sentence by sentence (linear overall).
      const candidates: Candidate[] = [];
      const original = text.slice(s.start, s.end);
      let both = used.get(original) ?? (reuse ? cache.get(original) : undefined);
      if (!both) {
        const ruleHits = matchSentence(original, s.text, ruleSet);
        const present = new Set(ruleHits.map((h) => h.rule.spec.category));
        both = {
          rules: ruleHits.map((h) => checkRuleHit(original, h, judge, present)),
          model: learnedHits(s.text, learned).map((hit) => deferredCheck(original, hit, judge, present)),
          skipped: ruleHits.skipped,
        };
      }
      // A sentence whose time ran out is reported and not kept, so the next call tries it again.
      if (both.skipped?.length) warnings.push(...skippedWarnings(both.skipped, s.start, s.end, ruleSet.sentenceBudgetMs));
      else used.set(original, both);
      const ctx = { lower: lowered[i]!, nextLower: lowered[i + 1] ?? '', prevLower: lowered[i - 1] ?? '' };
      for (const hit of both.rules) {
        if (hit.rule.spec.unless?.some((check) => checkContext(check, ctx))) continue;
        const start = s.start + hit.start;
        const end = s.start + hit.end;
        const spanText = text.slice(start, end);
        if (ignored.size && ignored.has(normalisePhrase(spanText))) continue;
        const spec = hit.rule.spec;
        candidates.push({
          order: order.get(hit.rule) ?? 0,
          finding: {
            ruleId: spec.id,
            category: spec.category,
            severity: spec.severity,
            start,
            end,
            text: spanText,
            message: spec.message,
            suggestions: styled(hit.suggestions, curly),
          },
        });
      }
      // Rules and model vote per category: where a rule already speaks, its span and rewrite win.
      const ruled = new Set(candidates.map((c) => c.finding.category));
      for (const { hit, checked } of both.model) {
        if (ruled.has(hit.check.category)) continue;
        if (hit.check.unless.some((check) => checkContext(check, ctx))) continue;
        const finding = learnedFinding(checked(), text, s.start, curly);
        if (ignored.size && ignored.has(normalisePhrase(finding.text))) continue;
        candidates.push({ order: learnedOrder, finding });
      }
      if (candidates.length) {
        const picked = pickFindings(candidates);
        findings.push(...picked);
        flagged[i] = new Set(picked.map((f) => f.category));
      }
    });
    // A placeholder an applied rewrite left (`[time]`) is a finding of its own (placeholders.ts).
    const placeholders = placeholderFindings(text, regions, options, (span) => ignored.has(normalisePhrase(span))).filter(
      (f) => f.start < uncheckedFrom,
    );
    if (uncheckedFrom < text.length) warnings.push(truncatedWarning(uncheckedFrom, text.length, checkLimit));
    if (placeholders.length) {
      findings.push(...placeholders);
      findings.sort((a, b) => a.start - b.start);
    }
    if (reuse) {
      // Least-recently-used: this call's sentences move to the end, the oldest are dropped.
      // Several fields can share one analyzer, so another field's sentences survive this one's edits.
      for (const [k, v] of used) {
        cache.delete(k);
        cache.set(k, v);
      }
      for (const k of cache.keys()) {
        if (cache.size <= cacheLimit) break;
        cache.delete(k);
      }
    }
    return {
      findings,
      tips: wantTips ? replyTips(sentences, lowered, outsideRegions(folded, regions).toLowerCase(), flagged) : [],
      ...(warnings.length ? { warnings } : {}),
    };
  }

  return {
    analyze: (text) => analysisScope(() => run(text, true)),
    analyzeFresh: (text) => analysisScope(() => run(text, false)),
    rules: resolved,
  };
}
