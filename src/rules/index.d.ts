/** The built-in rule pack, assembled from one data file per category. */
import type { RulePack, RuleSpec } from '../engine/types';
export declare const builtinRules: RuleSpec[];
export declare const builtinPack: RulePack;
