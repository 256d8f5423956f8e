/** The built-in rule pack, assembled from one data file per category. */
import type { RulePack, RuleSpec } from '../engine/types';
import blame from './blame-shifting.json';
import defensive from './defensive.json';
import lecturing from './lecturing.json';
import nonApology from './non-apology.json';
import vague from './vague-commitment.json';

export const builtinRules: RuleSpec[] = [
  ...(blame as RuleSpec[]),
  ...(defensive as RuleSpec[]),
  ...(lecturing as RuleSpec[]),
  ...(nonApology as RuleSpec[]),
  ...(vague as RuleSpec[]),
];

export const builtinPack: RulePack = {
  schemaVersion: 1,
  name: 'Tactful built-in rules',
  version: '1.0.0',
  rules: builtinRules,
};
