/**
 * The one place that imports compromise. `two` has the tagger (#Verb, #Date, #Person…)
 * without `three`'s extra methods, which the rules do not need; it keeps the bundle smaller.
 */
import nlp from 'compromise/two';
import { perAnalysis } from './memo';

export type Doc = ReturnType<typeof nlp>;
export type ParsedMatch = ReturnType<typeof nlp.parseMatch>;

export const parseMatch = (pattern: string): ParsedMatch => nlp.parseMatch(pattern);
/**
 * Tokenised only: contractions expanded, no tagging (about a tenth of the cost). Both this and
 * `tag` are memoised per analysis (a sentence is matched, then tagged again for its topic, and
 * a rewrite can be judged twice); the documents are only read (match, has, groups, json).
 */
export const tokenize: (text: string) => Doc = perAnalysis((text: string): Doc => nlp.tokenize(text));
/**
 * Tokenised and tagged with the lexicon and pre-tagger only (plus contraction
 * resolution): about a tenth of a full parse. The post-tagger would fix some plural
 * nouns read as verbs, for about four times the cost; rules name such words instead.
 */
export const tag: (text: string) => Doc = perAnalysis((text: string): Doc => {
  const doc = nlp.tokenize(text);
  doc.compute(['lexicon', 'preTagger', 'contractionTwo']);
  return doc;
});
