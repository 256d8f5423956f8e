/**
 * Pieces of text for sliced analysis: cut only where the engine's segmenter also ends a
 * sentence (a line break, or sentence punctuation followed by a space), so each piece's
 * sentences are the whole text's sentences and an analyzer's per-sentence cache carries over
 * to the final whole-text pass.
 */
export function splitPieces(text: string, target: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    if (text.length - at <= target) {
      out.push(text.slice(at));
      break;
    }
    let cut = -1;
    const nl = text.lastIndexOf('\n', at + target);
    if (nl > at) cut = nl + 1;
    else {
      const re = /[.!?][)"'\u2019\u201D]*\s+(?=[A-Z0-9"'(\u2018\u201C])/g;
      re.lastIndex = at + Math.floor(target / 2);
      const m = re.exec(text);
      if (m && m.index < at + target * 2) cut = m.index + m[0].length;
      else {
        const nl2 = text.indexOf('\n', at + target);
        cut = nl2 >= 0 ? nl2 + 1 : text.length;
      }
    }
    out.push(text.slice(at, cut));
    at = cut;
  }
  return out;
}
