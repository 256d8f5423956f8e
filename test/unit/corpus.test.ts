import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl, type LabeledSentence } from '../../src/cli/corpus';
import { scoreSentences } from '../../src/cli/score';
import { CATEGORIES } from '../../src/engine/types';

describe('development sets (written apart from the rules, used to generalise them)', () => {
  for (const file of ['holdout.jsonl', 'dev2.jsonl', 'dev3.jsonl', 'dev4.jsonl']) {
    it(`${file}: precision stays ≥ 0.92 per category and false alarms ≤ 3%`, () => {
      const scores = scoreSentences(readJsonl<LabeledSentence>(join(__dirname, '../corpus', file)));
      for (const c of CATEGORIES) expect(scores.perCategory[c].precision, `${c} precision`).toBeGreaterThanOrEqual(0.92);
      expect(scores.falseAlarms / scores.clean).toBeLessThanOrEqual(0.03);
    }, 60_000);
  }
});

describe('labeled corpus', () => {
  const rows = readJsonl<LabeledSentence>(join(__dirname, '../corpus/sentences.jsonl'));

  it('has at least 500 sentences covering every category and many clean ones', () => {
    expect(rows.length).toBeGreaterThanOrEqual(500);
    for (const c of CATEGORIES) expect(rows.filter((r) => r.labels.includes(c)).length, c).toBeGreaterThanOrEqual(50);
    expect(rows.filter((r) => r.labels.length === 0).length).toBeGreaterThanOrEqual(150);
  });

  it('meets the targets: precision ≥ 0.92 and recall ≥ 0.85 per category, false alarms ≤ 3%', () => {
    const scores = scoreSentences(rows);
    for (const c of CATEGORIES) {
      const { precision, recall } = scores.perCategory[c];
      expect(precision, `${c} precision`).toBeGreaterThanOrEqual(0.92);
      expect(recall, `${c} recall`).toBeGreaterThanOrEqual(0.85);
    }
    expect(scores.falseAlarms / scores.clean).toBeLessThanOrEqual(0.03);
  }, 60_000);
});
