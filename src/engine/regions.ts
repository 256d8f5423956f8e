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

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end).replace(/\r$/, '') });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** Index of the first line where quoted history begins (everything after it is not the agent's). */
function historyStart(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (ATTRIBUTION.test(t) || HISTORY_MARKER.test(t) || SIG_DELIMITER.test(t)) return i;
    const next = lines[i + 1]?.text ?? '';
    // Mail clients wrap long attributions over two lines.
    if (ATTRIBUTION_START.test(t) && ATTRIBUTION_END.test(next) && !/[.!?]\s*$/.test(t)) return i;
    if (HEADER_FROM.test(t) && HEADER_NEXT.test(next)) return i;
  }
  return lines.length;
}

/** After a sign-off line, a few short lines (name, title, company) are a signature. */
function signatureStart(lines: Line[], limit: number): number {
  for (let i = 0; i < limit; i++) {
    if (!SIGN_OFF.test(lines[i]!.text)) continue;
    const rest = lines.slice(i + 1, limit).filter((l) => l.text.trim() !== '');
    if (rest.length <= 6 && rest.every((l) => l.text.trim().length <= 70)) return i + 1;
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
    const excluded = QUOTE_LINE.test(line.text) || DEVICE_FOOTER.test(line.text);
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
