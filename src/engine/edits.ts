/**
 * Construction edits of the agent's own sentence, as data (src/rules/edits/<category>.json): each
 * finds a harmful frame or clause ("As I already said,", "so you'll need to take it up
 * with them", "for any inconvenience") and replaces only that, so every other word,
 * and with it every fact, stays the agent's. Matching runs on the folded sentence
 * (same length as the original); the agent's own characters are spliced back in.
 */
import nlp from 'compromise/two';
import blame from '../rules/edits/blame-shifting.json';
import defensive from '../rules/edits/defensive.json';
import lecturing from '../rules/edits/lecturing.json';
import nonApology from '../rules/edits/non-apology.json';
import vague from '../rules/edits/vague-commitment.json';
import { perAnalysis } from './memo';
import { foldTypography } from './normalize';
import type { Category, EditSpec } from './types';

export type { EditSpec };

export interface CompiledEdit {
  spec: EditSpec;
  re: RegExp;
}

/** In order within a category: a chain applies them one after another. */
export const EDIT_SPECS = [...blame, ...defensive, ...lecturing, ...nonApology, ...vague] as EditSpec[];

export function compileEdits(specs: readonly EditSpec[]): CompiledEdit[] {
  return specs.map((spec) => ({ spec, re: new RegExp(spec.find, 'diu') }));
}

let compiled: Map<Category, CompiledEdit[]> | null = null;
function editsOf(category: Category): CompiledEdit[] {
  if (!compiled) {
    compiled = new Map();
    for (const spec of EDIT_SPECS) {
      const list = compiled.get(spec.category) ?? compiled.set(spec.category, []).get(spec.category)!;
      list.push({ spec, re: new RegExp(spec.find, 'diu') });
    }
  }
  return compiled.get(category) ?? [];
}

const world = nlp.world() as unknown as {
  methods: {
    two: {
      transform: {
        verb: {
          toInfinitive: (w: string, model: unknown, tense: string) => string;
          conjugate: (w: string, model: unknown) => { PastTense?: string; Participle?: string };
        };
      };
    };
  };
  model: unknown;
};
/** Participles compromise's past-tense inflector leaves as they are. */
const PARTICIPLES: Record<string, string> = {
  taken: 'take', given: 'give', written: 'write', seen: 'see', done: 'do', gone: 'go', chosen: 'choose',
  forgotten: 'forget', spoken: 'speak', driven: 'drive', eaten: 'eat', known: 'know', shown: 'show',
  been: 'be', had: 'have', made: 'make', worn: 'wear', torn: 'tear', broken: 'break', thrown: 'throw', flown: 'fly',
  hidden: 'hide', ridden: 'ride', bitten: 'bite', fallen: 'fall', stolen: 'steal', frozen: 'freeze', woken: 'wake',
  grown: 'grow', drawn: 'draw', blown: 'blow', sworn: 'swear', mistaken: 'mistake', overlooked: 'overlook',
};

const OBJECT: Record<string, string> = { he: 'him', she: 'her', they: 'them', their: 'them', his: 'him', her: 'her', we: 'us', i: 'me' };

export function baseForm(verb: string): string {
  const lower = verb.toLowerCase();
  if (PARTICIPLES[lower]) return PARTICIPLES[lower]!;
  const out = world.methods.two.transform.verb.toInfinitive(lower, world.model, 'PastTense');
  return out || lower;
}

/** "redeliver" → "redelivers" (a named party's promise, owned: "I'll make sure the courier redelivers it"). */
/** A verb's base form whether it came inflected or not ("tell" stays "tell"; "told" is "tell"). */
function lemma(verb: string): string {
  const lower = verb.toLowerCase();
  if (PARTICIPLES[lower]) return PARTICIPLES[lower]!;
  const base = baseForm(lower);
  if (base === lower) return lower;
  // Inflected only if the base form's own past or participle is the word ("told" ← "tell", not "tell" ← "tall").
  const forms = world.methods.two.transform.verb.conjugate(base, world.model);
  return forms.PastTense === lower || forms.Participle === lower ? base : lower;
}

export function thirdPerson(verb: string): string {
  const forms = world.methods.two.transform.verb.conjugate(lemma(verb), world.model) as { PresentTense?: string };
  return forms.PresentTense ?? verb;
}

export function pastOf(verb: string): string {
  const forms = world.methods.two.transform.verb.conjugate(lemma(verb), world.model);
  return forms.PastTense ?? verb;
}

export function participle(verb: string): string {
  const base = lemma(verb);
  const forms = world.methods.two.transform.verb.conjugate(base, world.model);
  return forms.Participle ?? forms.PastTense ?? verb;
}

/** The edit's replacement with the matched groups taken from the agent's own text. */
function expand(replace: string, m: RegExpExecArray, original: string): string {
  const group = (key: string): string => {
    const idx = /^\d+$/.test(key) ? m.indices?.[Number(key)] : m.indices?.groups?.[key];
    return idx ? original.slice(idx[0], idx[1]) : '';
  };
  return replace
    .replace(/\$\{(\w+)\|([^}]*)\}/g, (_, key: string, fallback: string) => group(key) || fallback)
    .replace(/\$(\d+|<\w+>)/g, (_, key: string) => group(key.replace(/[<>]/g, '')))
    .replace(/\{inf:([^}]*)\}/g, (_, words: string) => words.replace(/^(\S+)/, (w) => baseForm(w)))
    .replace(/\{pp:([^}]*)\}/g, (_, word: string) => participle(word))
    .replace(/\{was:([^}]*)\}/g, (_, phrase: string) => `${phrase} ${/[^s]s$/i.test(phrase) ? 'were' : 'was'}`)
    .replace(/\{obj:([^}]*)\}/g, (_, word: string) => OBJECT[word.toLowerCase()] ?? word);
}

/** The first letter upper-cased, past an opening quote or bracket. */
export const capitalise = (s: string) => s.replace(/^(\s*["'“‘(]?)(\p{Ll})/u, (_, lead: string, ch: string) => lead + ch.toUpperCase());

/** The seams an edit leaves: doubled spaces and commas, a comma before the end, a lost capital. */
function tidy(text: string, original: string): string {
  let out = text
    .replace(/ {2,}/g, ' ')
    .replace(/ +([,.;:!?])/g, '$1')
    .replace(/([,;:]) *[,;:]/g, '$1')
    .replace(/[,;:—–-] *([.!?]+["'”’)\]]*\s*)$/u, '$1')
    .replace(/^(\s*)[,;:—–-]\s*/u, '$1');
  const lead = /^\s*/.exec(original)?.[0] ?? '';
  out = lead + out.trimStart();
  if (/^\s*["'“‘(]?\p{Lu}/u.test(original)) out = capitalise(out);
  return out;
}

/** `folded`: foldTypography(sentence), when the caller already has it (a chain folds once per step, not per edit). */
function applyOne(sentence: string, edit: CompiledEdit, folded = foldTypography(sentence)): string | null {
  const m = edit.re.exec(folded);
  if (!m) return null;
  const out = sentence.slice(0, m.index) + expand(edit.spec.replace, m, sentence) + sentence.slice(m.index + m[0].length);
  const tidied = tidy(out, sentence);
  return tidied !== sentence ? tidied : null;
}

/** One edit on its own (for the examples, the data files' and a team pack's). */
export function applyEdit(sentence: string, spec: EditSpec): string | null {
  return applyOne(sentence, { spec, re: new RegExp(spec.find, 'diu') });
}

/**
 * The regex dialect the pack guard can prove safe, for a pattern that may use lookaheads
 * and named groups: every (?=…)/(?!…) removed and (?<name> written as a plain group.
 */
export function checkableSource(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
      let depth = 0;
      let inClass = false;
      for (; i < source.length; i++) {
        const ch = source[i];
        if (ch === '\\') i++;
        else if (inClass) inClass = ch !== ']';
        else if (ch === '[') inClass = true;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      continue;
    }
    out += source[i];
  }
  return out.replace(/\(\?<(\w+)>/g, '(');
}

/** A team pack's edits for a category, each alone: the team's words come first. */
export function teamEdits(sentence: string, category: Category, team: readonly CompiledEdit[]): string[] {
  const out: string[] = [];
  for (const edit of team) {
    if (edit.spec.category !== category) continue;
    const one = applyOne(sentence, edit);
    if (one) out.push(one);
  }
  return out;
}

/**
 * Candidate rewrites for a category: every applicable edit in turn on one sentence
 * (a blame often needs two: ", not us" and "so you'll need to chase them"), then
 * each edit alone. The verifier keeps the lightest that is not flagged again.
 */
export function constructionEdits(sentence: string, category: Category, team: readonly CompiledEdit[] = []): string[] {
  const own = team.filter((e) => e.spec.category === category);
  if (!own.length) return builtinChain(`${category}\n${sentence}`);
  return chain(sentence, [...own, ...editsOf(category)]);
}

/** The built-in edits' candidates by category and sentence, once per analysis (a rule's finding and the model's on one sentence both ask). */
const builtinChain = perAnalysis((key: string): string[] => {
  const at = key.indexOf('\n');
  return chain(key.slice(at + 1), editsOf(key.slice(0, at) as Category));
});

function chain(sentence: string, edits: readonly CompiledEdit[]): string[] {
  const singles: string[] = [];
  // Every step of the chain is a candidate: the verifier keeps the lightest that is not flagged
  // again, so "I'm sorry the wait was long." wins over the same with "and I want to put it right".
  const steps: string[] = [];
  const folded = foldTypography(sentence);
  let chained = sentence;
  let chainedFolded = folded;
  for (const edit of edits) {
    const one = applyOne(sentence, edit, folded);
    if (one) singles.push(one);
    // Until an edit applies, the chain is the sentence itself: its step is the single edit.
    const next = chained === sentence ? one : applyOne(chained, edit, chainedFolded);
    if (next) {
      chained = next;
      chainedFolded = foldTypography(next);
      steps.push(next);
    }
  }
  // One edit can make room for an earlier one ("As stated in bold in the X," → "As stated in the X," → "According to the X,"):
  // a second pass over the chain, each step still a candidate.
  if (steps.length) {
    for (const edit of edits) {
      const next = applyOne(chained, edit, chainedFolded);
      if (next && next !== chained && !steps.includes(next)) {
        chained = next;
        chainedFolded = foldTypography(next);
        steps.push(next);
      }
    }
  }
  const out = steps.length > 1 ? [...steps.reverse(), ...singles] : singles;
  return [...new Set(out)];
}
