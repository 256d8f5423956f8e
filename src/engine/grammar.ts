/**
 * Re-parse checks for rewrites: the slot errors and leftovers seen in template-built
 * sentences ("with courier's myself", a doubled word, a determiner with no noun).
 * Used to drop a broken suggestion before it is shown, and by `npm run eval`.
 */
import { perAnalysis } from './memo';
import { foldTypography } from './normalize';

const fold = (s: string) => foldTypography(s).toLowerCase();

/**
 * Slot errors and leftovers a re-parse catches without a grammar: the kinds seen in stock-text rewrites.
 * Memoised per analysis: the agent's sentence is compared with each of its candidates.
 */
export const grammarProblems: (text: string) => string[] = perAnalysis(problemsOf);

function problemsOf(text: string): string[] {
  const out: string[] = [];
  const t = fold(text);
  const doubled = /\b(\w+)\s+\1\b/.exec(t.replace(/\b(?:that that|had had|very very)\b/g, ''));
  if (doubled) out.push(`doubled word "${doubled[1]}"`);
  if (/'s\s+(?:myself|yourself|ourselves|[.,;!?]|$)/.test(t)) out.push('dangling possessive');
  if (/\b(?:with|to|for|from) (?:your|my|our|their|his|her) (?:myself|yourself|ourselves|[.,;!?])/.test(t)) out.push('possessive with no noun');
  if (/\b(?:the|a|an|our|your|my)\s*[.,;!?]/.test(t)) out.push('determiner with no noun');
  if (/[,;:]\s*[,;:.!?]|\.\s*\./.test(t.replace(/\.\.\./g, '…'))) out.push('stray punctuation');
  if (/\s{2,}/.test(text.trim())) out.push('double space');
  // A feeling cut out of its own idiom ("I'm sorry you feel that way" → "I'm sorry way").
  if (/\b(?:sorry|apologies|apologise|apologize) (?:way|so)\b/.test(t)) out.push('apology with its object cut');
  // A slot filled with the wrong person for its verb ("sorry you was rushed", "I were").
  if (/\b(?:you|we|they) was\b|\bi were\b|\b(?:he|she|it) were\b(?! to\b)/.test(t)) out.push('verb does not agree with its subject');
  return out;
}


/** Problems a rewrite has that the agent's own sentence did not. */
export function newProblems(original: string, rewritten: string): string[] {
  const had = new Set(grammarProblems(original));
  return grammarProblems(rewritten).filter((p) => !had.has(p));
}
