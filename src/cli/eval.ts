/**
 * `npm run eval`: precision and recall per category on the labeled corpus, the
 * false-alarm rate on clean sentences, tip accuracy on whole replies, and the share
 * of real agent replies (../shared/data) that get flagged, with a sample.
 * `--misses` lists every wrong call, for tuning rules.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../engine/index';
import { CATEGORIES, TIP_IDS, type Category } from '../engine/types';
import { scoreSentences } from './score';
import { readCsvColumn, readJsonl, type LabeledReply, type LabeledSentence } from './corpus';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const showMisses = args.has('--misses');
const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  n/a');

function evalSentences(file: string, title: string): boolean {
  const rows = readJsonl<LabeledSentence>(join(root, 'test/corpus', file));
  const { perCategory, clean, falseAlarms, misses } = scoreSentences(rows);
  console.log(`${title}: ${rows.length} (${clean} clean)\n`);
  console.log('category            precision  recall   tp   fp   fn');
  let ok = true;
  for (const c of CATEGORIES) {
    const { tp, fp, fn, precision, recall } = perCategory[c];
    if (!(precision >= 0.92 && recall >= 0.85)) ok = false;
    console.log(`${c.padEnd(18)}  ${pct(precision).padStart(9)}  ${pct(recall).padStart(6)}  ${String(tp).padStart(3)}  ${String(fp).padStart(3)}  ${String(fn).padStart(3)}`);
  }
  const alarmRate = falseAlarms / clean;
  if (alarmRate > 0.03) ok = false;
  console.log(`\nFalse alarms on clean sentences: ${falseAlarms}/${clean} = ${(alarmRate * 100).toFixed(1)}%`);
  console.log(`Targets (precision ≥ 0.92, recall ≥ 0.85 per category, false alarms ≤ 3%): ${ok ? 'MET' : 'NOT MET'}`);
  if (showMisses) console.log(`\n${misses.join('\n')}`);
  return ok;
}

function evalReplies(): void {
  const rows = readJsonl<LabeledReply>(join(root, 'test/corpus/replies.jsonl'));
  let exact = 0;
  const tipTp = new Map<string, number>(), tipFp = new Map<string, number>(), tipFn = new Map<string, number>();
  const misses: string[] = [];
  for (const row of rows) {
    const result = analyze(row.text);
    const got = new Set(result.findings.map((f) => f.category));
    const want = new Set(row.labels);
    if (got.size === want.size && [...want].every((c) => got.has(c))) exact++;
    else misses.push(`${row.id}: labels want [${[...want]}] got [${[...got]}]`);
    const gotTips = new Set(result.tips.map((t) => t.id));
    for (const id of TIP_IDS) {
      const g = gotTips.has(id), w = row.tips.includes(id);
      if (g && w) tipTp.set(id, (tipTp.get(id) ?? 0) + 1);
      else if (g) { tipFp.set(id, (tipFp.get(id) ?? 0) + 1); misses.push(`${row.id}: extra tip ${id}`); }
      else if (w) { tipFn.set(id, (tipFn.get(id) ?? 0) + 1); misses.push(`${row.id}: missing tip ${id}`); }
    }
  }
  console.log(`\nWhole replies: ${rows.length}; category sets exactly right: ${exact}/${rows.length}`);
  console.log('tip          precision  recall');
  for (const id of TIP_IDS) {
    const t = tipTp.get(id) ?? 0, p = tipFp.get(id) ?? 0, n = tipFn.get(id) ?? 0;
    console.log(`${id.padEnd(11)}  ${pct(t / (t + p)).padStart(9)}  ${pct(t / (t + n)).padStart(6)}`);
  }
  if (showMisses) console.log(`\n${misses.join('\n')}`);
}

function evalRealReplies(): void {
  const dataDir = join(root, '../shared/data');
  const sources: Array<[string, string]> = [
    ['twcs_small_agent_replies.csv', 'agent_text'],
    ['ibm_cdp_agent_utterances.csv', 'agent_text'],
  ];
  for (const [file, column] of sources) {
    const path = join(dataDir, file);
    if (!existsSync(path)) {
      console.log(`\n(${file} not found beside the repository; skipped)`);
      continue;
    }
    const texts = readCsvColumn(path, column);
    const flagged: string[] = [];
    const perCategory = new Map<Category, number>();
    for (const text of texts) {
      const findings = analyze(text, { tips: false }).findings;
      if (!findings.length) continue;
      flagged.push(findings.map((f) => `[${f.category}] “${f.text}”`).join(' '));
      for (const c of new Set(findings.map((f) => f.category))) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
    }
    console.log(`\nReal replies, ${file}: ${flagged.length}/${texts.length} flagged (${((flagged.length / texts.length) * 100).toFixed(1)}%)`);
    console.log(`  by category: ${[...perCategory].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
    const sample = showMisses ? flagged : flagged.slice(0, 12);
    for (const line of sample) console.log(`  ${line}`);
  }
}

const met = evalSentences('sentences.jsonl', 'Labeled sentences');
console.log('');
const OTHER_SETS: Array<[string, string]> = [
  ['holdout.jsonl', 'Development set 1 (holdout.jsonl: written apart from the rules, then used for generalisation)'],
  ['dev2.jsonl', 'Development set 2 (dev2.jsonl: written apart from the rules, then used for generalisation)'],
  ['dev3.jsonl', 'Development set 3 (dev3.jsonl: written apart from the rules, then used for generalisation)'],
  ['dev4.jsonl', 'Development set 4 (dev4.jsonl: written apart from the rules, then used for generalisation)'],
  ['test.jsonl', 'Test set (test.jsonl: written after the rules by someone who never saw them; never used for tuning)'],
];
for (const [file, title] of OTHER_SETS) {
  if (!existsSync(join(root, 'test/corpus', file))) continue;
  console.log('');
  evalSentences(file, title);
}
evalReplies();
evalRealReplies();
if (args.has('--strict') && !met) process.exitCode = 1;
