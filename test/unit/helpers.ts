import { analyze, type Finding } from '../../src/engine/index';

/** Applies a replacement to a finding's span, as the extension's card does. */
export function applyFix(text: string, f: Finding, replacement: string): string {
  return text.slice(0, f.start) + replacement + text.slice(f.end);
}

export function findingsOf(text: string): Finding[] {
  return analyze(text, { tips: false }).findings;
}
