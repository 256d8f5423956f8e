/**
 * `npm run train`: fits the learned model from the repository's training data and
 * writes src/model/learned-model.json. `--check` fits again and fails if the result
 * differs from the committed file, so what ships is what the data and this script make.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, SENSITIVITIES } from '../../engine/types';
import { loadTrainingSet } from './data';
import { compare } from './compare';
import { fit } from './fit';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const out = join(root, 'src/model/learned-model.json');
const check = process.argv.includes('--check');

const started = Date.now();
const set = loadTrainingSet(root);
console.log(`training data: ${set.rows.length} sentences from ${set.files.length} files`);
console.log(`  dropped: ${set.dropped.duplicates} duplicates, ${set.dropped.conflicting} with conflicting labels, ${set.dropped.inTestSet} also in test.jsonl`);
if (process.argv.includes('--compare')) {
  compare(set);
  process.exit(0);
}
const { model, report } = fit(set);
const json = `${JSON.stringify(model, null, 1)}\n`;

console.log('\nthresholds (probability) chosen on 5-fold out-of-fold scores, fused with the rules:');
console.log('category            low     normal  high    | normal: precision recall (out of fold)');
for (const c of CATEGORIES) {
  const t = SENSITIVITIES.map((s) => model.thresholds[c][s].toFixed(3).padEnd(7)).join(' ');
  const n = report.choices[c].normal;
  console.log(`${c.padEnd(18)}  ${t} | ${n.precision.toFixed(3)}     ${n.recall.toFixed(3)}`);
}
console.log(`\nmodel file: ${(json.length / 1024).toFixed(0)} KB, ${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped; ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (check) {
  const committed = readFileSync(out, 'utf8');
  if (committed !== json) {
    console.error('\nsrc/model/learned-model.json differs from what `npm run train` makes from the repository\'s data: run `npm run train` and commit the result.');
    process.exit(1);
  }
  console.log('\ncheck: the committed model is the one the training data and script produce.');
} else {
  writeFileSync(out, json);
  console.log(`wrote ${out}`);
}
