/**
 * What a sentence is about, in the agent's own words: its noun phrases ("the
 * cancellation fee", "the £20 credit", "next-day delivery"). When the whole sentence is
 * the problem and has to be replaced, the replacement still names these, so the facts
 * survive ("I hear you about the cancellation fee, and I want to get this right for you.").
 */
import { perAnalysis } from './memo';
import { tag } from './nlp';

interface TermJson {
  text: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** Head nouns that are not facts: filler and idiom ("no big deal", "the end of the world"). */
const FILLER = new Set([
  'nothing', 'thing', 'things', 'anything', 'everything', 'something', 'way', 'deal', 'end', 'world', 'purpose', 'time',
  'point', 'lot', 'bit', 'fact', 'case', 'problem', 'issue', 'confusion', 'customer', 'customers', 'people', 'everyone',
  'anyone', 'nobody', 'someone', 'opinion', 'side', 'mistakes', 'patience', 'one', 'times', 'question', 'job', 'need',
  'best', 'reason', 'apologies', 'sorry', 'hands', 'taste', 'expectations', 'expectation', 'impression', 'extent', 'sounds', 'sense', 'fingers',
  // Where and when, and how the customer wrote: not what the reply is about ("I hear you about the month").
  'here', 'there', 'little', 'respect', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'minute', 'minutes',
  'hour', 'hours', 'morning', 'afternoon', 'evening', 'future', 'records', 'logs', 'feet', 'look', 'mate', 'pal', 'buddy', 'dude', 'love', 'hun', 'tone', 'language', 'capitals', 'comments', 'comment', 'picture', 'fob',
]);
/** A preposition that ties one noun phrase to the next as one thing ("the fee for your account"). */
const JOIN = /^\s+(?:of|for|on|about|to|in|with|from)\s+$/i;
const LEADS = new Set(['the', 'our', 'your', 'my', 'this', 'that', 'these', 'those', 'a', 'an', 'any', 'every']);

const isNoun = (t: TermJson) =>
  (t.tags.includes('Noun') && !t.tags.includes('Pronoun') && !t.tags.includes('Possessive')) || t.tags.includes('Money');
const isModifier = (t: TermJson) =>
  (t.tags.includes('Possessive') && !t.tags.includes('Pronoun')) ||
  t.tags.includes('Adjective') || t.tags.includes('Value') || t.tags.includes('Money') || t.tags.includes('Hyphenated') || (isNoun(t) && !t.tags.includes('Plural'));

/**
 * The sentence's weightiest noun phrase (most words, numbers and amounts first), with "a"/"an" made "the".
 * Memoised per analysis: a rule's finding and the model's on the same sentence both ask.
 */
export const topicOf: (sentence: string) => string | null = perAnalysis(topicUncached);

function topicUncached(sentence: string): string | null {
  const terms = (tag(sentence).json({ offset: true, terms: { tags: true, offset: true } }) as Array<{ terms: TermJson[] }>).flatMap((s) => s.terms);
  const chunks: Array<{ phrase: string; duration: boolean; start: number; end: number }> = [];
  let run: TermJson[] = [];
  const flush = () => {
    // A phrase ends on its noun: trailing modifiers ("day" before a mis-tagged "delay") go.
    while (run.length && !isNoun(run[run.length - 1]!)) run.pop();
    const head = run[run.length - 1];
    // The agent's own ("my best") and bare words at the start ("Apologies", "There's") are not what it is about.
    const own = run[0] && /^(?:my|our best)$/i.test(run[0].text);
    const bare = run.length === 1 && (run[0]!.offset.start === 0 || /['’]/.test(run[0]!.text));
    // "signal's back" is "signal is back": a contraction ends no noun phrase.
    const contracted = run.some((t) => /['’]s$/i.test(t.text) && !t.tags.includes('Possessive'));
    // A person is who it happened to, not what it is about ("I'm sorry about Mrs Okafor").
    const person = run.some((t) => t.tags.includes('Person') || t.tags.includes('Honorific'));
    // A bare word right after a verb is what something was, not a thing ("we've been unfair").
    const prev = run[0] ? terms[terms.indexOf(run[0]) - 1] : undefined;
    const predicate = run.length === 1 && !LEADS.has(run[0]!.text.toLowerCase()) && prev?.tags.includes('Verb');
    if (head && !own && !bare && !person && !contracted && !predicate && !FILLER.has(head.text.toLowerCase()) && run.some(isNoun)) {
      const first = run[0]!;
      const words = sentence.slice(first.offset.start, head.offset.start + head.offset.length).replace(/\s+/g, ' ');
      const lead = first.text.toLowerCase();
      let phrase = lead === 'a' || lead === 'an' || lead === 'any' || lead === 'every' ? `the${words.slice(first.text.length)}` : words;
      // "The weekend team" at the start of the sentence is "the weekend team" inside the rewrite.
      // So does any other word that is capitalised only because it opens the sentence ("Ninety-seven percent").
      if (LEADS.has(lead) || (first.offset.start === 0 && !first.tags.includes('ProperNoun') && !first.tags.includes('Acronym'))) phrase = phrase.charAt(0).toLowerCase() + phrase.slice(1);
      // Someone's thing ("the engineer's visit") keeps its article; a name's does not need one.
      if (!LEADS.has(lead) && first.tags.includes('Possessive') && !first.tags.includes('ProperNoun') && run.length > 1) phrase = `the ${phrase}`;
      // A bare singular noun reads as a slot error ("sorry about statement"): it gets "the".
      if (!LEADS.has(lead) && !first.tags.includes('ProperNoun') && run.length === 1 && !head.tags.includes('Plural') && !head.tags.includes('Money') && !head.tags.includes('Uncountable')) phrase = `the ${phrase}`;
      // A time span ("the five minutes") is a fact only when nothing else is named.
      if (!/^(?:the|our|your|my|this|that)$/i.test(phrase)) {
        chunks.push({ phrase: phrase.replace(/[.,;:!?]+$/, ''), duration: head.tags.includes('Duration'), start: first.offset.start, end: head.offset.start + head.offset.length });
      }
    }
    run = [];
  };
  for (const t of terms) {
    const lower = t.text.toLowerCase();
    const opens = LEADS.has(lower) || t.tags.includes('Possessive') && !t.tags.includes('Pronoun') || (lower === 'our' || lower === 'your' || lower === 'my');
    if (opens && !(run.length && isNoun(run[run.length - 1]!) && t.tags.includes('Possessive'))) {
      // A determiner starts a new phrase ("Sorry | the meal"), whatever came before it.
      flush();
      run.push(t);
    } else if (isModifier(t) || isNoun(t)) run.push(t);
    else flush();
    if (/[,;:.!?—–]/.test(t.post)) flush();
  }
  flush();
  if (!chunks.length) return null;
  // "the late fee | for | your library account" is one thing: a phrase joined by a preposition
  // to the next keeps both facts ("the water damage in your kitchen", "the quote for the fence panels").
  for (let i = chunks.length - 2; i >= 0; i--) {
    const [a, b] = [chunks[i]!, chunks[i + 1]!];
    const gap = sentence.slice(a.end, b.start);
    if (b.duration || a.duration || !JOIN.test(gap) || /\d{1,2}(?::\d\d)?\s*(?:am|pm)?$/i.test(b.phrase)) continue;
    const joined = `${a.phrase}${gap.replace(/\s+/g, ' ')}${sentence.slice(b.start, b.end).replace(/\s+/g, ' ')}`;
    if (joined.split(' ').length > 9) continue;
    chunks.splice(i, 2, { phrase: joined.replace(/[.,;:!?]+$/, ''), duration: false, start: a.start, end: b.end });
  }
  // A share of something is about the something: "ninety-seven percent of our prescriptions" → "our prescriptions".
  for (const c of chunks) c.phrase = c.phrase.replace(/^[\p{L}\p{N}.,-]+ (?:percent|per cent|%) of (?=\S)/iu, '');
  const picked = chunks
    // The first named thing is usually what the sentence is about ("Sorry the meal wasn't to your taste").
    .map(({ phrase: c, duration }, i) => ({ c, i, weight: c.split(' ').length + (/[\d£$€]/.test(c) ? 2 : 0) - (duration ? 4 : 0) - i * 0.6 }))
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .slice(0, 1)
    .map((x) => x.c);
  return picked[0] ?? null;
}
