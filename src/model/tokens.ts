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

const WORD = /\[[\p{L} ]{1,20}\]|[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*|[?!,;:$£€%#@]/gu;
/** A suggestion's placeholder ("[time]") is one token: a time the agent will type, or some other slot. */
const TIME_SLOT = /^\[(?:time|date|day|deadline)\]$/;
const HAS_DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\uFF10-\uFF19]/;

export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    const raw = m[0].toLowerCase().replace(/\u2019/g, "'");
    if (raw.startsWith('[')) {
      out.push({ norm: TIME_SLOT.test(raw) ? '<time>' : '<slot>', start, end });
      continue;
    }
    if (HAS_DIGIT.test(raw)) {
      out.push({ norm: '<num>', start, end });
      continue;
    }
    if (raw === '$' || raw === '£' || raw === '€') {
      out.push({ norm: '<cur>', start, end });
      continue;
    }
    const spelled = Object.hasOwn(SPELLED, raw) ? SPELLED[raw] : undefined;
    if (spelled) {
      for (const norm of spelled) out.push({ norm, start, end });
      continue;
    }
    const suffix = raw.includes("'") ? SUFFIXES.find(([s]) => raw.endsWith(s) && raw.length > s.length) : undefined;
    if (suffix) {
      out.push({ norm: raw.slice(0, -suffix[0].length), start, end });
      out.push({ norm: suffix[1], start, end });
      continue;
    }
    out.push({ norm: raw, start, end });
  }
  return out;
}

/** Tokens that are words (not numbers, placeholders or punctuation): what "long enough to judge" counts. */
export function wordCount(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.norm.charCodeAt(0) > 96 || t.norm.length > 1 && /^\p{L}/u.test(t.norm)) n++;
  return n;
}
