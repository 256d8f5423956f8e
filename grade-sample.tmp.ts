import { readFileSync, writeFileSync } from 'node:fs';
import { analyze } from './src/engine/index';
import { readCsvColumn } from './src/cli/corpus';
const facts = readFileSync('test/corpus/facts/test.facts.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string });
const tw = readCsvColumn('../shared/data/twcs_small_agent_replies.csv', 'agent_text');
const pick = <T,>(xs: T[], n: number) => Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);
const items: string[] = [];
const add = (text: string, source: string) => {
  const f = analyze(text, { tips: false }).findings.find((x) => x.suggestions.length && !x.ruleId.startsWith('unfilled'));
  if (!f) return false;
  const apply = (r: string) => text.slice(0, f.start) + r + text.slice(f.end);
  items.push(`## ${items.length + 1} (${source}, ${f.category})\nOriginal: ${text}\nUnderlined: “${f.text}”\nSuggestion 1 applied: ${apply(f.suggestions[0]!.replacement)}${f.suggestions[1] ? `\nSuggestion 2 applied: ${apply(f.suggestions[1].replacement)}` : ''}\n`);
  return true;
};
for (const r of pick(facts, 60)) add(r.text, 'written');
const flagged = tw.filter((t) => analyze(t, { tips: false }).findings.some((f) => f.suggestions.length && !f.ruleId.startsWith('unfilled')));
for (const t of pick(flagged, 40)) add(t.replace(/\s+/g, ' '), 'real Twitter reply');
writeFileSync('/tmp/grade/items.md', items.join('\n'));
console.log(items.length);
