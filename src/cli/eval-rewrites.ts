/**
 * Rewrite figures for `npm run eval`, on flagged sentences whose facts were written
 * down by someone other than the rewrite code's author (test/corpus/facts/): does the
 * first suggestion keep every fact, is it flagged again, does it read as well-formed
 * English by simple re-parse checks, how many placeholders, how long are the spans.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../engine/index';
import { foldTypography } from '../engine/normalize';
import { grammarProblems } from '../engine/grammar';
import { CATEGORIES, type Finding } from '../engine/types';
import { readJsonl } from './corpus';

interface FactRow {
  text: string;
  facts: string[];
}

export interface RewriteCheck {
  finding: Finding;
  fixed: string;
  keepsFacts: boolean;
  missing: string[];
  flaggedAgain: boolean;
  problems: string[];
  placeholders: number;
  spanShare: number;
}

const fold = (s: string) => foldTypography(s).toLowerCase();

export function checkRewrite(text: string, facts: string[], finding: Finding): RewriteCheck | null {
  const s = finding.suggestions[0];
  if (!s) return null;
  const fixed = text.slice(0, finding.start) + s.replacement + text.slice(finding.end);
  const missing = facts.filter((f) => !fold(fixed).includes(fold(f)));
  // Flagged again: the same kind of problem, or a kind the sentence did not have (another
  // problem it already had is its own finding, with its own rewrite).
  const had = new Set(analyze(text, { tips: false }).findings.map((f) => f.category));
  const again = analyze(fixed, { tips: false }).findings.filter(
    (f) => !f.ruleId.startsWith('unfilled-placeholder') && (f.category === finding.category || !had.has(f.category)),
  );
  return {
    finding,
    fixed,
    keepsFacts: missing.length === 0,
    missing,
    flaggedAgain: again.length > 0,
    problems: grammarProblems(fixed),
    placeholders: (s.replacement.match(/\[[a-z ]+\]/g) ?? []).length,
    spanShare: (finding.end - finding.start) / Math.max(text.trim().length, 1),
  };
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

interface Tally {
  findings: number;
  withSuggestion: number;
  keeps: number;
  clean: number;
  grammatical: number;
  placeholders: number;
  shares: number[];
}
const empty = (): Tally => ({ findings: 0, withSuggestion: 0, keeps: 0, clean: 0, grammatical: 0, placeholders: 0, shares: [] });

function line(name: string, t: Tally): string {
  const r = (n: number) => (t.withSuggestion ? ((n / t.withSuggestion) * 100).toFixed(0).padStart(4) + '%' : '  n/a');
  const cov = t.findings ? ((t.withSuggestion / t.findings) * 100).toFixed(0).padStart(4) + '%' : '  n/a';
  return `${name.padEnd(32)} ${String(t.findings).padStart(4)} ${cov} ${r(t.keeps)} ${r(t.clean)} ${r(t.grammatical)} ${(t.placeholders / Math.max(t.withSuggestion, 1)).toFixed(2).padStart(6)} ${(median(t.shares) * 100).toFixed(0).padStart(5)}%`;
}

export function evalRewrites(root: string, showMisses: boolean, only?: string): void {
  const dir = join(root, 'test/corpus/facts');
  if (!existsSync(dir)) {
    console.log('\n(no test/corpus/facts/: rewrite figures skipped)');
    return;
  }
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.facts.jsonl') && (!only || f === only)).sort()) {
    const rows = readJsonl<FactRow>(join(dir, file));
    const byCategory = new Map<string, Tally>(CATEGORIES.map((c) => [c, empty()]));
    const byRule = new Map<string, Tally>();
    const all = empty();
    const misses: string[] = [];
    for (const row of rows) {
      for (const f of analyze(row.text, { tips: false }).findings) {
        const tallies = [all, byCategory.get(f.category)!, byRule.get(f.ruleId) ?? byRule.set(f.ruleId, empty()).get(f.ruleId)!];
        const check = checkRewrite(row.text, row.facts, f);
        for (const t of tallies) {
          t.findings++;
          t.shares.push((f.end - f.start) / Math.max(row.text.trim().length, 1));
          if (!check) continue;
          t.withSuggestion++;
          if (check.keepsFacts) t.keeps++;
          if (!check.flaggedAgain) t.clean++;
          if (!check.problems.length) t.grammatical++;
          t.placeholders += check.placeholders;
        }
        if (check && (!check.keepsFacts || check.flaggedAgain || check.problems.length)) {
          misses.push(`${f.ruleId}: ${row.text}\n    → ${check.fixed}${check.missing.length ? `\n    lost: ${check.missing.join(', ')}` : ''}${check.flaggedAgain ? '\n    flagged again' : ''}${check.problems.length ? `\n    ${check.problems.join(', ')}` : ''}`);
        } else if (!check) misses.push(`${f.ruleId}: no suggestion for ${row.text}`);
      }
    }
    console.log(`\nRewrites, ${file} (${rows.length} flagged sentences with the facts a rewrite must keep; first suggestion):`);
    console.log(`${''.padEnd(32)} finds cover facts  clean  gramm  slots  span`);
    console.log(line('all', all));
    for (const c of CATEGORIES) console.log(line(`  ${c}`, byCategory.get(c)!));
    for (const [id, t] of [...byRule].sort((a, b) => b[1].findings - a[1].findings)) console.log(line(`    ${id}`, t));
    console.log('(cover: findings with a suggestion; facts: keeps every fact; clean: not flagged again for its own kind of problem or a new one; gramm: passes the re-parse checks; slots: placeholders per suggestion; span: median span length as a share of the sentence)');
    console.log('Targets: facts ≥ 90%, clean 100%, span ≤ 60%, cover ≥ 95%');
    if (showMisses) console.log(`\n${misses.join('\n')}`);
  }
}
