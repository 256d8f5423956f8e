import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/engine/index';
import { learnedModel } from '../../src/engine/learned';
import { CATEGORIES, type RulePack } from '../../src/engine/types';
import { decodeModel, encodeTable, fromBase64, toBase64 } from '../../src/model/model-file';
import { trainingFiles } from '../../src/model/train/data';

const root = join(__dirname, '../..');
const learnedIds = (text: string, options = {}) => analyze(text, { tips: false, ...options }).findings.filter((f) => f.ruleId.startsWith('model/'));
/** Sentences no rule catches (checked below), in words the rules were never written for. */
const UNRULED = {
  'blame-shifting': 'The warehouse team packed it, so any dents happened on their watch.',
  defensive: 'Frankly we have had this exact conversation three times now.',
};

const pack = (overrides: RulePack['overrides']): RulePack => ({ schemaVersion: 1, name: 'Team', version: '1', rules: [], overrides });

describe('the shipped model file', () => {
  const model = learnedModel();

  it('records exactly the training files in the repository, with their hashes, and never the test set', () => {
    const files = model.file.trainedOn.files;
    expect(files.map((f) => f.path)).toEqual(trainingFiles(root));
    expect(files.map((f) => f.path)).not.toContain('test/corpus/test.jsonl');
    for (const f of files) expect(createHash('sha256').update(readFileSync(join(root, f.path))).digest('hex'), f.path).toBe(f.sha256);
    expect(model.file.trainedOn.seed).toBeTypeOf('number');
  });

  it('has thresholds that get stricter from high to normal to low sensitivity, in every category', () => {
    for (const c of CATEGORIES) {
      const t = model.file.thresholds[c];
      expect(t.high, c).toBeLessThanOrEqual(t.normal);
      expect(t.normal, c).toBeLessThanOrEqual(t.low);
    }
  });

  it('round-trips its compact encoding', () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    const table = new Int8Array(5 * 300);
    table[5 * 7 + 2] = -128;
    table[5 * 299 + 4] = 127;
    table[5 * 130] = 3;
    const file = { ...model.file, features: { ...model.file.features, buckets: 300 }, ...encodeTable(table, 5) };
    expect(decodeModel(file).table).toEqual(table);
  });
});

describe('learned checks in the engine', () => {
  it('catch sentences no rule was written for, as model/<category> findings with the contract fields', () => {
    for (const [category, text] of Object.entries(UNRULED)) {
      expect(analyze(text, { tips: false, learned: false }).findings, `no rule fires on: ${text}`).toEqual([]);
      const found = analyze(text, { tips: false }).findings;
      expect(found.map((f) => f.ruleId), text).toEqual([`model/${category}`]);
      const f = found[0]!;
      expect(f.text).toBe(text.slice(f.start, f.end));
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.why!.words.length).toBeGreaterThan(0);
      expect(f.why!.probability).toBeGreaterThan(0.5);
    }
  });

  it('stay quiet on fragments, numbers and owned, timed replies', () => {
    for (const text of ['Tha', 'Shaun 2/2', '#88213 £40', "I'm sorry we sent the wrong size; the right one arrives Friday.", "I'll call you by 4 pm tomorrow with the tracking number."]) {
      expect(learnedIds(text), text).toEqual([]);
    }
  });

  it('never call a bare apology a non-apology: it hedges nothing, so a rewrite may lead with one', () => {
    for (const text of ['I’m sorry.', 'I am so sorry about that!', 'My apologies.', 'Sorry about the mix-up, Dave.']) {
      expect(analyze(text, { tips: false }).findings.filter((f) => f.category === 'non-apology'), text).toEqual([]);
    }
    // A hedge or a feeling is still one.
    expect(analyze('Sorry if that came across wrong.', { tips: false }).findings.map((f) => f.category)).toContain('non-apology');
  });

  it('can be turned off per check, by the agent or by a pack, unless a pack locks it', () => {
    const text = UNRULED.defensive;
    expect(learnedIds(text, { disabledRules: ['model/defensive'] })).toEqual([]);
    expect(learnedIds(text, { learned: false })).toEqual([]);
    expect(learnedIds(text, { packs: [pack({ 'model/defensive': { enabled: false } })] })).toEqual([]);
    expect(learnedIds(text, { packs: [pack({ 'model/defensive': { locked: true } })], disabledRules: ['model/defensive'] }).map((f) => f.ruleId)).toEqual(['model/defensive']);
    expect(learnedIds(text, { packs: [pack({ 'model/defensive': { severity: 'error' } })] })[0]!.severity).toBe('error');
  });

  it('flag no more at low sensitivity and no less at high than at normal, and the levels differ', () => {
    const rows = ['test/corpus/dev4.jsonl', 'test/corpus/train/ibm-dev.jsonl'].flatMap((f) =>
      readFileSync(join(root, f), 'utf8').split('\n').filter(Boolean).slice(0, 120).map((l) => (JSON.parse(l) as { text: string }).text),
    );
    const at = (sensitivity: 'low' | 'normal' | 'high') => {
      const overrides = Object.fromEntries(CATEGORIES.map((c) => [`model/${c}`, { sensitivity }]));
      return rows.map((t) => learnedIds(t, { packs: [pack(overrides)] }).length);
    };
    const [low, normal, high] = [at('low'), at('normal'), at('high')];
    rows.forEach((t, i) => {
      expect(low[i], t).toBeLessThanOrEqual(normal[i]!);
      expect(normal[i], t).toBeLessThanOrEqual(high[i]!);
    });
    expect(high.reduce((a, b) => a + b, 0)).toBeGreaterThan(low.reduce((a, b) => a + b, 0));
  }, 60_000);

  it('give the same findings through createAnalyzer while typing as a fresh analyze', () => {
    const analyzer = createAnalyzer({ tips: false });
    const reply = `Hi Jo. ${UNRULED['blame-shifting']} ${UNRULED.defensive}`;
    for (let i = 1; i <= reply.length; i += 7) {
      const text = reply.slice(0, i);
      expect(analyzer.analyze(text).findings, text).toEqual(analyze(text, { tips: false }).findings);
    }
  });
});
