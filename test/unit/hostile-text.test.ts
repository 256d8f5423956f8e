// Regression tests for issue 11's text-side defects: offsets (4), segmentation gluing
// sentences (7), rewrites eating what wraps them (8), quotes after odd line breaks and early
// sign-offs (9), cuts inside surrogate pairs (10) and quadratic time on pasted runs (5).
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult, type RulePack } from '../../src/engine/index';
import { segment } from '../../src/engine/segment';

const policyPack: RulePack = {
  schemaVersion: 1,
  name: 'Team',
  version: '1',
  rules: [
    {
      id: 'per-our-policy',
      category: 'blame-shifting',
      severity: 'warning',
      message: 'Say what you can do.',
      patterns: ['per our policy'],
      suggestions: [{ template: "here's what I can do: [option]" }],
      examples: { flags: ['Per our policy, no.', 'It is closed per our policy.'], allows: ['Our policy helps.', 'Per your request.'] },
    },
    {
      id: 'billing-handles',
      category: 'blame-shifting',
      severity: 'warning',
      message: 'Own it.',
      patterns: ['[<team>billing] handles (that|this)'],
      suggestions: [{ template: "I'll get our {team} team on this" }],
      examples: { flags: ['Billing handles that.', 'Our billing handles this.'], allows: ['I handle billing.', 'Billing is done.'] },
    },
  ],
};

function apply(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

function expectContract(text: string, result: AnalysisResult) {
  for (const f of result.findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.text).toBe(text.slice(f.start, f.end));
  }
}

const only = (text: string, packs: RulePack[] = []) => analyze(text, { tips: false, packs });

describe('item 4: offsets after a free-standing punctuation token', () => {
  it.each(['( ', '" ', '— ', '(( ', '« '])('a sentence opening with %j keeps the span on the matched words', (lead) => {
    const text = `${lead}per our policy, refunds take 10 days.`;
    const result = only(text, [policyPack]);
    expectContract(text, result);
    const f = result.findings.find((x) => x.ruleId === 'per-our-policy')!;
    expect(f.text).toBe('per our policy');
    expect(apply(text, f.start, f.end, f.suggestions[0]!.replacement)).toBe(`${lead}Here's what I can do: [option], refunds take 10 days.`);
  });

  it('never ends past the input', () => {
    const text = '( per our policy';
    const result = only(text, [policyPack]);
    expect(result.findings.map((f) => [f.start, f.end])).toEqual([[2, 16]]);
  });

  it('captured words keep all their letters in the rewrite', () => {
    const text = '— billing handles that, sorry.';
    const f = only(text, [policyPack]).findings.find((x) => x.ruleId === 'billing-handles')!;
    expect(f.text).toBe('billing handles that');
    expect(f.suggestions[0]!.replacement).toBe("I'll get our billing team on this");
  });
});

describe('item 7: sentence-ending abbreviations and unknown closers do not glue sentences', () => {
  it.each([
    'I asked the warehouse and the answer is no.',
    'The courier came at 3 pm.',
    'We checked the box, the label, the seal etc.',
    'It shipped on 4 Dec.',
    '*I checked it twice.*',
    '«I checked it twice.»',
    '<b>I checked it twice.</b>',
  ])('a whole-sentence rewrite after %j keeps that sentence', (first) => {
    const text = `${first} That's not my department.`;
    const f = only(text).findings.find((x) => x.ruleId === 'not-my-department')!;
    expect(f).toBeDefined();
    expect(f.start).toBeGreaterThan(first.length - 1);
    expect(apply(text, f.start, f.end, f.suggestions[0]!.replacement).startsWith(`${first} `)).toBe(true);
  });

  it('keeps "No. 5" and "Dec. 12" inside one sentence', () => {
    const text = "Item No. 5 is not my department. It shipped Dec. 12 as planned.";
    expect(segment(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'Item No. 5 is not my department.',
      'It shipped Dec. 12 as planned.',
    ]);
    expect(only(text).findings.some((x) => x.ruleId === 'not-my-department')).toBe(true);
  });
});

describe('item 8: a rewrite keeps what wraps the sentence', () => {
  it.each([
    ['\u201C', '\u201D'],
    ['(', ')'],
    ['[', ']'],
    ['"', '"'],
    ['*', '*'],
  ])('quotes or brackets %s…%s stay', (open, close) => {
    const text = `${open}We'll get back to you when possible.${close}`;
    const f = only(text).findings[0]!;
    const out = apply(text, f.start, f.end, f.suggestions[0]!.replacement);
    expect(out.startsWith(open)).toBe(true);
    expect(out.endsWith(close)).toBe(true);
    expect(out).toContain('[time]');
  });

  it('a final emoji stays, and a sentence ending in an emoji does not run into the next', () => {
    for (const emoji of ['🙏', '❤️', '👍🏽', '👩‍💻']) {
      const text = `We'll get back to you when possible ${emoji} Thanks for waiting, Sam.`;
      const f = only(text).findings[0]!;
      expect(f.text).toBe("We'll get back to you when possible");
      const out = apply(text, f.start, f.end, f.suggestions[0]!.replacement);
      expect(out.endsWith(` ${emoji} Thanks for waiting, Sam.`)).toBe(true);
    }
  });
});

describe('item 9: quote lines and signatures', () => {
  it.each(['\r', '\u2028', '\u2029', '\u0085', '\r\n', '\v', '\f'])('a "> " line after %j is the customer\'s', (br) => {
    const text = `Hi Dana,${br}> You should have read my email.${br}> That's not my department.${br}I have refunded it today.`;
    expect(only(text).findings).toEqual([]);
    // The agent's own line after the same break is still checked.
    expect(only(`Hi Dana,${br}That's not my department.`).findings.map((f) => f.ruleId)).toEqual(['not-my-department']);
  });

  it('an early "Thanks!" line does not turn the reply below it into a signature', () => {
    const text = "Hi Sam,\nThanks!\nWe'll get back to you when possible.\nThat's not my department.\nBest,\nAlex";
    expect(only(text).findings.map((f) => f.ruleId)).toEqual(['no-time-follow-up', 'not-my-department']);
  });

  it('a real signature is still skipped', () => {
    const text = "I have refunded it today.\nBest regards,\nAlex Doe\nHead of Support, Acme Inc.\nnot my department, as I already said";
    expect(only(text).findings).toEqual([]);
  });
});

describe('item 10: the 600-character cut never splits an emoji', () => {
  it('cuts before the pair, and applying leaves no lone surrogate', () => {
    for (let pad = 595; pad <= 602; pad++) {
      const text = `${'x'.repeat(pad)}${'😀'.repeat(10)} that's not my department`;
      const result = only(text);
      expectContract(text, result);
      for (const f of result.findings) {
        const out = apply(text, f.start, f.end, f.suggestions[0]?.replacement ?? '');
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out)).toBe(false);
      }
    }
  });
});

describe('item 5: pasted runs take linear time', () => {
  const cases: Array<[string, string]> = [
    ['"Hi" + "?!" × 80,000', `Hi${'?!'.repeat(80_000)}`],
    ['1 MB of \\r', '\r'.repeat(1_000_000)],
    ['1 MB of U+2028', '\u2028'.repeat(1_000_000)],
    ['1 MB of dashes', '-'.repeat(1_000_000)],
    ['1 MB of spaces', ' '.repeat(1_000_000)],
    ['20,000 "Thanks" lines', 'Thanks\n'.repeat(20_000)],
    ['40,000 "Best," lines', 'Best,\n'.repeat(40_000)],
  ];
  it.each(cases)('%s finishes within 2 s', (_name, text) => {
    analyze('warm up. We will get back to you.');
    const t0 = performance.now();
    const result = analyze(text);
    const ms = performance.now() - t0;
    expectContract(text, result);
    // 1 s is the target on this machine (see the fuzz bench); 2 s leaves room for a loaded CI box.
    expect(ms).toBeLessThan(2000);
  });
});

describe('found by the fuzzer: words that are object members', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('a reply containing %j analyses', (word) => {
    const text = `Thanks for the ${word} report. That's not my department.`;
    expect(only(text).findings.map((f) => f.ruleId)).toEqual(['not-my-department']);
  });
});
