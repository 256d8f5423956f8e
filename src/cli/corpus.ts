/** Loads the labeled corpus and the real-reply CSVs used by `npm run eval`. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Category, TipId } from '../engine/types';

export interface LabeledSentence {
  text: string;
  labels: Category[];
}
export interface LabeledReply {
  id: string;
  text: string;
  labels: Category[];
  tips: TipId[];
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch (error) {
        throw new Error(`${path}:${i + 1}: not valid JSON (${(error as Error).message})`);
      }
    });
}

export function readCsvColumn(path: string, column: string, filter?: (row: Record<string, string>) => boolean): string[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.filter((row) => !filter || filter(row)).map((row) => row[column] ?? '').filter((t) => t.trim());
}
