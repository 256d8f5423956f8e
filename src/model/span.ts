/**
 * Where a model finding's underline goes: the run of words whose weights pushed the
 * score up most (a maximum-sum window over per-token weights), widened to the clause
 * when it already covers most of it, so the span reads as a phrase, not a word soup.
 */
import type { Token } from './tokens';

/** Characters between tokens that end a clause. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]|\s-\s/;
const CLAUSE_WORDS = new Set(['but', 'so', 'because', 'although', 'though', 'however', 'and']);

export interface TokenSpan {
  from: number;
  to: number;
}

function bestWindow(weights: number[]): TokenSpan | null {
  let best = 0, bestFrom = -1, bestTo = -1;
  let sum = 0, from = 0;
  for (let i = 0; i < weights.length; i++) {
    if (sum <= 0) {
      sum = 0;
      from = i;
    }
    sum += weights[i]!;
    if (sum > best) {
      best = sum;
      bestFrom = from;
      bestTo = i + 1;
    }
  }
  return bestFrom < 0 ? null : { from: bestFrom, to: bestTo };
}

/** Clause index per token, from punctuation between tokens and clause-joining words. */
function clauses(sentence: string, tokens: Token[]): number[] {
  const out: number[] = [];
  let clause = 0;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (prev && prev.end < t.start && CLAUSE_BREAK.test(sentence.slice(prev.end, t.start))) clause++;
    else if (prev && CLAUSE_WORDS.has(t.norm) && prev.end !== t.start) clause++;
    out.push(clause);
  });
  return out;
}

/** Links and handles are where a reply points, never the words that carry a problem. */
const NOT_WORDS = /\bhttps?:\/\/\S+|\bwww\.\S+|@\w+/gi;

export function spanTokens(sentence: string, tokens: Token[], weights: number[]): TokenSpan {
  const whole = { from: 0, to: tokens.length };
  const skip = [...sentence.matchAll(NOT_WORDS)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const usable = skip.length ? weights.map((w, i) => (skip.some(([a, b]) => tokens[i]!.start >= a && tokens[i]!.end <= b) ? -1e9 : w)) : weights;
  const window = bestWindow(usable);
  if (!window) return whole;
  const ids = clauses(sentence, tokens);
  const first = ids[window.from]!, last = ids[window.to - 1]!;
  let from = window.from, to = window.to;
  // Widen to the clauses the window touches when it already covers most of them.
  let clauseFrom = from, clauseTo = to;
  while (clauseFrom > 0 && ids[clauseFrom - 1] === first) clauseFrom--;
  while (clauseTo < tokens.length && ids[clauseTo] === last) clauseTo++;
  if ((to - from) / (clauseTo - clauseFrom) >= 0.5 || to - from < 2) {
    from = clauseFrom;
    to = clauseTo;
  }
  if ((to - from) / tokens.length >= 0.75) return whole;
  return { from, to };
}
