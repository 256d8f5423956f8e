import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index';

const REPLY = (line: string) =>
  `Hi Sam,\n\nThanks for writing, and I'm sorry about the delay. ${line}\n\nLet me know if anything else comes up.`;

describe('unfilled-placeholder', () => {
  it('flags a [time] left in the reply as an error, with exact offsets', () => {
    const text = REPLY("I'll update you by [time].");
    const f = analyze(text).findings.find((x) => x.ruleId === 'unfilled-placeholder');
    expect(f).toMatchObject({ severity: 'error', text: '[time]' });
    expect(text.slice(f!.start, f!.end)).toBe('[time]');
  });

  it('flags each placeholder a built-in rewrite leaves once it is applied', () => {
    const text = 'We will try to fix it asap.';
    const rewrite = analyze(text).findings[0]!;
    const applied = text.slice(0, rewrite.start) + rewrite.suggestions[0]!.replacement + text.slice(rewrite.end);
    expect(applied).toContain('[time]');
    expect(analyze(applied).findings.map((f) => f.ruleId)).toContain('unfilled-placeholder');
  });

  it('leaves Markdown links, [sic], quoted customer text and filled-in replies alone', () => {
    const quoted = `${REPLY("I'll call you at 3 pm today.")}\n\nOn Monday, Sam wrote:\n> I need it by [date] please`;
    for (const text of [REPLY('See [our guide](https://example.com) for the steps.'), REPLY('You wrote "recieve [sic]".'), quoted]) {
      expect(analyze(text).findings.filter((f) => f.ruleId === 'unfilled-placeholder')).toEqual([]);
    }
  });

  it('can be turned off like a rule', () => {
    const text = REPLY("I'll update you by [time].");
    expect(analyze(text, { disabledRules: ['unfilled-placeholder'] }).findings).toEqual([]);
    expect(analyze(text, { ignoredPhrases: ['[time]'] }).findings).toEqual([]);
  });
});

describe('next-step tip', () => {
  it('does not count a placeholder as a time', () => {
    expect(analyze(REPLY("I'll update you by [time].")).tips.map((t) => t.id)).toContain('next-step');
    expect(analyze(REPLY("I'll update you by 3 pm today.")).tips.map((t) => t.id)).not.toContain('next-step');
  });
});
