/**
 * Reply-level tips: what a good reply has that this one lacks. They look at the
 * reply as a whole (the agent's part), so they are cheap regular expressions.
 */
import { hasTime } from './context';
import { blankPlaceholders } from './placeholders';
import type { Sentence } from './segment';
import type { Category, Tip } from './types';

const GREETING = /^\W*(?:hi|hello|hey|heya|hiya|dear|good (?:morning|afternoon|evening|day)|greetings|morning|afternoon|evening|welcome|howdy)\b/;
const THANKS = /\b(?:thank|thanks|thx|ty|appreciate|grateful|glad you (?:reached|got in touch|wrote)|i (?:understand|can see|hear you|get (?:it|why|that))|i know how|i can imagine|that sounds|must (?:be|have been) (?:so )?(?:frustrating|annoying|stressful|disappointing|upsetting)|understandabl[ey])\b/;
const PROBLEM = /\b(?:damaged|broken|late|delay(?:ed)?|missing|lost|wrong|error|charged twice|double[- ]charged|overcharged|not working|doesn't work|didn't (?:arrive|work|get|receive)|hasn't (?:arrived|shipped)|never (?:arrived|received|got)|complain(?:t|ed)?|faulty|defective|crash(?:ed|es|ing)?|outage|failed|frustrat(?:ed|ing)|disappointed|upset|unacceptable|chipped|cracked|creased|scratched|torn)\b/;
/** In the customer's quoted words a problem shows in more ways: complaints, "still nothing??", "where is my…". */
const CUSTOMER_PROBLEM = /\b(?:damaged|broken|broke|late|delay\w*|missing|lost|wrong|error|charged|overcharged|not working|stopped|doesn't|didn't|won't|can't|cannot|never|still|nothing|no one|nobody|again|furious|angry|annoyed|upset|disappointed|frustrat\w*|unacceptable|joke|ridiculous|terrible|awful|worst|complain\w*|refund|where is|where's|promised|chipped|cracked|creased|scratched|torn|faulty|defective|crash\w*|fail\w*|issue|problem)\b|\?\?|!!/;
const OWNERSHIP = /\b(?:sorry|apologi[sz]e|apologies|my (?:mistake|fault|bad)|our (?:mistake|fault|error)|on (?:us|me)|i take (?:full )?responsibility|we messed up|i messed up|we got (?:this|that|it) wrong|that shouldn't have happened|should(?:n't| not) have happened|i(?:'m| am) going to (?:fix|sort|make)|let me (?:fix|sort|make) (?:this|it|that) right)\b/;
const STEP = /\b(?:will|'ll|shall|going to|have|'ve|has|had|was|were|is|are|am|'m|'s|'re|\w+ed)\b/;
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
export function replyTips(sentences: Sentence[], lowered: string[], customerLower: string, flagged: Array<Set<Category>>): Tip[] {
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
  const problem = PROBLEM.test(agentText) || CUSTOMER_PROBLEM.test(customerLower);
  const owns = lowered.some((s, i) => OWNERSHIP.test(s) && !flagged[i]?.has('non-apology'));
  if (problem && !owns) {
    tips.push({ id: 'ownership', message: 'The customer reported a problem: say sorry for it plainly and own the fix.' });
  }
  // A next step is any commitment or completed action tied to a concrete time, unless it is itself vague.
  // A `[time]` placeholder is not a time yet: the rules accept it (the agent is about to fill it in), the tip does not.
  const hasNextStep = lowered.some(
    (s, i) => STEP.test(s) && hasTime(blankPlaceholders(s)) && !flagged[i]?.has('vague-commitment'),
  );
  if (!hasNextStep) {
    tips.push({ id: 'next-step', message: 'Say what happens next, who does it and by when (a day or time).' });
  }
  // The closing offer usually sits just above the sign-off and name.
  const tail = lowered.slice(-4).join(' ');
  if (!CLOSING.test(tail)) {
    tips.push({ id: 'closing', message: 'Close by inviting them to reply if anything else comes up.' });
  }
  return tips;
}
