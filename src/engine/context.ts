/**
 * Named context checks that rules list under `unless`. They look at the closed
 * classes compromise's tagger is least needed for (pronouns, modals, times), so
 * they are plain expressions over the folded, lower-cased sentence.
 */
import type { ContextCheck } from './types';

export interface SentenceContext {
  /** Folded, lower-cased sentence. */
  lower: string;
  /** Folded, lower-cased next sentence of the same reply ('' at the end). */
  nextLower: string;
  /** Folded, lower-cased sentence before it ('' at the start, or unknown). */
  prevLower?: string;
}

const FIRST_PERSON = String.raw`\b(?:i|we)(?:'ve|'ll|'m|'re|'d)?(?:\s+(?:have|will|would|am|are|can|just|already|personally|also|now|had|went ahead and|will be|have now|'ll|'ve))*\s+`;
const ACTION_VERBS = String.raw`(?:confirm|confirmed|collect|collected|redeliver|redelivered|saved|noted|set up|sent|send|sending|refund(?:ed|ing)?|issu(?:ed|e|ing)|replac(?:ed|e|ing)|fix(?:ed|ing)?|arrang(?:ed|e|ing)|(?:re)?ship(?:ped|ping)?|escalat(?:ed|e|ing)|credit(?:ed|ing)?|call(?:ed|ing)?|email(?:ed|ing)?|reorder(?:ed|ing)?|book(?:ed|ing)?|upgrad(?:ed|e|ing)|waiv(?:ed|e|ing)|process(?:ed|ing)?|cancel(?:led|ed|ling|ing)?|reset(?:ting)?|updat(?:ed|e|ing)|contact(?:ed|ing)?|chas(?:ed|e|ing)|follow(?:ed|ing)? (?:(?:this|it|that) )?up|sort(?:ed|ing)? (?:it|this|that)|tak(?:en|e|ing) care|tak(?:en|e|ing) (?:it |this |that |them )?up with|put through|filed|file|raised|raise|opened|open|dispatch(?:ed|ing)?|reissu(?:ed|e)|covered|cover|paid|pay|applied|apply|added|add|restored|restore|resent|resend|corrected|correct|expedit(?:ed|e|ing)|priorit(?:ized|ised|ize|ise)|flagged|flag|made sure|make sure|personally|own(?:ed)? this|on it)`;
const OWNS_FIX = new RegExp(FIRST_PERSON + ACTION_VERBS + String.raw`\b`);
const OUR_MISTAKE = /(?<!not |n't |isn't |wasn't )\bour (?:mistake|fault|error|bad)\b|\b(?:that(?:'s| is| was)|it(?:'s| is| was)|which(?:'s| is| was)) (?:(?:entirely|totally|completely|all|really|definitely) )?(?:on us|on me|our (?:mistake|fault|error)|my (?:mistake|fault|error))\b/;

const TIME = new RegExp(
  [
    String.raw`\b(?:today|tonight|tomorrow|right away|straight away|immediately|right now|this (?:morning|afternoon|evening|week)|end of (?:the )?(?:day|today|week|business)|eod|cob|within the hour|first thing)\b`,
    String.raw`\b(?:on|by|before|until|next|this|from)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`,
    String.raw`\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`,
    String.raw`\b(?:by|before|at|until|around)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?`,
    String.raw`\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)\b`,
    String.raw`\b\d{1,2}:\d{2}\b`,
    String.raw`\b(?:within|in|under|inside)\s+(?:the next\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|24|48|72)(?:[-\s](?:to|or)[-\s]\d+)?\s*(?:business\s+|working\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\b`,
    // "in a few minutes" is a time; "in a few days" stays vague.
    String.raw`\b(?:within|in|under|inside)\s+(?:the next\s+)?(?:a few|a couple of)\s+(?:minutes?|mins?|hours?|hrs?)\b`,
    String.raw`\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b`,
    String.raw`\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b`,
    String.raw`\bnext (?:week|month|business day|working day)\b`,
    String.raw`\bin time for (?:the|your|his|her|their|christmas|easter)\b`,
    String.raw`\b(?:by|on|before|until) the \d{1,2}(?:st|nd|rd|th)\b`,
    String.raw`\blater (?:today|this (?:morning|afternoon|evening|week))\b`,
    String.raw`\b(?:by|before|over|on|at|this|next) (?:the )?weekend\b|\b(?:by|before) (?:the )?end of (?:the )?(?:week|month)\b`,
    String.raw`\[(?:time|date|day|deadline)\]`,
  ].join('|'),
);

const QUESTION_START = /^(?:could|can|would|will|do|does|did|is|are|may|might|shall|should) (?:you|we|i)\b/;
const QUESTION_END = /\?\s*["')\]]*\s*(?:\p{Extended_Pictographic}\s*)*$/u;

const REASSURES =
  /\b(?:(?:it|this|that)(?:'s| is|'s not| was)(?:n't| not)? (?:not )?(?:your|you)(?:r)? (?:fault|doing)|not your fault|nothing you did|you did(?:n't| not) do anything wrong|you(?:'ve| have) done nothing wrong|you did everything right|no need (?:for you )?to (?:worry|apologi[sz]e))\b/;

const OWNED_APOLOGY =
  /\b(?:sorry|apologi[sz]e|apologies)\b.{0,40}\b(?:for (?:our|my|the|we|i)\b|that (?:our|my|we|i)\b|(?:our|my) \w+(?: \w+)? (?:broke|lost|left|damaged|sent|missed|forgot|dropped|delivered|gave|charged|shipped|cancelled|mixed)\b|(?:broke|lost|damaged|missed|mixed up|double-charged|overcharged)\b|(?:our|my) (?:mistake|error|fault)|we (?:got|made|sent|missed|messed|dropped|lost|charged|shipped)|i (?:got|made|sent|missed|messed|dropped|lost|charged|shipped))/;

/** An apology and nothing else ("I'm sorry.", "So sorry about that!", "My apologies."): it hedges nothing and blames no one. */
const BARE_APOLOGY =
  /^\W*(?:(?:i|we)(?:'m|'re| am| are) |my |our )?(?:so |really |very |truly |terribly |deeply |incredibly )*(?:sorry|apologies)(?: (?:about|for) (?:that|this|the (?:mix-up|mistake|error|trouble|wait|delay|hassle)))?(?:,? [a-z]+)?[\s!.…]*$/;

const FIRST_PERSON_SUBJECT = /^(?:\W*)(?:i|we)\b/;

/**
 * An invitation to get in touch with help promised on contact ("DM us and we'll look into it",
 * "Send us an email and we will assist"): on a public channel that is the next step, not an
 * untimed promise. A vague time or a hedge in it still counts ("…and we'll assist asap").
 */
const HAND_OFF =
  /(?:^|[.!?:;()]\s+)(?:@\w+\s+)*(?:(?:hi|hey|hello)\b[^.!?]*?[,!.]\s*)?(?:please\s+|kindly\s+|feel free to\s+|just\s+|if you(?:'d| would) like to\s+|you(?:'re| are) welcome to\s+)?(?:(?:click|tap)(?: here| the link| below)? to\s+)?(?:dm|direct message|send|email|e-mail|message|reach out to|contact|drop|pm|give us a (?:call|ring|shout)|call|ring|follow|tweet|chat with|get in touch with|write to|ping|submit|fill(?: in| out)?|complete|share)\b[^.!?]*?(?:\band\b|\bso\b|,)\s*(?:we(?:'ll| will| can|'d| would)|i(?:'ll| will| can)|our (?:[\w-]+ ){0,2}team will|a member of (?:our|the) team will|someone will)\s+(?:be (?:happy|glad) to\s+)?(?:be in touch|get back(?: to you)?|help|assist|look into|take a look|have a look|check|review|get started|continue|take it from there|pick (?:this|it) up|get (?:this|that|it) sorted|sort (?:this|that|it) out)\b/;
/** The sentence before asks the customer to get in touch or send details ("Can you DM us your account's email?"). */
const ASKS_CONTACT = /\b(?:dm|direct message|send us|email us|e-mail us|message us|reach out|contact us|get in touch|drop us|share (?:this|it|them|the details|your)|let us know|tell us)\b/;
/** …and this one is only the help that follows ("We'll take a look backstage", "we'll get started"). */
const HELP_ON_CONTACT = /^(?:@\w+\s+)*(?:we(?:'ll| will| can)|i(?:'ll| will| can))\s+(?:be (?:happy|glad) to\s+)?(?:help|assist|take a look|look into|check|have a look|get started|continue|dig in|look|be waiting|wait)\b/;
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
const HEDGED = /\b(?:as soon as|asap|soon|shortly|in due course|when(?:ever)? (?:possible|we can)|at some point|hopefully|try to|do our best|eventually|see what we can)\b/;

const FUTURE = /\b(?:will|'ll|shall|going to|gonna)\b/;

const PAST_TIME = /\b(?:this morning|this afternoon|earlier today|earlier|yesterday|last (?:night|week|month)|\d+ (?:minutes|hours|days|weeks) ago)\b/g;
const PAST_MARKER = /\b(?:i've|we've|i have|we have|had|was|were|did|spoke|went|\w+ed)\b/;

/**
 * The part of a sentence whose times can date a promise: "I spoke to my supervisor this
 * morning and we'll be in touch" has no time for the promise, "The fix goes live on 14
 * March and I'll let you know" does. Past-time phrases before a future marker are dropped.
 */
function promisePart(lower: string): string {
  const m = FUTURE.exec(lower);
  if (!m) return lower;
  const before = lower.slice(0, m.index);
  return (PAST_MARKER.test(before) ? before.replace(PAST_TIME, ' ') : before) + lower.slice(m.index);
}

/** An offer whose content the agent fills in, as `[time]` counts as a time: "here's what I can do instead: [option]". */
const OFFERS = /\bhere(?:'s| is) what (?:i|we)(?: can|'ll| will) do\b[a-z ]{0,20}: \[(?:option|next step)\]/;

function ownsFix(lower: string): boolean {
  return OWNS_FIX.test(lower) || OUR_MISTAKE.test(lower) || OFFERS.test(lower);
}

export function checkContext(check: ContextCheck, ctx: SentenceContext): boolean {
  switch (check) {
    case 'question':
      return QUESTION_END.test(ctx.lower) || QUESTION_START.test(ctx.lower);
    case 'owns-fix':
      return ownsFix(ctx.lower) || ownsFix(ctx.nextLower);
    case 'has-time':
      return TIME.test(promisePart(ctx.lower));
    case 'reassures':
      return REASSURES.test(ctx.lower);
    case 'owned-apology':
      return OWNED_APOLOGY.test(ctx.lower);
    case 'bare-apology':
      return BARE_APOLOGY.test(ctx.lower);
    case 'first-person-subject':
      return FIRST_PERSON_SUBJECT.test(ctx.lower);
    case 'hand-off': {
      // A link's dots are not sentence ends ("Contact us via https://t.co/x and we'll be in touch").
      const lower = ctx.lower.replace(LINK, 'link');
      return (HAND_OFF.test(lower) || (HELP_ON_CONTACT.test(ctx.lower) && ASKS_CONTACT.test(ctx.prevLower ?? ''))) && !HEDGED.test(ctx.lower);
    }
  }
}

export function hasTime(lower: string): boolean {
  return TIME.test(lower);
}
