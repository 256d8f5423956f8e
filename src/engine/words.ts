/**
 * The bag of words a sentence contains, with contractions also spelled out, for
 * the rule prefilter. Kept in step with how compromise expands contractions.
 */
// Maps, not object literals: these are indexed by the agent's words, and "constructor" or
// "__proto__" would read an inherited member of a plain object.
const CONTRACTIONS = new Map<string, string[]>(Object.entries({
  "n't": ['not'],
  "'ll": ['will'],
  "'ve": ['have'],
  "'re": ['are'],
  "'m": ['am'],
  "'s": ['is', 'has'],
  "'d": ['would', 'had'],
}));
const IRREGULAR = new Map<string, string>(Object.entries({ "won't": 'will', "can't": 'can', "shan't": 'shall', "ain't": 'is' }));
/** Spelled-together forms compromise splits. */
const SPLIT = new Map<string, string[]>(Object.entries({ cannot: ['can', 'not'], gonna: ['going', 'to'], wanna: ['want', 'to'], gotta: ['got', 'to'] }));

export function wordBag(lower: string): Set<string> {
  const bag = new Set<string>();
  const re = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const w = m[0];
    bag.add(w);
    for (const x of SPLIT.get(w) ?? []) bag.add(x);
    const apos = w.indexOf("'");
    if (apos === -1) continue;
    const irregular = IRREGULAR.get(w);
    if (irregular) {
      bag.add(irregular);
      bag.add('not');
      continue;
    }
    const suffix = w.endsWith("n't") ? "n't" : w.slice(apos);
    const base = w.slice(0, w.length - suffix.length);
    if (base) bag.add(base);
    for (const x of CONTRACTIONS.get(suffix) ?? []) bag.add(x);
  }
  return bag;
}
