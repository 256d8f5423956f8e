// Deterministic benchmark texts: customer-support replies of ~50, ~200 and ~2,000 words,
// assembled from a fixed list of realistic sentences with a seeded PRNG.
// Roughly a third of the body sentences carry phrasing Tactful should flag
// (blame-shifting, defensive, lecturing, non-apology, vague commitment); the rest are polite.

export const SEED = 20240611;

/** mulberry32: small, fast, deterministic PRNG returning floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];

const NAMES = ['Sam', 'Priya', 'Jordan', 'Mrs. Okafor', 'Luis', 'Hannah', 'Mr. Lindqvist', 'Aiko'];
const AGENTS = ['Alex', 'Morgan', 'Chris', 'Dana', 'Jamie', 'Riley'];
const ITEMS = ['blue rain jacket', 'wireless headphones', 'coffee grinder', 'standing desk', 'annual plan', 'phone case'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

const GREETINGS = ['Hi {name},', 'Hello {name},', 'Dear {name},', 'Hey {name},'];

const POLITE = [
  'Thanks for getting in touch about order #{order}.',
  'Thank you for your patience while I looked into this.',
  "I'm sorry we sent the wrong size of the {item}.",
  "I apologise, that's our mistake.",
  "I've checked your account and I can see exactly what happened.",
  "I've issued a full refund of ${amount} to your card.",
  'The refund should appear on your statement within three to five business days.',
  "I'll email you the tracking number by 3 pm today.",
  'Our engineer, {agent}, will call you tomorrow morning.',
  "I've already sent a replacement {item} that arrives on {day}.",
  "It isn't your fault, we sent it to the wrong address.",
  "I've added a note to your account so nobody asks you to explain this again.",
  'Could you send me a photo of the label so I can pick the right replacement?',
  "You'll need to sign in again after the update.",
  "I've waived the delivery fee on this order.",
  'I completely understand how frustrating it is to wait this long.',
  "I'll check in with you on {day} to make sure everything arrived safely.",
  'Your new password link is valid for the next 24 hours.',
  "I've escalated this to our warehouse team and I'll update you by noon tomorrow.",
  'Please let me know if there is anything else I can help with.',
  "I really appreciate you flagging this, it helps us fix it for everyone.",
  "I've moved your delivery to {day} as you asked.",
];

const FLAGGED = [
  // blame-shifting
  "That's not my department.",
  'Billing handles that, not me.',
  'The courier must have mixed it up.',
  'You probably typed your email wrong.',
  'Rules are rules, my hands are tied.',
  // defensive
  'As I already said, it shipped.',
  'Like I told you yesterday, it shipped on {day}.',
  'We followed procedure.',
  "It's just a small delay.",
  'Please lower your voice.',
  // lecturing
  'You should have read the email.',
  'You were supposed to check the size chart.',
  'As our website plainly says, returns take ten days.',
  'Naturally, you need a receipt.',
  "It's easy if you follow the guide.",
  // non-apology
  'Sorry if you were upset.',
  'Sorry this upset you.',
  'Apologies if there was any misunderstanding.',
  'We regret any disappointment caused.',
  // vague commitment
  "We'll get back to you when possible.",
  "Hopefully it's resolved soon.",
  'Someone will look at it.',
];

const CLOSINGS = [
  'Best regards,\n{agent}',
  'Kind regards,\n{agent}\nCustomer Support',
  'Thanks again,\n{agent}',
  'All the best,\n{agent}',
];

function fill(template, r) {
  return template
    .replace(/\{name\}/g, () => pick(r, NAMES))
    .replace(/\{agent\}/g, () => pick(r, AGENTS))
    .replace(/\{item\}/g, () => pick(r, ITEMS))
    .replace(/\{day\}/g, () => pick(r, DAYS))
    .replace(/\{order\}/g, () => String(100000 + Math.floor(r() * 900000)))
    .replace(/\{amount\}/g, () => (10 + r() * 290).toFixed(2));
}

export const countWords = (text) => (text.match(/\S+/g) ?? []).length;

/**
 * One reply of about `targetWords` words: greeting, paragraphs of 3-6 sentences, closing.
 * The word count lands within one sentence of the target.
 */
export function makeReply(targetWords, seed = SEED) {
  const r = rng(seed);
  const greeting = fill(pick(r, GREETINGS), r);
  const closing = fill(pick(r, CLOSINGS), r);
  let words = countWords(greeting) + countWords(closing);
  const paragraphs = [];
  let para = [];
  let paraLen = 3 + Math.floor(r() * 4);
  const recent = []; // avoid repeating a template within the last few sentences
  while (words < targetWords) {
    const source = r() < 0.35 ? FLAGGED : POLITE;
    let template = pick(r, source);
    while (recent.includes(template)) template = pick(r, source);
    recent.push(template);
    if (recent.length > 6) recent.shift();
    const sentence = fill(template, r);
    para.push(sentence);
    words += countWords(sentence);
    if (para.length >= paraLen) {
      paragraphs.push(para.join(' '));
      para = [];
      paraLen = 3 + Math.floor(r() * 4);
    }
  }
  if (para.length) paragraphs.push(para.join(' '));
  return [greeting, ...paragraphs, closing].join('\n\n');
}

export const SIZES = [
  { id: '50w', words: 50 },
  { id: '200w', words: 200 },
  { id: '2000w', words: 2000 },
];

/** Number of distinct variants per size that the warm loops rotate through (same for every engine). */
export const VARIANTS = 8;

/** Deterministic texts per size: `variants[0]` is the reference text (cold start, incremental, memory). */
export function makeCorpus() {
  return SIZES.map((size, si) => {
    const variants = [];
    for (let v = 0; v < VARIANTS; v++) variants.push(makeReply(size.words, SEED + si * 1000 + v));
    return { ...size, variants, text: variants[0] };
  });
}
