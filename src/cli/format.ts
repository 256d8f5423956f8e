/** Human-readable output for `tactful check`: file:line:col, category, message, best rewrite. */
import type { AnalysisResult, Finding } from '../engine/types';

const SEVERITY_COLOR = { error: '31', warning: '33', info: '36' } as const;

/**
 * Control characters (an ANSI escape in a pack's message or a file's name, a stray
 * carriage return) shown as `\x1b` instead of reaching the terminal, where they could
 * recolour, move the cursor or hide lines. Newlines and tabs stay.
 */
export function sanitize(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * 1-based line and column (in UTF-16 units, as editors count) of offsets in one text.
 * Line starts are found once and searched by bisection, so a text with many findings
 * on many lines costs O(n + k log n), not a rescan from 0 per finding.
 */
export function lineIndex(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

/** One offset's line and column (builds the index; use lineIndex for many). */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  return lineIndex(text)(offset);
}

export interface FormatOptions {
  color: boolean;
}

export function formatFinding(name: string, f: Finding & { line: number; column: number }, opts: FormatOptions): string {
  const paint = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const head = `${sanitize(name)}:${f.line}:${f.column}  ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7))} ${paint('1', f.category)}  “${sanitize(f.text)}”`;
  const lines = [head, `    ${sanitize(f.message)}`];
  const best = f.suggestions[0];
  if (best) lines.push(`    ${paint('32', 'try:')} ${sanitize(best.replacement)}`);
  lines.push(`    ${paint('2', `(${sanitize(f.ruleId)})`)}`);
  return lines.join('\n');
}

/** Findings with 1-based `line` and `column` beside `start`/`end` (for the text and JSON output). */
export function withPositions(text: string, result: AnalysisResult): Array<Finding & { line: number; column: number }> {
  const at = lineIndex(text);
  return result.findings.map((f) => {
    const { line, col } = at(f.start);
    return { ...f, line, column: col };
  });
}

export function formatText(name: string, text: string, result: AnalysisResult, opts: FormatOptions): string {
  const paint = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out = withPositions(text, result).map((f) => formatFinding(name, f, opts));
  // What was not checked (a reply past the length limit, a team rule out of time) is said, never silent.
  if (result.warnings?.length) {
    const at = lineIndex(text);
    for (const w of result.warnings) {
      const { line, col } = at(w.start);
      out.push(`${sanitize(name)}:${line}:${col}  ${paint('33', 'note')}    ${sanitize(w.message)}`);
    }
  }
  for (const tip of result.tips) out.push(`${sanitize(name)}  ${paint('2', 'tip')} ${tip.id}: ${sanitize(tip.message)}`);
  return out.join('\n');
}
