/**
 * A sentence cut into clauses at `breaks` (punctuation, dashes, linking words), each with
 * the separator before it, so what is kept can be joined back as the agent wrote it
 * ("…, which is why …"). Also the sentence's leading space and end punctuation, apart.
 */
export interface Piece {
  sep: string;
  text: string;
}

const END = /[.!?…]+["'”’)\]]*\s*$/u;

export function splitClauses(sentence: string, breaks: RegExp): { lead: string; end: string; body: string; pieces: Piece[] } {
  const end = END.exec(sentence)?.[0] ?? '';
  const lead = /^\s*/u.exec(sentence)?.[0] ?? '';
  const body = sentence.slice(lead.length, sentence.length - end.length);
  const pieces: Piece[] = [];
  let from = 0;
  let sep = '';
  for (const m of body.matchAll(breaks)) {
    pieces.push({ sep, text: body.slice(from, m.index) });
    sep = m[0];
    from = m.index! + m[0].length;
  }
  pieces.push({ sep, text: body.slice(from) });
  return { lead, end, body, pieces };
}
