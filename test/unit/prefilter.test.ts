import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/engine/index';
import { compilePattern } from '../../src/engine/compile';
import { foldTypography } from '../../src/engine/normalize';
import { tag, tokenize } from '../../src/engine/nlp';

// The matcher skips the tagger when a loosened pattern fails on the untagged text. That is only
// safe if the loosened pattern matches wherever the real one does: checked here on the corpus.
describe('loosened patterns', () => {
  it('match every corpus sentence the real pattern matches', () => {
    const sentences = readFileSync(join(__dirname, '../corpus/sentences.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => foldTypography((JSON.parse(l) as { text: string }).text))
      .filter((t) => !/'[sd]\b/i.test(t)); // those are always tagged, loosened or not
    const patterns = builtinRules.flatMap((r) => [...r.patterns, ...(r.exceptions ?? [])]).map(compilePattern).filter((p) => p.loose);
    expect(patterns.length).toBeGreaterThan(0);
    const missed: string[] = [];
    for (const text of sentences) {
      const tagged = tag(text);
      const plain = tokenize(text);
      for (const p of patterns) {
        const strict = p.variants.some((v) => tagged.has(v as never));
        const loose = p.loose!.some((v) => plain.has(v as never));
        if (strict && !loose) missed.push(`${p.source} ⟂ ${text}`);
      }
    }
    expect(missed).toEqual([]);
  });
});
