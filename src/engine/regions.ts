/**
 * Finds the parts of a reply the agent wrote: quoted customer text (`>` lines,
 * "On … wrote:" blocks, forwarded or original messages) and signatures are cut out,
 * so the customer's words are never flagged.
 */
export interface Span {
  start: number;
  end: number;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

const QUOTE_LINE = /^\s*>/;
const ATTRIBUTION = /^\s*(on\b.{0,240}\bwrote:|le\b.{0,240}a écrit\s?:|am\b.{0,240}schrieb.{0,80}:)\s*$/i;
const ATTRIBUTION_START = /^\s*on\s.{0,200}$/i;
const ATTRIBUTION_END = /^.{0,120}\bwrote:\s*$/i;
const HISTORY_MARKER =
  /^\s*(-{2,}\s*(original message|forwarded message)\s*-{2,}|begin forwarded message:|_{8,}\s*$)/i;
const HEADER_FROM = /^\s*(from|de|von):\s+\S/i;
const HEADER_NEXT = /^\s*(sent|date|to|subject|cc):\s/i;
const SIG_DELIMITER = /^--\s?$/;
const DEVICE_FOOTER = /^\s*sent from my \w+/i;
const SIGN_OFF =
  /^\s*(?:(?:best|kind|warm|warmest|many|with)?\s*(?:regards|wishes|thanks|thank you|cheers|best|sincerely|all the best|take care|talk soon|speak soon)|yours (?:sincerely|truly|faithfully)|sincerely yours|respectfully|thanks again|have a (?:great|good|nice|lovely) (?:day|week|weekend|evening))[,.!]?\s*(\p{Extended_Pictographic})?\s*$/iu;

/**
 * Every line terminator a pasted text may carry (\n, \r, \r\n, \v, \f, U+0085, U+2028, U+2029):
 * a `> ` line after a lone `\r` is still a quote line, and the segmenter ends sentences there too.
 * Returns where the next one at or after `from` is and how long it is (`\r\n` is one break).
 */
export function nextLineBreak(text: string, from: number): { index: number; length: number } | null {
  // A plain scan: this runs once per line, and a pasted text can have a million of them.
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 13 && c !== 0x85 && c !== 0x2028 && c !== 0x2029) continue;
    if (c === 13) return { index: i, length: text.charCodeAt(i + 1) === 10 ? 2 : 1 };
    if (c >= 10 || c === 0x85 || c === 0x2028 || c === 0x2029) return { index: i, length: 1 };
  }
  return null;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const br = nextLineBreak(text, start);
    const end = br ? br.index : text.length;
    lines.push({ start, end, text: text.slice(start, end) });
    if (!br) break;
    start = br.index + br.length;
  }
  return lines;
}

/** Lines longer than this are prose, never an attribution, marker, header or sign-off (and the regexes stay cheap). */
const MAX_MARKER_LINE = 320;

/** Index of the first line where quoted history begins (everything after it is not the agent's). */
function historyStart(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.length === 0 || t.length > MAX_MARKER_LINE) continue;
    if (ATTRIBUTION.test(t) || HISTORY_MARKER.test(t) || SIG_DELIMITER.test(t)) return i;
    const next = lines[i + 1]?.text ?? '';
    if (next.length > MAX_MARKER_LINE) continue;
    // Mail clients wrap long attributions over two lines.
    if (ATTRIBUTION_START.test(t) && ATTRIBUTION_END.test(next) && !/[.!?]\s*$/.test(t)) return i;
    if (HEADER_FROM.test(t) && HEADER_NEXT.test(next)) return i;
  }
  return lines.length;
}

const MAX_SIGNATURE_LINES = 6;
const MAX_SIGNATURE_LINE = 70;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const PRONOUN = /^(?:i|i'm|i'll|i've|i'd|we|we'll|we're|we've|we'd|you|you're|you'll|you've)$/i;

/**
 * A finished sentence of the agent's ("We'll get back to you when possible."), not a name,
 * title, company or phone line: it ends like a sentence and reads like one (several
 * lower-case words or pronouns; "Head of Support, Acme Inc." has one).
 */
function isProse(line: string): boolean {
  const t = line.trim();
  if (!/[.!?…]["')\]]*$/.test(t)) return false;
  let wordy = 0;
  for (const w of t.match(WORD) ?? []) if (/^\p{Ll}/u.test(w) || PRONOUN.test(w)) wordy++;
  return wordy >= 3;
}

/**
 * After a sign-off line, a few short lines (name, title, company) are a signature. One pass
 * from the end counts what follows each line, so thousands of "Thanks" lines stay linear; an
 * early "Thanks!" followed by the agent's sentences is not a sign-off.
 */
function signatureStart(lines: Line[], limit: number): number {
  let after = 0; // non-empty lines after i (up to limit)
  let allShort = true; // all of them could be signature lines
  const ok: boolean[] = new Array<boolean>(limit).fill(false);
  for (let i = limit - 1; i >= 0; i--) {
    ok[i] = after <= MAX_SIGNATURE_LINES && allShort;
    const t = lines[i]!.text;
    if (t.length === 0 || t.trim() === '') continue;
    after++;
    if (t.length > MAX_SIGNATURE_LINE || isProse(t)) allShort = false;
  }
  for (let i = 0; i < limit; i++) {
    const t = lines[i]!.text;
    if (ok[i] && t.length > 0 && t.length <= MAX_MARKER_LINE && SIGN_OFF.test(t)) return i + 1;
  }
  return limit;
}

/** The text outside the agent's regions: quoted customer messages and history. */
export function outsideRegions(text: string, regions: Span[]): string {
  let out = '';
  let at = 0;
  for (const r of regions) {
    out += `${text.slice(at, r.start)}\n`;
    at = r.end;
  }
  return out + text.slice(at);
}

export function agentRegions(text: string): Span[] {
  const lines = splitLines(text);
  const historyAt = historyStart(lines);
  const sigAt = signatureStart(lines, historyAt);
  const regions: Span[] = [];
  let open: Span | null = null;
  for (let i = 0; i < sigAt; i++) {
    const line = lines[i]!;
    const excluded = line.text.length > 0 && (QUOTE_LINE.test(line.text) || (line.text.length <= MAX_MARKER_LINE && DEVICE_FOOTER.test(line.text)));
    if (excluded) {
      if (open) regions.push(open);
      open = null;
      continue;
    }
    if (open) open.end = line.end;
    else open = { start: line.start, end: line.end };
  }
  if (open) regions.push(open);
  return regions;
}
