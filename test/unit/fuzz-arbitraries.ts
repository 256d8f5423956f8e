// Generators shared by the fuzz tests: replies made of real support phrases spliced into
// noise (random Unicode, lone surrogates, odd line breaks, wrappers, abbreviations), edit
// sequences, and hostile rule packs.
import fc from 'fast-check';
import { builtinRules, type RulePack, type RuleSpec } from '../../src/engine/index';

/** FUZZ_RUNS=50000 for a long run; the default keeps `npm test` well under a minute. */
export const LONG = Number(process.env.FUZZ_RUNS ?? 0) || 0;
export const runs = (quick: number) => (LONG ? Math.max(LONG, quick) : quick);
/** A test's time limit: the default runs finish in seconds; a long run gets time in proportion. */
export const timeout = (quick: number) => Math.max(30_000, (runs(quick) / quick) * 30_000);
/** Fixed unless FUZZ_SEED is set, so a failure in CI reproduces exactly. */
export const SEED = Number(process.env.FUZZ_SEED ?? 11);

const phrases = [...new Set(builtinRules.flatMap((r) => [...r.examples.flags, ...r.examples.allows]))];

const SEPARATORS = [
  ' ', '. ', '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\n\n', '> ', '\n> ', '( ', ') ', '" ', '\u201C', '\u201D',
  '— ', '« ', ' »', '*', '_', '<b>', '</b>', ' 🙏 ', '❤️', '👍🏽', '👩‍💻', '😀', '…', '?!', ' no. ', ' etc. ', ' 3 pm. ', ' Dec. ',
  'No. 5 ', ' e.g. ', 'Thanks!\n', 'Best,\n', '-- \n', 'On Mon, Sam wrote:\n', '\t', '\u00A0', '\u200B', '\uFEFF',
  ' constructor ', ' __proto__ ', ' toString ', "'s ", "n't ", '1.5 ', 'https://x.io/a.b ', '\uD83D', '\uDE00',
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const noise = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: codeUnit, maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('.', '!', '?', ' ', '\n', '\r', '"', "'", '(', ')', '-', '…', '*', '>'), maxLength: 12 }),
);
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...phrases) },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 2, arbitrary: noise },
  { weight: 1, arbitrary: fc.constantFrom(...phrases).map((p) => p.toUpperCase()) },
);

/** A reply: real phrases, separators and noise, up to a few KB. */
export const reply = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

/** One edit of a text: insert, delete or replace at a relative position. */
export const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constant(''), piece),
});
export type Edit = { at: number; remove: number; insert: string };
export function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

/** A short unit repeated to fill an input: where quadratic behaviour shows. */
export const repeatUnit = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...SEPARATORS), noise), { minLength: 1, maxLength: 4 }).map((p) => p.join('')),
  fc.constantFrom(...phrases).map((p) => `${p}\n`),
).filter((u) => u.length > 0);

// ——— hostile packs ———

export const MEMBER_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'length'];
const name = fc.oneof(fc.constantFrom(...MEMBER_NAMES, 'team', 'what', 'x'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }));

const patternPiece = fc.oneof(
  fc.constantFrom('per our policy', 'not my', 'sorry', '#Noun', '#Verb', '.{0,3}', '(a|b)', 'the', 'you', '!you', 'will?', '(policy|terms)'),
  name.map((n) => `[<${n}>policy]`),
  name.map((n) => `[<${n}>#Noun]`),
  fc.constantFrom('/^(a+)+$/', '/^((a+))+$/', '!/^(a+)+$/', '/^(a+)+$/{1,2}', '[<g>/^(a+)+$/]', '/^(a|a)*$/', '/^\\w*\\w*\\w*x$/', '/^colou?r$/', '/polic(y|ies)/'),
  fc.constantFrom('(unclosed', 'sorry (((', ')', '[', ']', '{', '}', '<', '>', '~', '@', '%', '^', '$', '\\', '/'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
);
const pattern = fc.array(patternPiece, { minLength: 1, maxLength: 5 }).map((p) => p.join(' '));
const template = fc.array(fc.oneof(name.map((n) => `{${n}}`), name.map((n) => `{${n}|x}`), fc.constantFrom('here is what I can do', '[time]', '{match}', '{', '}')), { maxLength: 4 }).map((p) => p.join(' '));

const hostileRule = fc.record({
  id: fc.oneof(fc.constantFrom('per-our-policy', 'constructor', 'prototype', '__proto__', 'not-my-department', 'as-i-said'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 })),
  category: fc.constantFrom('blame-shifting', 'defensive', 'lecturing', 'non-apology', 'vague-commitment'),
  severity: fc.constantFrom('info', 'warning', 'error'),
  message: fc.constant('Say what you can do.'),
  patterns: fc.array(pattern, { minLength: 1, maxLength: 3 }),
  exceptions: fc.option(fc.array(pattern, { maxLength: 2 }), { nil: undefined }),
  suggestions: fc.array(fc.record({ template }), { maxLength: 3 }),
  examples: fc.record({
    flags: fc.array(fc.constantFrom('Per our policy, no.', 'It is closed per our policy.', "That's not my department.", 'Sorry.'), { minLength: 2, maxLength: 3 }),
    allows: fc.array(fc.constantFrom('Our policy helps.', 'Per your request.', 'Thanks.'), { minLength: 2, maxLength: 3 }),
  }),
}) as fc.Arbitrary<RuleSpec>;

/** Packs, as parsed JSON: override keys and ids include object member names. */
export const hostilePack = fc
  .record({
    rules: fc.array(hostileRule, { maxLength: 3 }),
    overrideKeys: fc.array(fc.oneof(fc.constantFrom(...MEMBER_NAMES, 'as-i-said', 'nope'), name), { maxLength: 3 }),
  })
  .map(({ rules, overrideKeys }): unknown => {
    // Built through JSON, as a pack read from a file is: "__proto__" is then an own key.
    const overrides = `{${overrideKeys.map((k) => `${JSON.stringify(k)}: {"enabled": false}`).join(',')}}`;
    return JSON.parse(`{"schemaVersion": 1, "name": "Team", "version": "1", "rules": ${JSON.stringify(rules)}, "overrides": ${overrides}}`) as RulePack;
  });
