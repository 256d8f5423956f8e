/**
 * Reply-level tips: what a good reply has that this one lacks. They look at the
 * reply as a whole (the agent's part), so they are cheap regular expressions.
 */
import { hasTime } from './context';
import type { Sentence } from './segment';
import type { Category, Tip } from './types';

const GREETING = /^\W*(?:hi|hello|hey|heya|hiya|dear|good (?:morning|afternoon|evening|day)|greetings|morning|afternoon|evening|thanks|thank you|welcome|howdy)\b/;
const THANKS = /\b(?:thank|thanks|thx|ty|appreciate|grateful|glad you (?:reached|got in touch|wrote)|i (?:understand|can see|hear you|get (?:it|why|that))|i know how|i can imagine|that sounds|must (?:be|have been) (?:so )?(?:frustrating|annoying|stressful|disappointing|upsetting)|understandabl[ey])\b/;
const PROBLEM = /\b(?:damaged|broken|late|delay(?:ed)?|missing|lost|wrong|error|charged twice|double[- ]charged|overcharged|not working|doesn't work|didn't (?:arrive|work|get|receive)|hasn't (?:arrived|shipped)|never (?:arrived|received|got)|refund|complain(?:t|ed)?|issue|problem|faulty|defective|crash(?:ed|es|ing)?|outage|down|failed|cancel(?:l?ed)?|frustrat(?:ed|ing)|disappointed|upset|unacceptable)\b/;
const OWNERSHIP = /\b(?:sorry|apologi[sz]e|apologies|my (?:mistake|fault|bad)|our (?:mistake|fault|error)|on (?:us|me)|i take (?:full )?responsibility|we messed up|i messed up|we got (?:this|that|it) wrong|that shouldn't have happened|should(?:n't| not) have happened|i(?:'m| am) going to (?:fix|sort|make)|let me (?:fix|sort|make) (?:this|it|that) right)\b/;
const ACTION = /\b(?:i|we)(?:'ll|'ve| will| have| am going to|'m going to| just| already)*\s+(?:\w+ed|\w+ing|send|call|email|refund|replace|fix|ship|update|check|arrange|escalate|follow up|reach out|get back|process|issue|credit|book|confirm|look into|investigate|chase|contact)\b|\b(?:you(?:'ll| will) (?:receive|get|see|have)|expect|arrives?|will arrive|should arrive)\b/;
const CLOSING = /\b(?:let (?:me|us) know|any (?:other |more |further )?questions|happy to help|glad to help|here (?:to|if you need) help|here for you|feel free|reach out|just reply|reply to this|don't hesitate|do not hesitate|anything else|get in touch|i'm here|we're here|hope (?:this|that) helps|here if)\b/;

/** Tips only make sense on a reply, not on a half-typed fragment. */
const MIN_WORDS = 5;

/** Whether the sentences hold at least `min` words; stops counting once they do. */
function hasWords(sentences: string[], min: number): boolean {
  let n = 0;
  for (const s of sentences) {
    n += s.match(/\S+/g)?.length ?? 0;
    if (n >= min) return true;
  }
  return false;
}

/**
 * @param flagged categories found in each sentence: a non-apology is not ownership
 *   and a vague promise is not a next step.
 */
export function replyTips(sentences: Sentence[], lowered: string[], fullLower: string, flagged: Array<Set<Category>>): Tip[] {
  if (sentences.length === 0 || !hasWords(lowered, MIN_WORDS)) return [];
  const tips: Tip[] = [];
  const first = lowered[0] ?? '';
  if (!GREETING.test(first)) {
    tips.push({ id: 'greeting', message: 'Open with a greeting and the customer’s name; it tells them a person read their message.' });
  }
  const agentText = lowered.join(' ');
  if (!THANKS.test(agentText)) {
    tips.push({ id: 'thanks', message: 'Thank the customer or acknowledge how this feels before getting to the facts.' });
  }
  // A problem may be named in the quoted customer message as well as in the reply.
  const problem = PROBLEM.test(fullLower);
  const owns = lowered.some((s, i) => OWNERSHIP.test(s) && !flagged[i]?.has('non-apology'));
  if (problem && !owns) {
    tips.push({ id: 'ownership', message: 'The customer reported a problem: say sorry for it plainly and own the fix.' });
  }
  const hasNextStep = lowered.some((s, i) => ACTION.test(s) && hasTime(s) && !flagged[i]?.has('vague-commitment'));
  if (!hasNextStep) {
    tips.push({ id: 'next-step', message: 'Say what happens next, who does it and by when (a day or time).' });
  }
  const tail = lowered.slice(-3).join(' ');
  if (!CLOSING.test(tail)) {
    tips.push({ id: 'closing', message: 'Close by inviting them to reply if anything else comes up.' });
  }
  return tips;
}
