/** Whole replies and real agent replies for `npm run eval`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../engine/index';
import { TIP_IDS, type Category } from '../engine/types';
import { pct } from './eval-sentences';
import { readCsvColumn, readJsonl, type LabeledReply } from './corpus';

export function evalReplies(root: string, showMisses: boolean): number {
  const rows = readJsonl<LabeledReply>(join(root, 'test/corpus/replies.jsonl'));
  const exact = { rules: 0, fused: 0 };
  const tipTp = new Map<string, number>(), tipFp = new Map<string, number>(), tipFn = new Map<string, number>();
  const misses: string[] = [];
  for (const row of rows) {
    const want = new Set(row.labels);
    const same = (got: Set<Category>) => got.size === want.size && [...want].every((c) => got.has(c));
    if (same(new Set(analyze(row.text, { learned: false }).findings.map((f) => f.category)))) exact.rules++;
    const result = analyze(row.text);
    const got = new Set(result.findings.map((f) => f.category));
    if (same(got)) exact.fused++;
    else misses.push(`${row.id}: labels want [${[...want]}] got [${[...got]}]`);
    const gotTips = new Set(result.tips.map((t) => t.id));
    for (const id of TIP_IDS) {
      const g = gotTips.has(id), w = row.tips.includes(id);
      if (g && w) tipTp.set(id, (tipTp.get(id) ?? 0) + 1);
      else if (g) { tipFp.set(id, (tipFp.get(id) ?? 0) + 1); misses.push(`${row.id}: extra tip ${id}`); }
      else if (w) { tipFn.set(id, (tipFn.get(id) ?? 0) + 1); misses.push(`${row.id}: missing tip ${id}`); }
    }
  }
  const share = exact.fused / rows.length;
  console.log(`\nWhole replies (replies.jsonl): ${rows.length}; category sets exactly right: rules alone ${exact.rules}/${rows.length}, rules + model ${exact.fused}/${rows.length} = ${(share * 100).toFixed(0)}% (target ≥ 90%)`);
  console.log('tip          precision  recall');
  for (const id of TIP_IDS) {
    const t = tipTp.get(id) ?? 0, p = tipFp.get(id) ?? 0, n = tipFn.get(id) ?? 0;
    console.log(`${id.padEnd(11)}  ${pct(t / (t + p)).padStart(9)}  ${pct(t / (t + n)).padStart(6)}`);
  }
  if (showMisses) console.log(`\n${misses.join('\n')}`);
  return share;
}

/** A deterministic sample: every k-th flagged reply, so the same 30 come back each run. */
function sample<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

export function evalRealReplies(root: string, showAll: boolean): void {
  const dataDir = join(root, '../shared/data');
  // The IBM file's dev rows were labeled for training, so only its test rows are scored here.
  const sources: Array<{ file: string; filter?: (row: Record<string, string>) => boolean; note: string }> = [
    { file: 'twcs_small_agent_replies.csv', note: 'CC BY-NC-SA, evaluation only' },
    { file: 'ibm_cdp_agent_utterances.csv', filter: (r) => r.split === 'test', note: 'test split; the dev split is training data' },
  ];
  for (const { file, filter, note } of sources) {
    const path = join(dataDir, file);
    if (!existsSync(path)) {
      console.log(`\n(${file} not found beside the repository; skipped)`);
      continue;
    }
    const texts = readCsvColumn(path, 'agent_text', filter);
    for (const [label, options] of [['rules alone', { learned: false }], ['rules + model', {}]] as const) {
      const flagged: string[] = [];
      const perCategory = new Map<Category, number>();
      for (const text of texts) {
        const findings = analyze(text, { ...options, tips: false }).findings;
        if (!findings.length) continue;
        flagged.push(`${text.replace(/\s+/g, ' ').slice(0, 160)}\n      → ${findings.map((f) => `[${f.ruleId}] “${f.text}”`).join(' ')}`);
        for (const c of new Set(findings.map((f) => f.category))) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
      }
      console.log(`\nReal replies, ${file} (${note}), ${label}: ${flagged.length}/${texts.length} flagged (${((flagged.length / texts.length) * 100).toFixed(1)}%)`);
      console.log(`  by category: ${[...perCategory].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
      if (label === 'rules + model') for (const line of showAll ? flagged : sample(flagged, 30)) console.log(`  ${line}`);
    }
  }
}
