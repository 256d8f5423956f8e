/** What the shipped model is, for `npm run eval`: training data, settings, size, speed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { learnedModel } from '../engine/learned';
import { scoreSentence } from '../model/score';
import { readJsonl, type LabeledSentence } from './corpus';

export function evalModelInfo(root: string): void {
  const raw = readFileSync(join(root, 'src/model/learned-model.json'));
  const model = learnedModel();
  const { trainedOn, features } = model.file;
  const sentences = trainedOn.files.reduce((n, f) => n + f.sentences, 0);
  console.log(`Learned model: linear, hashed word 1–${features.wordNgrams}-grams${features.charNgrams.length ? ` + char ${features.charNgrams.join('/')}-grams` : ''}${features.signals ? ' + rule signals' : ''}, ${features.buckets} buckets; ${(raw.length / 1024).toFixed(0)} KB (${(gzipSync(raw).length / 1024).toFixed(0)} KB gzipped)`);
  console.log(`  trained on ${sentences} labeled sentences in ${trainedOn.files.length} files (seed ${trainedOn.seed}, ${trainedOn.epochs} epochs)`);
  const texts = readJsonl<LabeledSentence>(join(root, 'test/corpus/test.jsonl')).map((r) => r.text);
  for (const t of texts) scoreSentence(model, t); // warm
  const started = performance.now();
  const rounds = 20;
  for (let i = 0; i < rounds; i++) for (const t of texts) scoreSentence(model, t);
  console.log(`  scoring: ${(((performance.now() - started) / (rounds * texts.length)) * 1000).toFixed(1)} µs per sentence`);
}
