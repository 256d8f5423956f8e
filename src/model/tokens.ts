/**
 * Tokens for the learned model: lower-cased words with their UTF-16 offsets in the
 * sentence, contractions spelled out and numbers folded, so "dont", "don't" and
 * "do not" look alike and "#88213" and "#41" are the same feature.
 */

export interface Token {
  /** The normalised form used for features. */
  norm: string;
  /** Offsets into the sentence as typed (several tokens may share one word). */
  start: number;
  end: number;
}

/** Apostrophe-less chat spellings and irregular contractions, spelled out. */
const SPELLED: Record<string, string[]> = {
  dont: ['do', 'not'], cant: ['can', 'not'], wont: ['will', 'not'], didnt: ['did', 'not'],
  doesnt: ['does', 'not'], isnt: ['is', 'not'], wasnt: ['was', 'not'], arent: ['are', 'not'],
  werent: ['were', 'not'], havent: ['have', 'not'], hasnt: ['has', 'not'], hadnt: ['had', 'not'],
  couldnt: ['could', 'not'], shouldnt: ['should', 'not'], wouldnt: ['would', 'not'],
  im: ['i', 'am'], ive: ['i', 'have'], youre: ['you', 'are'], youve: ['you', 'have'],
  theyre: ['they', 'are'], weve: ['we', 'have'], cannot: ['can', 'not'], "won't": ['will', 'not'],
  "can't": ['can', 'not'], "shan't": ['shall', 'not'], "ain't": ['is', 'not'], gonna: ['going', 'to'],
  wanna: ['want', 'to'], u: ['you'], ur: ['your'], pls: ['please'], plz: ['please'], thx: ['thanks'],
};
const SUFFIXES: Array<[string, string]> = [["n't", 'not'], ["'m", 'am'], ["'re", 'are'], ["'ve", 'have'], ["'ll", 'will']];

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*|[?!,;:$£€%#@]/gu;
const HAS_DIGIT = /\p{N}/u;

export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    const raw = m[0].toLowerCase().replace(/\u2019/g, "'");
    if (HAS_DIGIT.test(raw)) {
      out.push({ norm: '<num>', start, end });
      continue;
    }
    if (raw === '$' || raw === '£' || raw === '€') {
      out.push({ norm: '<cur>', start, end });
      continue;
    }
    const spelled = SPELLED[raw];
    if (spelled) {
      for (const norm of spelled) out.push({ norm, start, end });
      continue;
    }
    const suffix = SUFFIXES.find(([s]) => raw.endsWith(s) && raw.length > s.length);
    if (suffix) {
      out.push({ norm: raw.slice(0, -suffix[0].length), start, end });
      out.push({ norm: suffix[1], start, end });
      continue;
    }
    out.push({ norm: raw, start, end });
  }
  return out;
}
