/**
 * An inverted index from words to rules: each pattern is filed under the words of
 * its most selective required term, so a sentence only visits the rules whose key
 * words it contains instead of every pattern of every rule.
 */
import type { CompiledRule } from './compile';

export interface RuleSet {
  rules: CompiledRule[];
  byWord: Map<string, number[]>;
  /** Rules with a pattern that names no required word: always candidates. */
  always: number[];
}

const COMMON = new Set(
  'the a an i we you it is are was were to of and in on for that this not will have be my our your do can would should has had me us they so but just as at with if no there what all been am does did'.split(' '),
);

/** The required term whose words are least common, as a proxy for the most selective. */
function keySet(sets: Array<Set<string>>): Set<string> | null {
  let best: Set<string> | null = null;
  let bestScore = Infinity;
  for (const set of sets) {
    let common = 0;
    for (const w of set) if (COMMON.has(w)) common++;
    const score = common * 1000 + set.size;
    if (score < bestScore) {
      best = set;
      bestScore = score;
    }
  }
  return best;
}

export function buildRuleSet(rules: CompiledRule[]): RuleSet {
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
  return { rules, byWord, always };
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
