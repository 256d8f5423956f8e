/**
 * Splits the agent's text into sentences with UTF-16 offsets. Own splitter rather
 * than compromise's so that unchanged sentences keep identical text while typing
 * (the analyzer caches by sentence) and so offsets are exact.
 */
import { nextLineBreak, type Span } from './regions';

export interface Sentence extends Span {
  text: string;
}

/** Abbreviations that are always followed by more of the same sentence ("Dr. Lee", "e.g. a refund"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'eg', 'e.g', 'ie', 'i.e', 'approx', 'nr',
  'jr', 'sr', 'fig', 'u.s', 'tel', 'ref', 'cf', 'viz',
]);
/**
 * Abbreviations that also end sentences ("the answer is no.", "by 3 pm.", "etc."): a boundary
 * when the next word starts with a capital, so the next sentence is not glued to this one
 * (a whole-sentence rewrite would delete it); "No. 5" and "Dec. 12" stay one sentence.
 */
const SENTENCE_FINAL_ABBREVIATIONS = new Set([
  'etc', 'no', 'inc', 'ltd', 'co', 'a.m', 'p.m', 'am', 'pm', 'min', 'max', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
/** Longest stretch handed to the NLP stage at once; longer run-ons are cut at a space. */
export const MAX_SENTENCE_CHARS = 600;

const LIST_MARKER = /^\s*(?:[-*•·▪–]|\d{1,3}[.)]|[a-z][.)])\s+/i;
/** An emoji with its variation selector, skin tone and zero-width-joined parts ("❤️", "👍🏽", "👩‍💻"). */
const EMOJI = String.raw`\p{Extended_Pictographic}(?:[\u{FE0E}\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic})*`;
/** What may close a sentence after its punctuation: quotes, brackets, markdown emphasis, an HTML end tag. */
const CLOSERS = String.raw`(?:["'\u201D\u2019\u00BB\u203A)\]}*_~]|<\/[a-z][a-z0-9]{0,9}>)*`;
const BOUNDARY = new RegExp(String.raw`([.!?…]+|${EMOJI}(?=\s+["'(\[*_\u201C\u2018\u00AB]*\p{Lu}))${CLOSERS}(\s+|$)`, 'gu');
/** The next sentence visibly starts: a capital, maybe after an opening quote or bracket. */
const STARTS_SENTENCE = /^["'(\[*_\u201C\u2018\u00AB]*\p{Lu}/u;

function isAbbreviation(text: string, punctAt: number, nextAt: number): boolean {
  if (text[punctAt] !== '.') return false;
  const before = text.slice(Math.max(0, punctAt - 8), punctAt);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (word.length === 1) return true; // initials: "J. Smith"
  if (SENTENCE_FINAL_ABBREVIATIONS.has(word)) return !STARTS_SENTENCE.test(text.slice(nextAt, nextAt + 4));
  return ABBREVIATIONS.has(word);
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return;
  // Cut run-ons (a pasted wall of text) so each NLP call stays bounded.
  while (end - start > MAX_SENTENCE_CHARS) {
    // The last space within the limit; searched only back to `start` (lastIndexOf would scan
    // the whole text before it when there is none, which made a 1 MB run of dashes quadratic).
    let cut = start + MAX_SENTENCE_CHARS;
    while (cut > start && text.charCodeAt(cut) !== 32) cut--;
    if (cut <= start) cut = start + MAX_SENTENCE_CHARS;
    // Never between the two halves of a surrogate pair (an emoji): applying a rewrite would leave half of it.
    if (isHighSurrogate(text.charCodeAt(cut - 1)) && isLowSurrogate(text.charCodeAt(cut))) cut--;
    out.push({ start, end: cut, text: text.slice(start, cut) });
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

function segmentLine(text: string, lineStart: number, lineEnd: number, out: Sentence[]): void {
  if (lineEnd <= lineStart) return;
  const line = text.slice(lineStart, lineEnd);
  const marker = LIST_MARKER.exec(line);
  let sentenceStart = marker ? marker[0].length : 0;
  BOUNDARY.lastIndex = sentenceStart;
  for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
    if (m[0].length === 0) {
      BOUNDARY.lastIndex++;
      continue;
    }
    if (isAbbreviation(line, m.index, m.index + m[0].length)) continue;
    // "3.5", "v2.1": a dot between digits is not a boundary (the regex needs whitespace after anyway).
    const end = m.index + m[0].length;
    pushTrimmed(out, text, lineStart + sentenceStart, lineStart + end);
    sentenceStart = end;
  }
  pushTrimmed(out, text, lineStart + sentenceStart, lineEnd);
}

export function segment(text: string, regions: Span[]): Sentence[] {
  const out: Sentence[] = [];
  for (const region of regions) {
    let lineStart = region.start;
    while (lineStart <= region.end) {
      const br = nextLineBreak(text, lineStart);
      const lineEnd = !br || br.index > region.end ? region.end : br.index;
      segmentLine(text, lineStart, lineEnd, out);
      lineStart = lineEnd + (br && br.index === lineEnd ? br.length : 1);
    }
  }
  return out;
}
