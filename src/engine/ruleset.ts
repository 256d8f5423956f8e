/**
 * An inverted index from words to rules: each pattern is filed under the words of
 * its most selective required term, so a sentence only visits the rules whose key
 * words it contains instead of every pattern of every rule.
 */
import type { CompiledRule } from './compile';
import { wordCost } from './common-words';

/** Default time one sentence may take over all rules (see match.ts). */
export const SENTENCE_BUDGET_MS = 50;

export interface RuleSet {
  rules: CompiledRule[];
  byWord: Map<string, number[]>;
  /** Rules with a pattern that names no required word: always candidates. */
  always: number[];
  /** Time one sentence may take over all rules before the rest are skipped for it. */
  sentenceBudgetMs: number;
}


/** The required term whose words are least common, as a proxy for the most selective. */
function keySet(sets: Array<Set<string>>): Set<string> | null {
  let best: Set<string> | null = null;
  let bestScore = Infinity;
  for (const set of sets) {
    let score = 0;
    for (const w of set) score = Math.max(score, wordCost(w) + 100);
    score = score * 1000 + set.size;
    if (score < bestScore) {
      best = set;
      bestScore = score;
    }
  }
  return best;
}

export function buildRuleSet(rules: CompiledRule[], sentenceBudgetMs = SENTENCE_BUDGET_MS): RuleSet {
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  rules.forEach((rule, i) => {
    for (const p of rule.patterns) {
      const key = keySet(p.required);
      if (!key) {
        if (!always.includes(i)) always.push(i);
        continue;
      }
      for (const w of key) {
        const list = byWord.get(w) ?? [];
        if (list[list.length - 1] !== i) list.push(i);
        byWord.set(w, list);
      }
    }
  });
  return { rules, byWord, always, sentenceBudgetMs };
}

/** Indices of rules worth running on a sentence with these words, in rule order. */
export function candidateRules(set: RuleSet, bag: Set<string>): number[] {
  const hit = new Set<number>(set.always);
  for (const w of bag) {
    const list = set.byWord.get(w);
    if (list) for (const i of list) hit.add(i);
  }
  return [...hit].sort((a, b) => a - b);
}
