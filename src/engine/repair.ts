/**
 * Rewrites as edits of the agent's own sentence, for findings that have no template
 * (the learned checks) and as a fallback when a template's result would be flagged
 * again. Lightest edit first: drop the harmful frame or clause and keep the rest;
 * then a category edit (own the promise and time it; apologise for the thing, not the
 * feeling); a whole-sentence replacement only when the whole sentence is the problem.
 */
import { splitClauses } from './clauses';
import { NAME_ONLY, OFFER, liftFrames } from './lift';
import { checkContext, hasTime } from './context';
import { baseForm, capitalise, pastOf, thirdPerson } from './edits';
import { foldTypography } from './normalize';
import { topicOf } from './topic';
import type { Category } from './types';

export interface RepairInput {
  /** The sentence as typed. */
  sentence: string;
  /** Span offsets relative to the sentence. */
  start: number;
  end: number;
  category: Category;
  /** The sentence's construction edits (edits.ts), chained one first, as the verifier already built them. */
  edited: readonly string[];
  /** Whether a clause on its own has a category's problem, or any problem without one (the engine's judgement). */
  flags?: (clause: string, only?: Category) => boolean;
}

const END = /[.!?…]+["'”’)\]]*\s*$/;
const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** The sentence with [start, end) removed, tidied at the seam. */
function cut(sentence: string, start: number, end: number): string {
  let before = sentence.slice(0, start);
  let after = sentence.slice(end);
  {
    // Dropping a leading frame: "As I said, it shipped." → "It shipped."
    if (!before.trim()) return capitalise(after.replace(/^[\s,;:—–-]+/, ''));
    // Dropping a trailing clause: "It shipped, as I said." → "It shipped."
    if (!after.replace(END, '').trim()) return before.replace(/[\s,;:—–-]+$/, '') + (END.exec(sentence)?.[0].trim() ?? '');
    before = before.replace(/[\s,;:—–-]+$/, '');
    after = after.replace(/^[\s,;:—–-]+/, '');
    return `${before}, ${after}`;
  }
}

/** A frame or clause at the edge of the sentence, set off by punctuation, whose removal leaves a sentence. */
function dropFrame(input: RepairInput): string | null {
  const { sentence, start, end } = input;
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const leading = !before.trim() && /^\s*[,;:—–-]/.test(after);
  const trailing = /[,;:—–-]\s*$/.test(before) && !after.replace(END, '').trim();
  if (!leading && !trailing) return null;
  const out = cut(sentence, start, end);
  return words(out) >= 3 ? out : null;
}

const VAGUE_TIME =
  /\b(?:as soon as (?:possible|we can|i can)|asap|a\.s\.a\.p\.?|soon|shortly|in due course|when(?:ever)? (?:possible|we can|i can)|at some point|in the (?:near|coming) (?:future|days|weeks)|at the earliest opportunity|at our earliest convenience|some ?time|at some stage|at a later (?:date|stage)|as (?:early|quickly|fast) as (?:possible|we can|i can)|when (?:they|he|she) can|in a (?:bit|while)|before long|any time now|in good time|when things (?:calm|quieten|quiet) down|in the coming (?:days|weeks)|eventually)\b/i;
const OWNER = /^(\s*(?:@\w+\s+)*)(?:we(?:'|’)ll|we will|we shall|we are going to|we're going to|we’re going to|someone will|somebody will|the team will|our team will)\b/i;
/** A promised action a deadline can attach to ("will be reviewed", "should be with you", "expect to hear"). */
const FUTURE_ACTION = /\b(?:will|shall|won['’]t|going to|should|(?:i|we|you|they|he|she|it)['’]ll|expect to|due to)\b/i;
const HOPE = /^(\s*(?:@\w+\s+)*)hopefully,?\s+/i;
const HEDGED_WITH_TIME = /^(\s*(?:@\w+\s+)*)(?:hopefully|fingers crossed|with (?:any|a bit of) luck|all being well|if all goes well),?\s+(.+)$/iu;
/** A chat reply's closing: sign-off initials or name, a link, emoji. */
const TRAILER = /(?:\s+(?:[-–—~^\/*]\s*\p{Lu}[\p{L}]{0,15}|\^\p{L}{1,4}|https?:\/\/\S+|[\p{Extended_Pictographic}\u200d\ufe0f]+))+\s*$/u;
const CONDITION_TAIL = /\b(?:once|when|after|until|as soon as|if)\b[^,;]*$/i;
/** Hopes inside the promise: "should hopefully be able to ship" is "will ship". */
const INNER_HOPE = /\b(?:should|will|'ll|’ll) hopefully (?:be able to )?|\bhopefully,? (?=will\b|can\b|(?:they|he|she|it|we|you)(?:['’]ll| will)\b)/iu;
const HOPING = /^(\s*)(?:we(?:'|’)re|we are|i(?:'|’)m|i am) hoping to\b/iu;
/** A named party's promise, owned: "The courier will redeliver it" → "I'll make sure the courier redelivers it". */
const THEIR_PROMISE = /^(\s*)((?:the|our|your) [\p{L}-]+(?: [\p{L}-]+)?) will ([\p{L}-]+)\b/iu;

/** A promise whose action is telling the customer. */
const CONTACT = /\b(?:let you know|get back to you|be in touch|update you|reach out|contact you|call you|email you|message you)\b/i;

/** What a sentence says, its end punctuation, and what closes a chat reply after it (a sign-off, a link, emoji). */
function closing(text: string): { said: string; close: string; closer: string } {
  const closer = TRAILER.exec(text)?.[0] ?? '';
  const said = closer ? text.slice(0, -closer.length) : text;
  return { said, close: END.exec(said)?.[0] ?? '', closer };
}

/** "We'll look into it as soon as possible." → "I'll look into it and update you by [time]." */
function ownPromise(sentence: string): string | null {
  let s = sentence;
  let changed = false;
  // A hope with a time already in it is not made a guarantee: the agent checks it happens.
  // "Fingers crossed the signal's back by the weekend." → "I'll check that the signal's back by the weekend and let you know."
  const hedged = HEDGED_WITH_TIME.exec(s);
  if (hedged && hasTime(foldTypography(hedged[2]!).toLowerCase()) && !/^(?:i|we)\b/i.test(hedged[2]!)) {
    const { said, close, closer } = closing(hedged[2]!);
    // What is checked is a state ("it's sorted by Monday"), not another prediction ("it'll be sorted").
    const rest = said
      .replace(END, '')
      .replace(/\b(it|this|that)(['’])ll be\b/iu, '$1$2s')
      .replace(/\b(they)(['’])ll be\b/iu, '$1$2re')
      .replace(/\b(it|this|that|he|she) will be\b/iu, '$1 is')
      .replace(/^(?:the|our|your|it|this|that|they|there)\b/i, (w) => w.toLowerCase());
    return `${hedged[1]}I’ll check that ${rest} and let you know${close}${closer}`;
  }
  // A hope about someone else with no real time ("Hopefully the bank sorts its end out soon"): the agent
  // checks it happens and says when, rather than inventing the other party's deadline.
  if (hedged && !/^(?:i|we)\b/i.test(hedged[2]!) && VAGUE_TIME.test(hedged[2]!) && !/^(?:it|this|that|there)\b/i.test(hedged[2]!)) {
    const { said, close, closer } = closing(hedged[2]!);
    const rest = said.replace(END, '').replace(new RegExp(String.raw`,?\s*(?:` + VAGUE_TIME.source + ')', 'i'), '').replace(/^(?:the|our|your|they)\b/i, (w) => w.toLowerCase());
    if (words(rest) >= 3) return `${hedged[1]}I’ll check that ${rest} and update you by [time]${close}${closer}`;
  }
  if (HOPE.test(s)) {
    // A chat line typed in lower case stays so ("hopefully we can…" → "we can…").
    const typedLower = /^\s*(?:@\w+\s+)*\p{Ll}/u.test(s);
    s = s.replace(HOPE, '$1');
    if (!typedLower) s = capitalise(s);
    changed = true;
  }
  if (INNER_HOPE.test(s)) {
    s = s.replace(INNER_HOPE, (m) => (/^hopefully/i.test(m) ? '' : 'will '));
    changed = true;
  }
  if (HOPING.test(s)) {
    s = s.replace(HOPING, '$1I’ll');
    changed = true;
  }
  if (OWNER.test(s)) {
    s = s.replace(OWNER, '$1I’ll');
    changed = true;
  } else if (THEIR_PROMISE.test(s) && !/^\s*(?:the|our) team\b/i.test(s)) {
    s = s.replace(THEIR_PROMISE, (_, lead: string, party: string, verb: string) => `${lead}I’ll make sure ${party.charAt(0).toLowerCase()}${party.slice(1)} ${thirdPerson(verb)}`);
    changed = true;
  }
  // "…, they'll sort it soon": the agent makes sure they do.
  if (!changed || !/\bI['’]ll\b/.test(s)) {
    const their = /(^\s*|,\s+|\band\s+|\bso\s+)(they|he|she)(?:['’]ll| will) (?!be\b|have\b|need\b)([\p{L}-]+)\b/iu;
    if (their.test(s)) {
      // After a comma the owned promise is a clause of its own: "now; I'll make sure they…".
      s = s.replace(their, (_, lead: string, who: string, verb: string) =>
        `${lead.startsWith(',') ? '; ' : lead}I’ll make sure ${who.toLowerCase()} ${who.toLowerCase() === 'they' ? verb : thirdPerson(verb)}`);
      changed = true;
    }
  }
  // "I'll try to fix it" is still a hope: the owner does it.
  s = s.replace(/\b(I’ll) (?:try to|try and|aim to|endeavou?r to|do (?:our|my) best to|hope to|attempt to) /u, '$1 ');
  if (/^\s*(?:we(?:'|’)re|we are) (looking into|working on|checking|investigating)\b/i.test(s)) {
    s = s.replace(/^(\s*)(?:we(?:'|’)re|we are) /i, '$1I’m ');
    changed = true;
  }
  // "Keep you posted" has no point a deadline can go on; an update does.
  if (/\bI(?:['’]ll| will) keep you (?:posted|updated|informed|in the loop)\b/i.test(s)) {
    s = s.replace(/\b(I(?:['’]ll| will)) keep you (?:posted|updated|informed|in the loop)\b/i, '$1 update you');
    changed = true;
  }
  if (VAGUE_TIME.test(s)) {
    s = s.replace(new RegExp(String.raw`(?:get back to you |update you |let you know )?(?:` + VAGUE_TIME.source + String.raw`)(\s+(?:after|of|from)\b)?`, 'i'), (m, after: string | undefined) =>
      /get back to you|update you|let you know/i.test(m) ? 'update you by [time]' : after ? `within [time]${after}` : 'by [time]',
    );
    changed = true;
  } else if (!/\[(?:time|date)\]/.test(s) && !hasTime(foldTypography(s).toLowerCase())) {
    // What closes a chat reply stays after the promise: a sign-off ("- Jase", "^MS"), a link, emoji.
    const closer = TRAILER.exec(s)?.[0] ?? '';
    const rest = closer ? s.slice(0, -closer.length) : s;
    // "…we will assist: https://…" keeps its colon before the link, after the deadline.
    const ending = END.exec(rest)?.[0] ?? (closer ? /\s*:\s*$/.exec(rest)?.[0] : undefined) ?? '';
    const body = rest.slice(0, rest.length - ending.length);
    const end = ending.trim() === ':' ? ':' : ending;
    // "…once the carrier gets back to us" is a condition, not a step a deadline can go on: the update is.
    const conditional = CONDITION_TAIL.test(body);
    // Work in progress gets an owned update, not a deadline on the verb ("…are looking into it by [time]").
    s = /^\s*I’m (?:looking into|working on|checking|investigating)/.test(body)
      ? `${body} and will update you by [time]${end}`
      // "I'll let you know once we hear back" is already the update: it gets a latest time, not a second update.
      : conditional && CONTACT.test(body)
        ? `${body}, or by [time] at the latest${end}`
      : conditional || /\b(?:is|are|'re|’re|am) (?:currently |still |now )?(?:looking into|looking at|working on|investigating|checking|reviewing|dealing with|handling)\b/i.test(body)
        ? `${body}, and I’ll update you by [time]${end}`
        : FUTURE_ACTION.test(body)
          ? `${body} by [time]${end}`
          // No action a deadline can go on ("Bear with us while we investigate", "we're on it"): the update gets one.
          : `${body}, and I’ll update you by [time]${end}`;
    s += closer;
    changed = true;
  }
  return changed ? s : null;
}

/** "Sorry you feel the parcel was late" → "I'm sorry the parcel was late"; "for any" → "for the". */
function ownApology(sentence: string): string | null {
  let s = sentence
    // "you found the tour disappointing" is "the tour was disappointing".
    .replace(/\b(sorry|apologi[sz]e|apologies|regret)( that| if)? you (?:found|find) ((?:the|your|our|this|that|my) [\w' -]+?) (disappointing|confusing|unclear|frustrating|difficult|unhelpful|rude|slow|stressful|upsetting)\b/i, '$1$2 $3 was $4')
    .replace(/\b(sorry|apologi[sz]e|apologies|regret)( that| if)? you (?:feel|felt|think|thought|believe|perceive[d]?|found) (?!(?:that |this |so )?way\b|the need\b|like\b|so\b|like (?:that|this)\b|(?:that|this)[.!?,]|(?:that|this)$)(?:that )?/i, '$1 ')
    .replace(/\b(sorry|apologi[sz]e|apologies|regret)( that)? (?:if )?(?:there (?:was|were|has been|have been) )?any (?:perceived |possible |potential )?(inconvenience|confusion|frustration|disappointment|trouble|misunderstanding|delay)s?( (?:this|that|it) (?:may have|might have|has|may|might) caused?| caused)?/i, (_, a: string, _that: string | undefined, what: string) => `${a} for the ${what}`)
    .replace(/\bfor for\b/i, 'for')
    .replace(/\b(sorry|apologies|apologi[sz]e|regret)( for)? the (\w+)(?= caused)? caused\b/i, '$1$2 the $3');
  s = s.replace(/^(\s*)(?:we |i )?regret that\b/i, '$1I’m sorry that');
  s = s.replace(/^\s*(?:we )?regret\b/i, (m) => m.replace(/(?:we )?regret/i, 'I’m sorry about')).replace(/I’m sorry about for/i, 'I’m sorry for');
  s = s.replace(/\b(?:we |i )?regret for\b/i, 'I’m sorry for');
  if (/^\s*(?:apologies|sorry)\b/i.test(s)) s = s.replace(/^(\s*)(?:apologies|sorry)\b/i, '$1I’m sorry');
  s = s.replace(/\bwe apologi[sz]e\b/i, 'I’m sorry').replace(/^\s*i apologi[sz]e\b/i, 'I’m sorry');
  s = s.replace(/I’m sorry,? but\s+/i, 'I’m sorry. ').replace(/I’m sorry\. (\p{Ll})/u, (_, ch: string) => `I’m sorry. ${ch.toUpperCase()}`);
  return s !== sentence ? capitalise(s) : null;
}

const FAULT = /^(\s*)(?:it(?:'|’)s|it is|that(?:'|’)s|that is|this is)\s+(?:all\s+|entirely\s+|totally\s+)?((?:the|our|your)\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?)(?:'|’)s?\s+fault(?:\s+that)?\s+(.+?)([.!?…]*)$/iu;
/** "…, but it's the courier who lost it": what happened, owned, with the same party. */
const WHO_DID = /^(\s*)(?:[^,;]*?,\s*(?:but|and)\s+)?(?:it(?:'|’)s|it is|it was)\s+((?:the|our)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+who\s+(.+?)([.!?…]*)$/iu;
const NOT_MINE = /^(\s*)(?:that(?:'|’)s|that is|it(?:'|’)s|it is|this is)\s+not\s+(?:my|our)\s+(?:department|job|area|team|responsibility|problem)(?:[,;]?\s+(?:so|and|but)\s+(?:i|we)\s+(?:can(?:'|’)t|cannot|can not|won(?:'|’)t)\s+help(?:\s+you)?\s+with\s+(.+?))?([.!?…]*)$/iu;
const HANDLES = /^(\s*)((?:the\s+|our\s+)?[\p{L}-]+(?:\s+team)?)\s+(?:handles?|deals? with|takes? care of|is responsible for|looks? after)\s+(.+?)(?:,?\s+not\s+(?:me|us))([.!?…]*)$/iu;

/** Blame turned into ownership that names the same party and keeps what happened. */
function ownBlame(sentence: string): string | null {
  let m = FAULT.exec(sentence);
  if (m) {
    const party = `${m[2] ? m[2].toLowerCase() : 'the '}${m[3]!}`;
    return `${m[1]}I’m sorry ${m[4]!}; I’m taking it up with ${party} myself and will update you by [time]${m[5] ? '.' : ''}`;
  }
  m = WHO_DID.exec(sentence);
  if (m) {
    const party = m[2]!.replace(/^(?:the|our)\s+/i, (d) => d.toLowerCase());
    return `${m[1]}I’m sorry ${party} ${m[3]!}; I’m taking it up with ${party} myself and will update you by [time]${m[4] ? '.' : ''}`;
  }
  m = NOT_MINE.exec(sentence);
  if (m) return `${m[1]}I’ll get the right team on ${m[2] ?? 'this'} myself and update you by [time]${m[3] ? '.' : ''}`;
  m = HANDLES.exec(sentence);
  if (m) {
    const team = m[2]!.replace(/^(?:the|our)\s+/i, '');
    return `${m[1]}I’ll get our ${/team$/i.test(team) ? team.toLowerCase() : `${team.toLowerCase()} team`} on ${m[3]!} myself and update you by [time]${m[4] ? '.' : ''}`;
  }
  return null;
}

const owns = (s: string) => checkContext('owns-fix', { lower: foldTypography(s).toLowerCase(), nextLower: '' });

/** A clause that refuses or hands the problem off: it goes, whatever else the sentence says. */
const DEFLECTS = new RegExp(
  [
    String.raw`\bnot (?:my|our|us|me|mine|ours|support|anything (?:we|i) did)\b`,
    String.raw`\bnothing (?:more |else )?(?:we|i) can (?:do|offer)\b`,
    String.raw`\bnot much (?:we|i) can do\b`,
    String.raw`\bout of (?:our|my) hands\b`,
    String.raw`\b(?:can't|cannot|can not|won't|couldn't) (?:help|touch|override|change|see|do anything|honour|honor|approve|fix)\b`,
    String.raw`\b(?:we|i)(?:'re| are|'m| am) (?:just|only) (?:the|a|an)\b`,
    String.raw`\b(?:we|i) (?:just|only) (?:work|sold|deal|pass|sell|handle|follow|submit|process|forward|book|take|own|run|provide|supply|install|host|list|collect|ship|print|resell|distribute|arrange|manage)\b`,
    String.raw`\b(?:that|it|this)(?:'s| is| was) (?:all )?(?:their|his|her|the [\w-]+'s) (?:mistake|fault|problem|error|doing|responsibility|call)\b`,
    String.raw`\b(?:up to|down to) (?:them|him|her|you|that)\b`,
    String.raw`\bbetween you and\b`,
    String.raw`\b(?:no|any) (?:control|say)\b`,
    String.raw`\bnot (?:something|up to)\b`,
    String.raw`\byou(?:'ll| will|'d| would)? (?:have|need) to (?:contact|speak|talk|call|take|raise|sort|chase|go)\b`,
    String.raw`\bthey(?:'re| are) the ones\b`,
    String.raw`\bis the one who\b`,
    String.raw`\byou want [\w ]+ for that\b`,
    String.raw`\bon (?:their|your) (?:end|side)\b`,
    String.raw`\bnot sure why\b`,
    String.raw`\b(?:that's|that is|it's|it is) (?:really |all |entirely )?on (?:the|them|him|her|your)\b`,
    // "…, it's the bank's": whose it is, said of the problem.
    String.raw`^(?:it|that)(?:'s| is| was) (?:the|your|their) [\w-]+(?: [\w-]+)?'s$`,
    String.raw`\b(?:needs?|have|has) to go (?:to|through) (?:them|him|her)\b`,
    String.raw`\bno record of it on our side\b`,
    String.raw`\b(?:isn't|is not|aren't) (?:really )?(?:on us|our (?:fault|problem))\b`,
    String.raw`\bnot my department\b|\bnot my (?:job|area|problem)\b`,
    String.raw`\bon our (?:side|end)\b`,
    String.raw`\bhands are tied\b`,
    String.raw`\bnot (?:authori[sz]ed|allowed|able|permitted) to\b`,
    String.raw`\brather than (?:directly )?(?:with|through) us\b`,
    String.raw`\bnothing to do with (?:us|me|them)\b`,
    String.raw`\b(?:isn't|is not|wasn't|was not) (?:down to|up to) (?:us|me)\b`,
    String.raw`\b(?:isn't|is not|not) (?:really )?my (?:area|call|decision|remit)\b`,
    String.raw`\b(?:that's|that is|it's|it is|this is) (?:really )?(?:one|a matter|a question|something) for\b`,
    String.raw`\b(?:it's|it is|it was|that's|that was) (?:the|your|their) [\w -]{1,30}? who\b`,
    // "Blame the new software": telling the customer whom to blame.
    String.raw`^blame (?:the|it on|our|your|their)\b`,
    // The customer as the one who got it wrong: what happened stays, who did it goes.
    String.raw`^you (?:entered|typed|put|selected|chose|forgot|missed|didn't|did not|failed|used|clicked|ticked|deleted|ignored|booked|ordered)\b`,
  ].join('|'),
  'iu',
);
/** Where a sentence splits into clauses: punctuation, a spaced dash, or a linking word that starts a new clause. */
const CLAUSE_BREAK = /\s*[,;:]\s+|\s+[—–-]\s+|\s+(?=(?:so|because|since|hence|once|which is why|that's why|that is why|and (?:i|we)|but (?:i|we))\b)/giu;
/** "The system won't let me …", "I'm not authorised to …": what cannot be done, said as the agent's own limit. */
const OWN_LIMIT = /^(\s*(?:(?:so|but|and|because)\s+)?)(?:(?:the|our) (?:system|computer|tool|platform)|it)\s+(?:won['’]t|will not|doesn['’]t|does not)\s+(?:let|allow)\s+(?:me|us)\s+(?:to\s+)?|^(\s*(?:(?:so|but|and|because)\s+)?)i(?:['’]m| am) not (?:authori[sz]ed|allowed|able|permitted) to\s+/iu;
/** A refusal: what follows it may not promise to fix the thing refused, only to offer what can be done. */
const REFUSES = /\b(?:nothing (?:more |else )?(?:we|i) can (?:do|offer)|not much (?:we|i) can do|out of (?:our|my) hands|hands are tied|(?:can't|cannot|can not|won't|couldn't) (?:help|override|change|do anything|honour|honor|approve|make an exception|offer)|not (?:authori[sz]ed|allowed|able|permitted) to|(?:won't|will not|doesn't|does not) (?:let|allow) (?:me|us))\b/iu;
const FINAL = /\b(?:still stands|stands as|is final|are final|non-refundable|(?:can't|cannot|won't|will not) be (?:refunded|changed|reversed|cancelled|canceled|waived|moved|exchanged|reissued|extended|overturned)|(?:above|beyond) my (?:level|pay grade|head|authority)|(?:isn't|is not|not) possible|no way (?:to|for)|unable to)\b/iu;
const LEADING_APOLOGY = /^(?:(?:i'm|i am|we're|we are)\s+)?(?:so\s+|very\s+|really\s+)?(?:sorry|apologies)\b/iu;
const LINK_START = /^(?:so|because|since|hence|once|which is why|that's why|that is why|and|but)\s+/iu;
const OPENER = /^(?:honestly|frankly|look|to be honest|tbh|unfortunately|sadly|at the end of the day|to be fair|in fairness)\b,?\s*/iu;
/** Words a clause opens with that lose their capital inside a sentence. */
// Teams and offices too ('Head office decides…' → '— head office decides…'): capitalised only because they opened the sentence.
const COMMON_START = /^(?:the|our|your|a|an|this|that|these|those|it|they|there|someone|whoever|my|his|her|their|its|you|head office|billing|accounts|customs|corporate|management|finance|security|reception|maintenance|sales|support|payroll|admissions|housekeeping|dispatch|shipping|returns|claims|underwriting|compliance|legal)\b/iu;
/** Modal guesses about what went wrong: "must have missed" is "missed". */
const GUESS = /\b(?:must|might|may|probably) have ([\p{L}-]+)\b/giu;

const NOT_OUR_FAULT_THAT = /^(\s*(?:(?:so|but|and)\s+)?)(?:it['’]s|it is|it isn['’]t|that['’]s|that is|this is|this isn['’]t|it was|it wasn['’]t) not (?:our|my|the company['’]s|anyone here['’]s) fault(?: that)?\s+(?=\S)/iu;

/** A refusal's subject that is someone else: a named party, not the agent, "there" or a pronoun. */
const THIRD_PARTY_SUBJECT = /^(?!(?:i|we|there|that|this|it|which|so|you|they|nothing|not)\b)(?:the |our |your )?[\p{L}-]+/iu;
/** Asides that deflect inside a clause that otherwise says what happened. */
const DEFLECT_ASIDE = /\s+(?:on (?:their|your|the [\p{L}-]+['’]s) (?:end|side)|rather than (?:directly )?(?:with|through) us)\b/giu;
const PASSIVE: Record<string, string> = {
  entered: 'entered', typed: 'typed', put: 'put', selected: 'selected', chose: 'chosen', used: 'used', booked: 'booked',
  ordered: 'ordered', deleted: 'deleted', cancelled: 'cancelled', canceled: 'canceled', clicked: 'clicked', ticked: 'ticked',
  gave: 'given', sent: 'sent', uploaded: 'uploaded', picked: 'picked', missed: 'missed', ignored: 'ignored',
};
const CUSTOMER_ACTION = new RegExp(
  String.raw`^((?:(?:so|because|since|as|and|but|which is why|that's why)\s+)?)you\s+(?:(?:must|might|may|probably|accidentally|mistakenly|just)\s+(?:have\s+)?)*(` +
    Object.keys(PASSIVE).join('|') +
    String.raw`)\s+(the|a|an|your)\s+((?:[\p{L}\p{N}£$€'’#-]+\s+){0,3}?[\p{L}\p{N}£$€'’#-]+?)(?=\s+(?:wrong|incorrectly|twice|once|three|four|several|at|on|in|by|when|before|after|without|instead|rather|through|for|from|to|into|which|so|and|but)\b|\s*$)`,
  'iu',
);
/** "you booked through a third-party site" → "the booking was made through a third-party site". */
const CUSTOMER_CHANNEL = /^((?:(?:so|because|since|as|and|but)\s+)?)you\s+(?:must have\s+|probably\s+)?(booked|ordered|paid|bought it|signed up)\s+(through|via|on|with|at)\b/iu;
const CHANNEL: Record<string, string> = { booked: 'the booking was made', ordered: 'the order was placed', paid: 'the payment was made', 'bought it': 'it was bought', 'signed up': 'the sign-up was made' };

/** The customer's action said as what happened: "because you entered the PIN wrong" → "because the PIN was entered wrong". */
function customerAsPassive(text: string): string {
  const channel = CUSTOMER_CHANNEL.exec(text);
  if (channel) return text.replace(CUSTOMER_CHANNEL, (_, lead: string, verb: string, prep: string) => `${lead}${CHANNEL[verb.toLowerCase()]} ${prep}`);
  return text.replace(CUSTOMER_ACTION, (_, lead: string, verb: string, det: string, np: string) => {
    const d = /^an?$/i.test(det) ? det.toLowerCase() : det.toLowerCase() === 'your' ? 'your' : 'the';
    const subject = `${d} ${np}`;
    return `${lead}${lead ? subject : capitalise(subject)} ${/s$/i.test(np) && !/ss$/i.test(np) ? 'were' : 'was'} ${PASSIVE[verb.toLowerCase()]}`;
  });
}

interface Clause {
  sep: string;
  text: string;
  /** Refuses or hands the problem off: it goes. */
  deflects: boolean;
  /** A refusal said as the agent's own limit ("I can't apply the code"): it stays. */
  limit: boolean;
}

interface Taken {
  lead: string;
  end: string;
  clauses: Clause[];
  /** Something is refused or stays as it is, so the next step is what can be done instead. */
  refused: boolean;
}

/** The sentence split into clauses, each marked as a deflection or as what happened. */
function takeApart(sentence: string): Taken {
  const { lead, end, body, pieces: raw } = splitClauses(sentence, CLAUSE_BREAK);
  // What stays as it is ("the charge still stands", "sale items are final") cannot be promised away either.
  let refused = FINAL.test(foldTypography(body));
  const clauses = raw.map((c): Clause => {
    // "It's not our fault the flight was delayed": the denial goes, what happened is a fact to keep.
    const denied = c.text.replace(NOT_OUR_FAULT_THAT, '$1');
    if (denied !== c.text && words(denied) >= 3) c = { ...c, text: denied };
    // The customer's action said as what happened, not who did it ("because you entered the PIN wrong" → "because the PIN was entered wrong").
    const neutral = customerAsPassive(c.text);
    if (neutral !== c.text) c = { ...c, text: neutral };
    // A deflecting aside inside a clause that says what happened goes, the clause stays ("They changed the API on their end").
    const trimmed = c.text.replace(DEFLECT_ASIDE, '');
    if (trimmed !== c.text && words(trimmed) >= 3 && !DEFLECTS.test(foldTypography(trimmed).replace(LINK_START, ''))) c = { ...c, text: trimmed };
    // A refusal that says what cannot be done keeps it, in the agent's own voice ("the system won't let me apply the code" → "I can't apply the code").
    const own = c.text.replace(OWN_LIMIT, (_, a: string | undefined, b: string | undefined) => `${a ?? b ?? ''}I can’t `);
    const limit = own !== c.text;
    const t = foldTypography((limit ? own : c.text).replace(OPENER, '').replace(LINK_START, '')).trim();
    if (limit || REFUSES.test(t)) refused = true;
    // A name set off by commas ("The previous agent, Tom, should have…") is who it was: it stays.
    if (NAME_ONLY.test(t) && !FRAME_WORDS.has(t.toLowerCase())) return { sep: c.sep, text: c.text, deflects: false, limit: false };
    // Someone else's refusal is what happened ("Corporate won't approve a goodwill credit"); the agent's own is a deflection.
    const theirs = !limit && REFUSES.test(t) && !DEFLECTS.test(t.replace(REFUSES, '')) && words(t) >= 4 && THIRD_PARTY_SUBJECT.test(t);
    // An apology of the agent's own goes too: the repair leads with one ("I'm sorry — "), never two.
    const deflects = limit ? words(t) < 4 : !theirs && (words(t) < 2 || LEADING_APOLOGY.test(t) || DEFLECTS.test(t) || REFUSES.test(t) || /^not\b/i.test(t));
    return { sep: c.sep, text: limit ? own : c.text, deflects, limit };
  });
  return { lead, end, clauses, refused };
}

/** Guesses stated as what happened ("must have missed" → "missed", "should have logged it" → "didn't log it"). */
function asFact(text: string): string {
  return text
    .replace(GUESS, (_, verb: string) => pastOf(verb))
    .replace(/\bshould have ([\p{L}-]+)\b/giu, (_, verb: string) => `didn’t ${baseForm(verb)}`)
    .replace(/[\s,;:—–-]+$/u, '');
}

/** The kept clauses as one phrase: openers and linking words off the first, guesses stated as what happened. */
function joinKept(kept: Clause[]): string {
  return asFact(kept.map((c, i) => (i ? c.sep + c.text : c.text.replace(OPENER, '').replace(LINK_START, ''))).join(''));
}

/** The customer as the one who caused it ("because you switched banks", "changed by you"). */
const CUSTOMER_CAUSE = /^your?\b|(?:[,;:—–-]\s*|\b(?:because|since|as|when|that|so|and|but|after|before|until|unless|if|by)\s+)you\b/i;

/**
 * What happened kept where the agent put it, a guess stated as fact, and the apology and
 * the owned step after it: "The weekend team must have missed your message." → "The
 * weekend team missed your message; I'm sorry about that, and I'll follow this up myself
 * and update you by [time]." The agent's opening stays, so the underline starts where
 * their words change.
 */
export function ownAfter(sentence: string, original = sentence): string | null {
  const { lead, end, clauses, refused } = takeApart(sentence);
  if (refused || clauses.some((c) => c.deflects)) return null;
  const body = clauses.map((c, i) => (i ? c.sep + c.text : c.text)).join('');
  // The customer as the one who caused it stays blame, however it is owned afterwards.
  if (CUSTOMER_CAUSE.test(foldTypography(body).trim()) || words(body) < 3 || /\[time\]|\bsorry\b/i.test(body)) return null;
  // What now opens the sentence takes its capital, as the agent's first word had ("It's not our fault the…" → "The…").
  const fact = /^\s*\p{Lu}/u.test(sentence) ? capitalise(asFact(body)) : asFact(body);
  // Who handles it is not something to be sorry about: it is who the agent takes it up with.
  const owner = HANDLER.exec(body.trim());
  // As the agent typed the name: "billing" mid-sentence in their words stays lower-case after an edit capitalised it.
  const who = original.includes(owner?.[1]?.toLowerCase() ?? '\0') ? owner![1]!.toLowerCase() : owner?.[1]?.replace(COMMON_START, (w) => w.toLowerCase());
  if (owner) return `${lead}${fact}, so ${takeUp(who!)}${end.trim() ? '.' : ''}`;
  return `${lead}${fact}; I’m sorry about that, and ${NEXT_STEP}${end.trim() ? '.' : ''}`;
}

/** Words of a frame that only deflects ("I'm just the messenger here", "Honestly, there's nothing I can do"): nothing in it is a fact to keep. */
const FRAME_WORDS = new Set(
  ('just only work here messenger platform middleman nothing much there what this that these those honestly unfortunately afraid really sadly ' +
    'fault ours theirs mine department area problem responsibility responsible control over about with sorry apologies anything else more side ' +
    'could would should think know look frankly tbh sure honest fair hands tied even need needs have contact speak talk call take raise sort ' +
    'chase them they their your mistake doing decision matter question ones directly through down deal deals handle handles decide decides ' +
    'instead store shop branch help change touch override honour honor approve anyone someone somebody something else whoever elsewhere').split(' '),
);
/** The party a deflection names as its subject or object ("head office has no control", "you'll need to call your bank"). */
const PARTY = /^(?:(?:that|this|it)(?:['’]s| is) (?:really |all )?(?:(?:on|for|down to|up to|a matter for|a question for|one for|something for|a job for) )?|you(?:['’]ll| will|['’]d| would)? (?:have|need) to (?:contact|speak to|talk to|call|raise it with|take it up with|chase|go to) |you (?:want|need) )?((?:the|your|our|their) (?:[\p{L}-]+ ){1,2}(?:team|office|department|desk|unit|squad)|(?:the|your|our|their) [\p{L}-]+(?: (?:team|office|department|desk|provider|company|supplier|insurer|bank|carrier|network|seller|landlord|agent|agency|airline|school|employer|council|manufacturer|retailer|partner|vendor|processor|operator|admin|firm|practice|surgery|store|shop|site|app))?|head office|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?)\b/u;
// The next step owned, not an outcome promised that the agent may not control ("that's between you and the airline").
const NEXT_STEP = 'I’ll follow this up myself and update you by [time]';
/** The owned step with the party the agent named: "I'll take it up with the courier myself and update you by [time]". */
const takeUp = (who: string) => `I’ll take it up with ${who} myself and update you by [time]`;
/** A kept clause that says who handles it ("billing handles refunds", "the claims team decides"). */
const HANDLER = /^((?:the |our |your )?(?!(?:i|we|you|it|that|this|they)\b)[\p{L}-]+(?: [\p{L}-]+)?) (?:handles?|deals? with|sets?|decides?|manages?|owns?|looks? after|process(?:es)?|(?:is|are) responsible for|takes? care of)\b/iu;

/** The first party a deflection names, not a pronoun or a frame word ("Sorry" opens a sentence, it is nobody). */
function partyIn(texts: string[]): string | undefined {
  const found = texts
    .map((t) => PARTY.exec(t.replace(COMMON_START, (w) => w.toLowerCase()))?.[1])
    .filter((p): p is string => !!p && !/^(?:it|that|this|there|we|i|you|they|not|no|yes|so|but|and|or|please|thanks|hi|hello|hey|look|well|ok|okay)$/i.test(p) && !FRAME_WORDS.has(foldTypography(p).toLowerCase()) && !LEADING_APOLOGY.test(p));
  // A party named with its article ("the finance operations team") over a capitalised word that only opened a clause ("Invoicing isn't my area").
  return found.find((p) => /^(?:the|your|our|their|head office)\b/i.test(p)) ?? found[0];
}
const INSTEAD = 'here’s what I can do instead: [option]';

/**
 * Blame taken apart: clauses that refuse or hand off go, what happened stays in the
 * agent's words (as a fact, not a guess), with an apology before it and the next step
 * owned after it: "Our seller partner shipped it late; we're only the marketplace." →
 * "I'm sorry — our seller partner shipped it late; I'll follow this up myself and
 * update you by [time]."
 */
export function ownFacts(sentence: string): string | null {
  const { lead, end, clauses, refused } = takeApart(sentence);
  const kept = clauses.filter((c) => !c.deflects);
  if (!kept.length) return null;
  let text = joinKept(kept).replace(COMMON_START, (w) => w.toLowerCase());
  // "Blame the new software — it's been rejecting vouchers": what "it" was stays named.
  const blamed = clauses[0]!.deflects ? BLAME_TARGET.exec(clauses[0]!.text)?.[1] : undefined;
  if (blamed) text = text.replace(/^it(?=['’]s\b| is\b| has\b| was\b| keeps\b)/u, blamed.replace(COMMON_START, (w) => w.toLowerCase()));
  if (words(text) < 3) return null;
  const close = end.trim() ? '.' : '';
  // An edit may already have owned the next step ("I'll contact the warranty team … by [time]").
  if (/\bI['’]ll\b[^;]*\[time\]/.test(text) && (owns(text) || /\bmyself and update you by \[time\]/.test(text))) return `${lead}I’m sorry — ${text}${close}`;
  // After a refusal the honest next step is what can be done instead, not a promise to fix it.
  return `${lead}I’m sorry — ${text}; ${stepFor(refused, aboutIn(clauses.filter((c) => c.deflects), text))}${close}`;
}

const BLAME_TARGET = /^\s*blame (?:it on )?((?:the|our|your|their) [^,;:—–]+?)\s*$/iu;

/** What a refusal is about ("there's nothing we can do about your parcel from Canada"), where the kept words don't say it already. */
const ABOUT_WHAT = /\b(?:(?:do|help)(?: you)?(?: anything| much| a thing)? (?:about|with)|offer(?: you)?(?: anything| much)? (?:for|on|about|towards))\s+((?:the|your|our|this|that|these|those|any) [^,;:.!?—–]+?)\s*$/iu;
/** What a deflection hands off, as its subject ("any login problems with Mathsworld need to go through them"). */
const ABOUT_SUBJECT =
  /^(?:(?:so|and|but|since|because|as)\s+)?(?:(?:any|all|these|those|the|your|our)\s+([^,;:.!?—–]+?)|anything to do with ([^,;:.!?—–]+?)|(?:complaints?|questions?|problems?|issues?) (?:about|with) ([^,;:.!?—–]+?)|(\p{L}[\p{L}-]*s(?: (?:on|with|to|for|about|of|in) [^,;:.!?—–]+?)?))\s+(?:is|are|will be|would be|needs?|has|have|must|should)\s+(?:to go |really |all |entirely |got )?(?:down to|up to|between you and|through|for (?:them|him|her|the)|go to|to go|nothing to do|a matter for)\b/iu;
function subjectOf(text: string): string | undefined {
  // Matched on the folded text (same length), read back from the agent's own characters.
  const typed = text.replace(OPENER, '');
  const m = ABOUT_SUBJECT.exec(foldTypography(typed));
  if (!m) return undefined;
  const phrase = m[1] ?? m[2] ?? m[3] ?? m[4]!;
  const at = m.index + m[0].indexOf(phrase);
  const said = typed.slice(at, at + phrase.length);
  if (m[1]) {
    const det = /^\s*(?:(?:so|and|but|since|because|as)\s+)?(\p{L}+)/iu.exec(m[0])?.[1]?.toLowerCase();
    return `${det === 'your' || det === 'our' ? det : 'the'} ${said}`;
  }
  return m[2] ? said : `the ${said}`;
}
function aboutIn(dropped: Clause[], kept: string): string | undefined {
  const keptWords = new Set(foldTypography(kept).toLowerCase().match(/\p{L}+/gu) ?? []);
  for (const c of dropped) {
    const about = ABOUT_WHAT.exec(c.text)?.[1] ?? subjectOf(c.text);
    if (about && (foldTypography(about).toLowerCase().match(/\p{L}{4,}/gu) ?? []).some((w) => !keptWords.has(w))) return about.replace(/^(?:any|these|those) /iu, 'the ');
  }
  return undefined;
}
const stepFor = (refused: boolean, about: string | undefined) =>
  about ? (refused ? `here’s what I can do about ${about} instead: [option]` : `I’ll follow up on ${about} myself and update you by [time]`) : refused ? INSTEAD : NEXT_STEP;

/**
 * The same, on the words that carry the blame only: where the deflection is the end of
 * the sentence, what happened stays exactly as typed and the deflection becomes the owned
 * next step ("The franchisee sets the opening hours, head office has no control over that."
 * → "The franchisee sets the opening hours, but I'll follow this up myself and update you by
 * [time]."); where it opens the sentence, an apology (or the owned step) takes its place.
 */
export function ownInPlace(sentence: string): string[] {
  const { lead, end, clauses, refused } = takeApart(sentence);
  const firstFact = clauses.findIndex((c) => !c.deflects);
  if (firstFact < 0) {
    // Nothing but the hand-off ("Sorry, but that's the courier's responsibility."): the party it names is who the agent takes it up with.
    const party = refused ? undefined : partyIn(clauses.map((c) => c.text.replace(OPENER, '').replace(LINK_START, '')));
    return party ? [`${lead}I’m sorry about this; ${takeUp(party.replace(COMMON_START, (w) => w.toLowerCase()))}${end.trim() ? '.' : ''}`] : [];
  }
  if (clauses.length < 2) return [];
  const out: string[] = [];
  let lastFact = clauses.length - 1;
  while (lastFact >= 0 && clauses[lastFact]!.deflects) lastFact--;
  const kept = clauses.slice(firstFact, lastFact + 1);
  // A deflection between two facts is not one frame to lift out: the whole-sentence repair handles it.
  if (kept.some((c) => c.deflects)) return [];
  const close = end.trim() ? '.' : '';
  const typed = kept.map((c, i) => (i ? c.sep + c.text : c.text)).join('');
  if (words(typed) < 3) return [];
  const deflections = [...clauses.slice(0, firstFact), ...clauses.slice(lastFact + 1)];
  // A deflection that names who to go to keeps them, as the one the agent takes it up with.
  const dropped = deflections.map((c) => c.text.replace(OPENER, '').replace(LINK_START, ''));
  const party = partyIn(dropped);
  // Only a deflection that says nothing else goes: "because of too many wrong password attempts" is what happened.
  // What a refusal is about stays, in the step ("…; here's what I can do about the roaming charges instead").
  const about = aboutIn(deflections, typed);
  const carried = foldTypography(`${party ?? ''} ${about ?? ''}`).toLowerCase();
  const said = (foldTypography(dropped.join(' ')).toLowerCase().match(/\p{L}+/gu) ?? []).filter(
    (w) => w.length > 3 && !FRAME_WORDS.has(w) && !carried.includes(w),
  );
  if (said.length) return [];
  const step = about || refused || !party ? stepFor(refused, about) : takeUp(party.replace(COMMON_START, (w) => w.toLowerCase()));
  if (lastFact < clauses.length - 1 && firstFact === 0) {
    // "X, head office has no control over that." → "X, but I'll take it up with head office …": the
    // agent's separator stays, so the underline starts at the deflection, not before it.
    const sep = clauses[lastFact + 1]!.sep;
    const joint = /^\s*[;—–-]/.test(sep) ? sep : ', but ';
    out.push(`${lead}${typed}${joint}${step}${close}`);
  } else if (firstFact > 0 && lastFact === clauses.length - 1) {
    // "I'm just the messenger here, the decision was made by the claims team." → "I'm sorry — the decision …"
    const rest = joinKept(kept).replace(COMMON_START, (w) => w.toLowerCase());
    if (words(rest) < 3) return [];
    // "That's not my department, billing handles refunds." → "Billing handles refunds, so I'll take it up
    // with billing myself…": the team the agent named is the one the agent goes to. An apology alone
    // ("I'm sorry — billing handles refunds.") would still leave the customer to go to them.
    const owner = refused ? null : HANDLER.exec(rest);
    if (owner) {
      out.push(`${lead}${capitalise(rest)}, so ${takeUp(owner[1]!.replace(COMMON_START, (w) => w.toLowerCase()))}${close}`);
    } else {
      // What the refusal was about is not dropped: it is what the step offers to do something about.
      out.push(about ? `${lead}I’m sorry — ${rest}; ${step}${close}` : `${lead}I’m sorry — ${rest}${end}`);
      if (!refused && !/^I (?:don|can|won|didn|am not|’m not|'m not)/.test(rest)) out.push(`${lead}${capitalise(step)} — ${rest}${end}`);
    }
  }
  return out;
}

function withHelpfulTail(sentence: string, category: Category): string | null {
  // What a lecture or an argument becomes with the edge gone: the fact, and an offer to help.
  const tail = OFFER[category];
  if (!tail || /\b(?:happy to help|get this right|put it right|sort it out for you)\b/i.test(sentence)) return null;
  const end = END.exec(sentence)?.[0] ?? '';
  const body = sentence.slice(0, sentence.length - end.length).replace(/[\s,;:—–-]+$/u, '');
  if (words(body) < 3) return null;
  return `${body}; ${tail}${end.trim() ? '.' : ''}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A lecture's frame swapped for a friendly one, the fact kept as typed: "I'm sure you're
 * aware that passwords are case-sensitive." → "In case it helps, passwords are
 * case-sensitive." Only the frame changes, so the underline stays on it.
 */
function withHelpfulLead(original: string, edited: string, category: Category): string | null {
  if (category !== 'lecturing') return null;
  const lead = /^\s*/.exec(edited)?.[0] ?? '';
  const body = edited.slice(lead.length);
  const first = /^[\p{L}'’-]+/u.exec(body)?.[0];
  // An instruction with "please" stays as it is; an edit that already softens ("It's easy to
  // forget…", "Normally you'd need…") or owns needs no second frame.
  if (!first || words(body) < 3 || /^(?:please|in|i|i['’]m|i['’]ll|i['’]ve|we|we['’]re|we['’]ll|we['’]ve|let|here|happy|sorry|normally|according|under|per|as)$/i.test(first)) return null;
  if (/^it['’]s (?:easy|quick|best|a good idea)\b|^the easiest\b|\beasy to (?:miss|forget)\b/i.test(body)) return null;
  // Lower-cased unless it reads as a name: capitalised where the agent typed it mid-sentence, or all capitals.
  const named = first.length > 1 && (first === first.toUpperCase() || new RegExp(`[\\p{L}\\p{N},;:] ${escapeRegExp(first)}\\b`, 'u').test(original));
  const rest = named ? body : first.toLowerCase() + body.slice(first.length);
  return `${lead}In case it helps, ${rest}`;
}

/** The last resort per category, when nothing of the sentence can be kept; exported so a test can check each passes the checks itself. */
export const WHOLE: Record<Category, string> = {
  'blame-shifting': 'I’ll sort this out for you myself and update you by [time].',
  // Not "I'm on it": an untimed promise, which the checks flag as vague.
  defensive: 'I understand why this is frustrating, and I want to get it sorted for you.',
  lecturing: 'Here’s what I can do now: [option].',
  'non-apology': 'I’m sorry we let you down, and I want to put it right.',
  'vague-commitment': 'I’ll update you by [time] with what I’ve found.',
};

const ABOUT: Record<Category, (topic: string) => string> = {
  'blame-shifting': (t) => `I’m sorry about ${t}; I’ll follow this up myself and update you by [time].`,
  defensive: (t) => `I hear you about ${t}, and I want to get this right for you.`,
  lecturing: (t) => `I’m happy to help with ${t}; here’s what I can do: [option].`,
  // Not "I want to put it right": after an apology about feelings the thing itself often stands (a tariff, a policy), and a promise to change it would be a reversal.
  'non-apology': (t) => `I’m sorry about ${t}, and I’m happy to go through it with you.`,
  'vague-commitment': (t) => `I’ll update you on ${t} by [time].`,
};

/**
 * Candidate rewrites of the whole sentence: `edits` change the agent's sentence (lightest
 * first), `replacements` stand in for it when the whole sentence is the problem (naming
 * what it was about where they can). The verifier keeps those not flagged again.
 */
export function repairs(input: RepairInput): { edits: string[]; owned: string[]; replacements: () => string[] } {
  const { sentence, category } = input;
  const edits: string[] = [];
  const owned: string[] = [];
  const frame = dropFrame(input);
  if (frame) edits.push(frame);
  if (category === 'vague-commitment') {
    const own = ownPromise(sentence);
    if (own) edits.push(own);
  }
  if (category === 'non-apology') {
    const own = ownApology(sentence);
    if (own) edits.push(own);
  }
  if (category === 'blame-shifting') {
    // A known shape is rebuilt ("not my department" → "I'll get the right team on this");
    // otherwise what happened stays as the agent wrote it, the deflection goes, and it is owned.
    const own = ownBlame(sentence);
    if (own) edits.push(own);
    // On the sentence as the edits left it (a customer's error restated without "you must have").
    const facts = ownFacts(input.edited[0] ?? sentence);
    if (facts) owned.push(facts);
    owned.push(...ownInPlace(input.edited[0] ?? sentence), ...(input.edited[0] ? ownInPlace(sentence) : []));
    // Not an owned repair: what the rule matched must be gone from it, since the agent's words stay.
    const after = ownAfter(input.edited[0] ?? sentence, sentence);
    if (after) edits.push(after);
  }
  // A defence or lecture in a clause of its own goes; the clauses that say what happened stay as typed.
  if (input.flags) edits.push(...liftFrames(sentence, category, input.flags));
  // The edited sentence with an offer to help, where the edit alone still reads as a lecture.
  for (const edited of input.edited.slice(0, 3)) {
    const led = withHelpfulLead(sentence, edited, category);
    if (led) edits.push(led);
    const helped = withHelpfulTail(edited, category);
    if (helped) edits.push(helped);
  }
  const lead = /^\s*/.exec(sentence)?.[0].length ?? 0;
  // The sentence's own ending (full stop, "!", a closing emoji, none in chat) stays.
  // ("3%." ends on its number's sign, not on punctuation.)
  let tail = /[^\p{L}\p{N}\]%$£€]*$/u.exec(sentence)?.[0] ?? '';
  // "competitors’." ends on an apostrophe, not a closing quote: it belongs to the word.
  if (/^['’]/.test(tail) && !/(?:^|\s)['‘]/u.test(sentence)) tail = tail.slice(1);
  const differs = (s: string) => s !== sentence;
  // Lazy: naming the topic tags the sentence, and is only needed when no edit passed.
  const replacements = (): string[] => {
    const out: string[] = [];
    // A replacement still names what the sentence was about; the stock line only when nothing is named.
    const topic = topicOf(sentence);
    // After a refusal or a decision that stands, the next step is what can be done instead.
    const folded = foldTypography(sentence);
    const about = category === 'blame-shifting' && (FINAL.test(folded) || REFUSES.test(folded))
      ? (t: string) => `I’m sorry about ${t}; here’s what I can do instead: [option].`
      : ABOUT[category];
    if (topic) out.push(sentence.slice(0, lead) + about(topic).replace(END, '') + tail);
    out.push(sentence.slice(0, lead) + WHOLE[category].replace(END, '') + tail);
    return [...new Set(out)].filter(differs);
  };
  return { edits: [...new Set(edits)].filter(differs), owned: owned.filter(differs), replacements };
}

/** Where two versions of a sentence differ, widened to whole words: [start, end) in the original. */
export function changedRange(original: string, rewritten: string): { start: number; end: number; replacement: string; removes: boolean } {
  let a = 0;
  while (a < original.length && a < rewritten.length && original[a] === rewritten[a]) a++;
  let b = 0;
  while (b < original.length - a && b < rewritten.length - a && original[original.length - 1 - b] === rewritten[rewritten.length - 1 - b]) b++;
  let start = a, end = original.length - b;
  // Whether the edit takes any of the agent's words away (not only adds to them).
  const removes = /[\p{L}\p{N}]/u.test(original.slice(start, Math.max(start, end)));
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}'’\[\]]/u.test(ch);
  // Widened only where the edit starts or ends inside a word (", head office" → "; I'll" starts at the comma).
  const tailAt = rewritten.length - (original.length - end);
  if (isWord(original[start]) || isWord(rewritten[start])) while (start > 0 && isWord(original[start - 1])) start--;
  if (isWord(original[end - 1]) || isWord(rewritten[tailAt - 1])) while (end < original.length && isWord(original[end])) end++;
  return { start, end, replacement: rewritten.slice(start, rewritten.length - (original.length - end)), removes };
}
