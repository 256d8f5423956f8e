/**
 * `npm run eval`: how good the judgement is, on sets kept apart from what is tuned.
 * - test.jsonl: written after the rules by someone who never saw them; never used to
 *   train or tune the model (the honest number);
 * - 5-fold cross-validation on the training data (same fit as `npm run train`);
 * - whole replies, and the share of real agent replies (../shared/data) that get flagged.
 * `--misses` lists every wrong call; `--no-cv` skips the cross-validation (it refits the model);
 * `--rewrites dev` prints only the rewrite figures on dev.facts.jsonl (the set rewrites are tuned on).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl, type LabeledSentence } from './corpus';
import { evalAgreement } from './eval-agreement';
import { evalCrossValidation } from './eval-cv';
import { evalRealReplies, evalReplies } from './eval-replies';
import { evalRewrites } from './eval-rewrites';
import { evalModelInfo } from './eval-model';
import { printComparison } from './eval-sentences';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const showMisses = args.has('--misses');
const TARGETS = { precision: 0.95, recall: 0.85, falseAlarms: 0.02 };

const argv = process.argv.slice(2);
const rewritesOnly = argv.includes('--rewrites') ? argv[argv.indexOf('--rewrites') + 1] : undefined;
if (rewritesOnly) {
  evalRewrites(root, showMisses, `${rewritesOnly}.facts.jsonl`);
  process.exit(0);
}

evalModelInfo(root);
console.log('');
const testOk = printComparison(
  'Test set (test.jsonl: written after the rules by someone who never saw them; never used for training or tuning)',
  readJsonl<LabeledSentence>(join(root, 'test/corpus/test.jsonl')),
  TARGETS,
  showMisses,
);
if (!args.has('--no-cv')) {
  console.log('');
  evalCrossValidation(root, TARGETS);
}
evalAgreement(root);
evalReplies(root, showMisses);
evalRewrites(root, showMisses);
if (existsSync(join(root, '../shared/data'))) evalRealReplies(root, showMisses);
if (args.has('--strict') && !testOk) process.exitCode = 1;
