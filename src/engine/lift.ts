/**
 * A defence or a lecture said in a clause of its own, lifted out of the sentence while
 * the clauses that say what happened stay as the agent typed them: "There's no need to
 * shout, Mr Patel; I'm trying to find your booking." → "I understand, Mr Patel — I'm
 * trying to find your booking." Which clauses carry the problem is the engine's own
 * judgement on each clause alone (rules and learned checks), not a word list.
 */
import { splitClauses } from './clauses';
import { capitalise } from './edits';
import type { Category } from './types';

/** Where a sentence breaks into clauses: punctuation, a dash, or a linking word. */
// "so" only where a clause follows it ("so I can check…"), not "so many".
const BREAK = /\s*[,;:]\s+|\s+[—–-]\s+|\s+(?=(?:so (?:i|we|you|it|that|this|the|there|they|he|she|your|our)|because|since|hence|which is why|that's why|that is why|and (?:i|we)|but (?:i|we))\b)/giu;
/** A clause that only names someone ("Mr Patel", "Sarah"). */
export const NAME_ONLY = /^(?:(?:mr|mrs|ms|miss|dr|mx)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?$/u;
const NOT_A_NAME = /^(?:again|look|well|so|sorry|ok|okay|yes|no|thanks|please|hi|hello|hey|listen|sadly|unfortunately|honestly|frankly|anyway|still|also|now|then|however|besides|plus|again)$/iu;
const LINK = /^(?:so|because|since|hence|which is why|that's why|that is why|and|but)\s+/iu;
const COMMON = /^(?:the|our|your|a|an|this|that|these|those|it|they|there|my|his|her|their|its|you|we)\b/iu;

/** The offer that replaces a lifted clause at the end, or follows a lecture or argument with its edge gone, by category (none: only an opening frame is lifted). */
export const OFFER: Partial<Record<Category, string>> = {
  defensive: 'I want to get this right for you',
  lecturing: 'I’m happy to help with anything that isn’t clear',
};
/** What replaces a lifted opening frame: understanding, or for an apology about feelings, one about what happened. */
const OPENING: Partial<Record<Category, string>> = {
  defensive: 'I understand',
  lecturing: 'I understand',
  'non-apology': 'I’m sorry about that',
};

/**
 * Words a lifted clause may consist of: the frame itself (tone, repetition, effort, fairness,
 * what the customer should have done). A clause with any other word in it, or a number, says
 * something the customer needs to keep ("It's a minor cosmetic mark", "we have 50 tickets").
 */
const FRAME = new Set(
  ('there need shout shouting calm down tone language rude rudeness capital capitals letters caps exclamation marks abuse abusive ' +
    'swearing patience patient really hardly kept dark exception world deal honestly frankly doing best here trying help helping fair unfair ' +
    'clear clearly already said told explained mentioned stated again times point just simply only think know sure understand accept ' +
    'obviously course expected supposed meant should would could have read check checked looked look bothered properly first place next ' +
    'time future reference reminder remind everyone anyone nobody else everybody common sense simple easy rocket science this that these ' +
    'those with what when their very much quite rather little need needed call such kind comments comment like personal attacks threats ' +
    'threatening argue arguing going keep keeping messages message repeating necessary helpful appreciate attitude words ' +
    'done wrong nothing anything something whatever actually literally basically seriously truly certainly definitely again twice ' +
    'please stop using everything everyone everyone\'s person people human remember obvious pretty enough great ' +
    // An apology about feelings ("Sorry this has upset you", "Apologies for any confusion").
    'sorry apologies apologise apologize upset annoyed frustrated frustration disappointed disappointment confusion confused ' +
    'inconvenience feel feels felt seem seems seemed perceived impression unhappy happy enjoy expected expectations hoping hoped ' +
    'caused cause trouble offended offence offense situation misunderstanding experience').split(' '),
);
/** Nothing but frame words, and no number ("It's a £1.20 admin fee" is a fact, "to be fair to the team" names one). */
const onlyFrame = (clause: string) =>
  !/\p{N}/u.test(clause) && (clause.toLowerCase().replace(/[’']/g, "'").match(/\p{L}+(?:'\p{L}+)?/gu) ?? []).map((w) => w.replace(/'(?:s|re|ve|ll|d|m)$|n't$/u, '')).every((w) => w.length <= 3 || FRAME.has(w));
/** What is left must be a clause of its own, not a phrase that leaned on the lifted one ("Including no guests after 11pm"). */
const FRAGMENT = /^(?:including|even|especially|except|with|without|for|from|during|after|before|since|as|in|on|at|by|to|of|which|who|whose|well|though|although)\b/iu;

/** "The engineer…" → "the engineer…" when it no longer opens the sentence; names and "I" keep their capital. */
const lowerFirst = (s: string) => s.replace(COMMON, (w) => w.toLowerCase());

/**
 * Candidates with the problem clauses lifted out, lightest first. `flags(clause, category)`
 * says whether a clause on its own has that category's problem (any category's, without one). Frames must sit at one
 * edge of the sentence (a frame between two facts is left to the other repairs).
 */
export function liftFrames(sentence: string, category: Category, flags: (clause: string, only?: Category) => boolean): string[] {
  const opening = OPENING[category];
  if (!opening) return [];
  const offer = OFFER[category];
  const { lead, end, pieces: clauses } = splitClauses(sentence, BREAK);
  if (clauses.length < 2 || clauses.length > 6) return [];
  // A clause with another kind of problem, or with facts of its own, is neither kept nor lifted: no candidate.
  const kinds = clauses.map((c) => {
    if (NAME_ONLY.test(c.text.trim()) && !NOT_A_NAME.test(c.text.trim()) && !FRAME.has(c.text.trim().toLowerCase())) return 'name';
    const text = capitalise(c.text.replace(LINK, ''));
    if (flags(text, category)) return onlyFrame(text) ? 'frame' : 'mixed';
    return flags(text) ? 'mixed' : 'fact';
  });
  if (kinds.includes('mixed')) return [];
  const first = kinds.indexOf('fact');
  const last = kinds.lastIndexOf('fact');
  if (first < 0 || kinds.slice(first, last + 1).includes('frame')) return [];
  const leading = kinds.slice(0, first).includes('frame');
  const trailing = kinds.slice(last + 1).includes('frame');
  if (leading === trailing || (trailing && !offer)) return [];
  const name = clauses.find((c, i) => kinds[i] === 'name' && (i < first || i > last))?.text.trim();
  const facts = clauses
    .slice(first, last + 1)
    .map((c, i) => (i ? c.sep + c.text : c.text.replace(LINK, '')))
    .join('')
    .replace(/[\s,;:—–-]+$/u, '');
  if ((facts.match(/[\p{L}\p{N}]+/gu) ?? []).length < 3 || (leading && FRAGMENT.test(facts.trim()))) return [];
  const close = end.trim() ? end.trim().replace(/^[.!?…]+/u, (p) => (p.includes('?') ? '.' : p)) : '';
  if (leading) {
    const replaced = `${lead}${opening}${name ? `, ${name}` : ''} — ${lowerFirst(facts)}${end}`;
    // An apology lifted out is replaced, never just dropped: the customer still gets one.
    if (category === 'non-apology') return [replaced];
    return [`${lead}${name ? `${name}, ${lowerFirst(facts)}` : capitalise(facts)}${end}`, replaced];
  }
  return [`${lead}${capitalise(facts)}${name ? `, ${name}` : ''}${end}`, `${lead}${capitalise(facts)}; ${offer}${name ? `, ${name}` : ''}${close}`];
}
