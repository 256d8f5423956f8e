// The 1 MB inputs the engine bench times ("worst 1 MB input"): the shapes that were slow
// (issue 11 items 5 and the length limit) and the densest flagged text that can be written,
// every sentence distinct so no per-sentence cache hides the work.
const MB = 1_000_000;

/** `make(i)` repeated with a space until the text is 1 MB (cut to exactly 1,000,000 units). */
function fill(make) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < MB; i++) {
    const s = make(i);
    parts.push(s);
    n += s.length + 1;
  }
  return parts.join(' ').slice(0, MB);
}

const FLAGGED = [
  "That's not my department, ticket N.",
  'Like I told you yesterday, order N shipped.',
  'You should have checked the size chart for item N.',
  "We'll get back to you about case N when possible.",
  'Sorry if you were upset about invoice N.',
];
const DENSE =
  "As I already said, you should have read the policy, which is not my department, and we'll get back to you when possible about order N, sorry if you were upset, the courier must have mixed it up.";

export function hostileInputs() {
  return [
    { id: 'distinct flagged sentences', text: fill((i) => FLAGGED[i % FLAGGED.length].replace('N', String(100000 + i))) },
    { id: 'dense flagged run-ons', text: fill((i) => DENSE.replace('N', String(100000 + i))) },
    { id: 'one flagged sentence repeated', text: fill(() => "That's not my department.") },
    { id: '"?!" run', text: `Hi${'?!'.repeat(MB / 2 - 1)}` },
    { id: '\\r only', text: '\r'.repeat(MB) },
    { id: 'U+2028 only', text: '\u2028'.repeat(MB) },
    { id: 'dashes', text: '-'.repeat(MB) },
    { id: 'one word', text: 'a'.repeat(MB) },
    { id: '"Thanks" lines', text: 'Thanks\n'.repeat(MB / 7) },
    { id: '"> " quoted lines', text: fill((i) => `\n> line ${i} of the customer's message, which never arrived`) },
    { id: 'emoji', text: '😀 '.repeat(MB / 3) },
  ];
}
