/** Human-readable output for `tactful check`: file:line:col, category, message, best rewrite. */
import type { AnalysisResult, Finding } from '../engine/types';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const SEVERITY_COLOR = { error: '31', warning: '33', info: '36' } as const;

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

export function formatFinding(name: string, text: string, f: Finding): string {
  const { line, col } = lineCol(text, f.start);
  const head = `${name}:${line}:${col}  ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7))} ${paint('1', f.category)}  “${f.text}”`;
  const lines = [head, `    ${f.message}`];
  const best = f.suggestions[0];
  if (best) lines.push(`    ${paint('32', 'try:')} ${best.replacement}`);
  lines.push(`    ${paint('2', `(${f.ruleId})`)}`);
  return lines.join('\n');
}

export function formatText(name: string, text: string, result: AnalysisResult): string {
  const out = result.findings.map((f) => formatFinding(name, text, f));
  for (const tip of result.tips) out.push(`${name}  ${paint('2', 'tip')} ${tip.id}: ${tip.message}`);
  return out.join('\n');
}
