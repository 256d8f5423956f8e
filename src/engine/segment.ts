/**
 * Splits the agent's text into sentences with UTF-16 offsets. Own splitter rather
 * than compromise's so that unchanged sentences keep identical text while typing
 * (the analyzer caches by sentence) and so offsets are exact.
 */
import type { Span } from './regions';

export interface Sentence extends Span {
  text: string;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'etc', 'eg', 'e.g', 'ie', 'i.e', 'approx', 'no', 'nr',
  'inc', 'ltd', 'co', 'jr', 'sr', 'a.m', 'p.m', 'am', 'pm', 'min', 'max', 'dept', 'ref', 'tel',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'u.s',
]);
/** Longest stretch handed to the NLP stage at once; longer run-ons are cut at a space. */
export const MAX_SENTENCE_CHARS = 600;

const LIST_MARKER = /^\s*(?:[-*•·▪–]|\d{1,3}[.)]|[a-z][.)])\s+/i;
const BOUNDARY = /([.!?…]+|\p{Extended_Pictographic}(?=\s+\p{Lu}))["'”’)\]]*(\s+|$)/gu;

function isAbbreviation(text: string, punctAt: number): boolean {
  if (text[punctAt] !== '.') return false;
  const before = text.slice(Math.max(0, punctAt - 8), punctAt);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (word.length === 1) return true; // initials: "J. Smith"
  return ABBREVIATIONS.has(word);
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return;
  // Cut run-ons (a pasted wall of text) so each NLP call stays bounded.
  while (end - start > MAX_SENTENCE_CHARS) {
    let cut = text.lastIndexOf(' ', start + MAX_SENTENCE_CHARS);
    if (cut <= start) cut = start + MAX_SENTENCE_CHARS;
    out.push({ start, end: cut, text: text.slice(start, cut) });
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

function segmentLine(text: string, lineStart: number, lineEnd: number, out: Sentence[]): void {
  const line = text.slice(lineStart, lineEnd);
  const marker = LIST_MARKER.exec(line);
  let sentenceStart = marker ? marker[0].length : 0;
  BOUNDARY.lastIndex = sentenceStart;
  for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
    if (m[0].length === 0) {
      BOUNDARY.lastIndex++;
      continue;
    }
    if (isAbbreviation(line, m.index)) continue;
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
      let nl = text.indexOf('\n', lineStart);
      if (nl === -1 || nl > region.end) nl = region.end;
      segmentLine(text, lineStart, nl, out);
      lineStart = nl + 1;
    }
  }
  return out;
}
