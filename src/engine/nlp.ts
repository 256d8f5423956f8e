/**
 * The one place that imports compromise. `two` has the tagger (#Verb, #Date, #Person…)
 * without `three`'s extra methods, which the rules do not need; it keeps the bundle smaller.
 */
import nlp from 'compromise/two';

export type Doc = ReturnType<typeof nlp>;
export type ParsedMatch = ReturnType<typeof nlp.parseMatch>;

export const parseMatch = (pattern: string): ParsedMatch => nlp.parseMatch(pattern);
/** Tokenised only: contractions expanded, no tagging (about a tenth of the cost). */
export const tokenize = (text: string): Doc => nlp.tokenize(text);
/**
 * Tokenised and tagged without the hooks the rules never read (ids, freezing,
 * typeahead): about half the cost of a full parse. `index` must precede the post-tagger.
 */
export const tag = (text: string): Doc => {
  const doc = nlp.tokenize(text);
  doc.compute(['index', 'lexicon', 'preTagger', 'contractionTwo', 'postTagger']);
  return doc;
};
