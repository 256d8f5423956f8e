/**
 * Bounds on rule patterns, so a team pack cannot make analysis hang: compromise
 * runs `/regex/` terms against every word, and long alternations multiply work.
 */
import { hangShape, parseRegex, RegexSyntaxError, SafeRegex } from './safe-regex';

export const PATTERN_LIMITS = {
  maxChars: 600,
  maxTerms: 40,
  maxChoices: 200,
  maxRegexChars: 80,
} as const;

const BACKREFERENCE = /\\[1-9]|\\k</;
const LOOKAROUND = /\(\?<?[=!]/;

export function regexProblem(source: string): string | null {
  if (source.length > PATTERN_LIMITS.maxRegexChars) {
    return `regex term is longer than ${PATTERN_LIMITS.maxRegexChars} characters`;
  }
  if (BACKREFERENCE.test(source)) return 'regex term uses a back-reference';
  if (LOOKAROUND.test(source)) return 'regex term uses a lookaround';
  try {
    new RegExp(source);
  } catch (error) {
    return `regex term does not compile: ${(error as Error).message}`;
  }
  try {
    const shape = hangShape(parseRegex(source));
    if (shape) return shape;
    new SafeRegex(source);
  } catch (error) {
    if (error instanceof RegexSyntaxError) return `regex term uses syntax Tactful does not run: ${error.message}`;
    throw error;
  }
  return null;
}

/** Regex terms as written in the pattern, e.g. `/^colou?r$/`. */
export function regexTerms(pattern: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s(|[])\/((?:[^/\\]|\\.)+)\/(?=$|[\s)|\]?*+])/g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) out.push(m[1]!);
  return out;
}

/**
 * Capture group names become keys of plain objects inside compromise's match state and in
 * the captures a template reads: a name like `__proto__` or `constructor` would write to or
 * read from Object.prototype, so only plain identifiers that no object inherits are allowed.
 */
const GROUP_NAME = /^[a-z][a-z0-9_]{0,39}$/i;
export function groupNameProblem(name: string): string | null {
  if (!GROUP_NAME.test(name)) return `capture name ${JSON.stringify(name)} must be a letter followed by letters, digits or _`;
  if (name in Object.prototype || name === 'prototype') return `capture name ${JSON.stringify(name)} is reserved`;
  return null;
}

const OPEN_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const REGEX_START = /[\s(|[!>]/;
const REGEX_END = /[\s)|\]?*+{]/;

/**
 * compromise parses "(unclosed" or "sorry (((" without complaint into a pattern that never
 * matches; under a built-in id it would silently replace that rule with a dead one. Brackets
 * outside regex terms must pair up, and every regex term must be closed.
 */
export function bracketProblem(pattern: string): string | null {
  const stack: Array<{ ch: string; at: number }> = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '/' && (i === 0 || REGEX_START.test(pattern[i - 1]!))) {
      let j = i + 1;
      for (; j < pattern.length; j++) {
        if (pattern[j] === '\\') j++;
        else if (pattern[j] === '/' && (j + 1 === pattern.length || REGEX_END.test(pattern[j + 1]!))) break;
      }
      if (j >= pattern.length) return `the regex term starting at character ${i + 1} is not closed with "/"`;
      i = j;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') stack.push({ ch, at: i });
    else if (ch in OPEN_OF) {
      const open = stack.pop();
      if (!open) return `"${ch}" at character ${i + 1} closes nothing`;
      if (open.ch !== OPEN_OF[ch]) return `"${open.ch}" at character ${open.at + 1} is closed by "${ch}"`;
    }
  }
  const open = stack.pop();
  return open ? `"${open.ch}" at character ${open.at + 1} is never closed` : null;
}
