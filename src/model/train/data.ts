/**
 * The training data: every labeled sentence file in the repository except the test
 * set. `test/corpus/test.jsonl` is only read to drop exact duplicates of its
 * sentences from training (decontamination), never to fit or tune anything.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../../engine/types';

export interface TrainingRow {
  text: string;
  labels: Category[];
  /** Which file it came from (for per-source figures). */
  file: string;
}

export interface TrainingSet {
  rows: TrainingRow[];
  files: Array<{ path: string; sha256: string; sentences: number }>;
  /** Sentences dropped because the test set has them too, and label conflicts resolved by dropping. */
  dropped: { inTestSet: number; conflicting: number; duplicates: number };
}

/** The development sets the rules were written against, then the files written for training. */
const CORPUS_FILES = ['sentences.jsonl', 'holdout.jsonl', 'dev2.jsonl', 'dev3.jsonl', 'dev4.jsonl'];
export const TEST_FILE = 'test/corpus/test.jsonl';

export function trainingFiles(root: string): string[] {
  const train = readdirSync(join(root, 'test/corpus/train'))
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => `test/corpus/train/${f}`);
  return [...CORPUS_FILES.map((f) => `test/corpus/${f}`), ...train];
}

const key = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();

function parseLine(line: string, where: string): { text: string; labels: Category[] } {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
  }
  const row = o as { text?: unknown; labels?: unknown };
  if (typeof row.text !== 'string' || !Array.isArray(row.labels)) throw new Error(`${where}: needs "text" and "labels"`);
  for (const l of row.labels) {
    if (!CATEGORIES.includes(l as Category)) throw new Error(`${where}: unknown label ${JSON.stringify(l)}`);
  }
  return { text: row.text, labels: [...new Set(row.labels as Category[])].sort() };
}

export function loadTrainingSet(root: string): TrainingSet {
  const test = new Set(
    readFileSync(join(root, TEST_FILE), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => key((JSON.parse(l) as { text: string }).text)),
  );
  const byKey = new Map<string, TrainingRow | null>();
  const files: TrainingSet['files'] = [];
  const dropped = { inTestSet: 0, conflicting: 0, duplicates: 0 };
  for (const path of trainingFiles(root)) {
    const raw = readFileSync(join(root, path));
    const lines = raw.toString('utf8').replace(/^\uFEFF/, '').split('\n');
    let sentences = 0;
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const row = parseLine(line, `${path}:${i + 1}`);
      sentences++;
      const k = key(row.text);
      if (test.has(k)) {
        dropped.inTestSet++;
        return;
      }
      const seen = byKey.get(k);
      if (seen === undefined) byKey.set(k, { ...row, file: path });
      else if (seen === null) dropped.duplicates++;
      else if (seen.labels.join() !== row.labels.join()) {
        byKey.set(k, null); // two files disagree: neither label is trusted
        dropped.conflicting++;
      } else dropped.duplicates++;
    });
    files.push({ path, sha256: createHash('sha256').update(raw).digest('hex'), sentences });
  }
  const rows = [...byKey.values()].filter((r): r is TrainingRow => r !== null);
  return { rows, files, dropped };
}
