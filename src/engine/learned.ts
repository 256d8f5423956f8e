/**
 * The learned checks: one per category (`model/<category>`), fused with the rules.
 * They resolve like rules (packs can turn them off, re-weight, lock them or change
 * their sensitivity) and report findings like rules, with a span on the words that
 * drove the score.
 */
import learnedSpecs from '../rules/learned.json';
import modelFile from '../model/learned-model.json';
import { decodeModel, type DecodedModel, type ModelFile } from '../model/model-file';
import { gated, scoreSentence, tokenWeights } from '../model/score';
import { perAnalysis } from './memo';
import { spanTokens } from '../model/span';
import { wordCount } from '../model/tokens';
import type { AnalyzeOptions, Category, ContextCheck, Sensitivity, Severity } from './types';
import { CATEGORIES } from './types';

export interface LearnedCheck {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  unless: ContextCheck[];
  sensitivity: Sensitivity;
  threshold: number;
  locked: boolean;
}

export interface LearnedHit {
  check: LearnedCheck;
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  probability: number;
  /** The words that weighed most, strongest first. */
  why: string[];
}

interface LearnedSpec {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  unless: ContextCheck[];
}

export const LEARNED_SPECS = learnedSpecs as LearnedSpec[];

let decoded: DecodedModel | null = null;
/** Decoded on first use, so importing the engine stays cheap. */
export function learnedModel(): DecodedModel {
  return (decoded ??= decodeModel(modelFile as unknown as ModelFile));
}

export function resolveLearned(options: AnalyzeOptions): LearnedCheck[] {
  if (options.learned === false) return [];
  const thresholds = (modelFile as unknown as ModelFile).thresholds;
  const byId = new Map<string, LearnedCheck>();
  for (const s of LEARNED_SPECS) {
    byId.set(s.id, { ...s, sensitivity: 'normal', threshold: thresholds[s.category].normal, locked: false });
  }
  const enabled = new Map<string, boolean>();
  for (const pack of options.packs ?? []) {
    for (const [id, o] of Object.entries(pack.overrides ?? {})) {
      const check = byId.get(id);
      if (!check || check.locked) continue;
      if (o.enabled !== undefined) enabled.set(id, o.enabled);
      if (o.severity !== undefined) check.severity = o.severity;
      if (o.sensitivity !== undefined) check.sensitivity = o.sensitivity;
      if (o.locked) check.locked = true;
    }
  }
  const disabled = new Set(options.disabledRules ?? []);
  const categories = options.categories ? new Set(options.categories) : null;
  return [...byId.values()]
    .map((c) => ({ ...c, threshold: thresholds[c.category][c.sensitivity] }))
    .filter((c) => enabled.get(c.id) !== false && !(disabled.has(c.id) && !c.locked) && (!categories || categories.has(c.category)));
}

/** A sentence's scores, once per analysis: the analyzer scores it, then the verifier again for the categories it already has. */
const scored = perAnalysis((sentence: string) => scoreSentence(learnedModel(), sentence));

/** Model findings for one sentence, one per category at or above its check's threshold. */
export function learnedHits(sentence: string, checks: LearnedCheck[]): LearnedHit[] {
  if (!checks.length) return [];
  const model = learnedModel();
  const score = scored(sentence);
  if (!score.tokens.length) return [];
  const words = wordCount(score.tokens);
  const hits: LearnedHit[] = [];
  for (const check of checks) {
    const k = CATEGORIES.indexOf(check.category);
    const p = gated(score.probability[k]!, score.evidence[k]!, words);
    if (p < check.threshold) continue;
    const weights = tokenWeights(model, score, check.category);
    const span = spanTokens(sentence, score.tokens, weights);
    const why = score.tokens
      .map((t, i) => ({ word: sentence.slice(t.start, t.end), w: weights[i]! }))
      .filter((x) => x.w > 0)
      .sort((a, b) => b.w - a.w)
      .slice(0, 5)
      .map((x) => x.word);
    hits.push({
      check,
      start: score.tokens[span.from]!.start,
      end: score.tokens[span.to - 1]!.end,
      probability: p,
      why: [...new Set(why)],
    });
  }
  return hits;
}
