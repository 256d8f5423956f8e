import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, type AnalysisResult } from '../../src/engine/index';

function expectOffsetsHold(text: string, result: AnalysisResult) {
  for (const f of result.findings) {
    expect(f.text).toBe(text.slice(f.start, f.end));
    expect(f.end).toBeGreaterThan(f.start);
  }
}

describe('analyze', () => {
  it('flags the phrasing DESIGN.md lists and leaves the good versions alone', () => {
    const cases: Array<[string, string | null]> = [
      ['Billing handles that, not me.', 'blame-shifting'],
      ['Like I told you yesterday, it shipped.', 'defensive'],
      ['You were supposed to check the size chart.', 'lecturing'],
      ['Apologies if there was any misunderstanding.', 'non-apology'],
      ['Someone will look at it.', 'vague-commitment'],
      ["It isn't your fault — we sent it to the wrong address.", null],
      ["I already refunded it, so there's nothing you need to do.", null],
      ["Naturally, I've waived the fee.", null],
      ["You'll need to sign in again after the update.", null],
      ["I'm sorry we sent the wrong size.", null],
      ['Our engineer, Lee, will call you tomorrow morning.', null],
    ];
    for (const [text, category] of cases) {
      const categories = analyze(text).findings.map((f) => f.category);
      expect(categories, text).toEqual(category ? [category] : []);
    }
  });

  it('reads context: who the subject is, negation and modality', () => {
    expect(analyze("It's not your fault.").findings).toEqual([]);
    expect(analyze("It's not our fault.").findings.map((f) => f.category)).toEqual(['blame-shifting']);
    expect(analyze('I should have caught that earlier.').findings).toEqual([]);
    expect(analyze('You should have caught that earlier.').findings.map((f) => f.category)).toEqual(['lecturing']);
    expect(analyze('Could you check the size chart so we pick the right one?').findings).toEqual([]);
  });

  it('lets a hand-off be (help on contact is the next step), unless it hedges or has a vague time', () => {
    const cats = (t: string) => analyze(t, { tips: false }).findings.map((f) => f.category);
    expect(cats("DM us and we'll look into it.")).toEqual([]);
    expect(cats('Please send us an email and we will assist.')).toEqual([]);
    expect(cats("Can you DM us your account's email address? We'll take a look.")).toEqual([]);
    expect(cats('Oh no :( Send us a DM and we will look into it!')).toEqual([]);
    expect(cats("Contact us via https://t.co/fS660rQ8NQ and we'll be in touch.")).toEqual([]);
    expect(cats("DM us and we'll look into it asap.")).toEqual(['vague-commitment']);
    expect(cats("We'll take a look.")).toEqual(['vague-commitment']);
    expect(cats("We're looking into it.")).toEqual(['vague-commitment']);
    expect(cats("If you'd like to send us a DM about this, our customer services team will be happy to assist further.")).toEqual([]);
    // "In a few minutes" is a time with an owner; "in a few days" is still vague.
    expect(cats('I will reply to your DM in a few minutes.')).toEqual([]);
    expect(cats('Hi, please click to send us a private message and I will look into this.')).toEqual([]);
    expect(cats("We'll get back to you in a few days.")).toEqual(['vague-commitment']);
  });

  it('keeps UTF-16 offsets exact with smart quotes, emoji, NBSP, CRLF and ALL CAPS', () => {
    const text = 'Hi Jo 👋\r\n\r\nThat’s not my department.\u00a0As I already said, the refund 💸 has been processed.\r\nYOU SHOULD HAVE READ THE EMAIL.';
    const result = analyze(text);
    expectOffsetsHold(text, result);
    expect(result.findings.map((f) => f.category)).toEqual(['blame-shifting', 'defensive', 'lecturing']);
  });

  it('never flags quoted customer text, forwarded messages or signatures', () => {
    const text = [
      'Hi Dana,',
      '',
      'Thanks for your patience. Your replacement ships today and arrives Friday.',
      '',
      'Best regards,',
      'Sam — not my department, as I already said',
      '',
      'On Mon, 3 Mar 2025 at 09:12, Dana <dana@example.com> wrote:',
      '> You should have read my email. This is not my fault.',
      '> As I already said, it is broken.',
      '',
      '---------- Forwarded message ---------',
      "Sorry you feel that way. We'll get back to you when possible.",
    ].join('\n');
    expect(analyze(text).findings).toEqual([]);
    const sig = 'Thanks, I have refunded it today.\n-- \nAs I already said, rules are rules.';
    expect(analyze(sig).findings).toEqual([]);
  });

  it('gives reply-level tips for a reply that lacks greeting, ownership, a timed next step and a closing', () => {
    const text = 'Your parcel was damaged in transit. The courier handles claims for damaged parcels. We will look into it and get back to you.';
    const ids = analyze(text).tips.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['greeting', 'ownership', 'next-step', 'closing']));
    const good = "Hi Priya,\n\nThanks for letting me know, and I'm sorry your parcel arrived damaged — that's on us. I've sent a replacement that arrives Thursday by 1 pm.\n\nLet me know if there's anything else I can do.\n\nBest,\nSam";
    expect(analyze(good).tips).toEqual([]);
  });

  it('applies team packs, disabled rules and ignored phrases', () => {
    const pack = {
      schemaVersion: 1 as const,
      name: 'Team',
      version: '1',
      rules: [
        {
          id: 'no-per-policy',
          category: 'blame-shifting' as const,
          severity: 'error' as const,
          message: 'Say what you can do.',
          patterns: ['per our policy'],
          suggestions: [{ template: 'here is what I can do' }],
          examples: { flags: ['Per our policy, no.', 'It is closed per our policy.'], allows: ['Our policy helps.', 'Per your request.'] },
        },
      ],
      overrides: { 'as-i-said': { enabled: false } },
    };
    const text = 'Per our policy, it ships Monday. As I already said, it shipped.';
    // The rule is off, but the learned check still hears the edge in "As I already said" until it is turned off too.
    expect(analyze(text, { packs: [pack] }).findings.map((f) => f.ruleId)).toEqual(['no-per-policy', 'model/defensive']);
    const findings = analyze(text, { packs: [pack], disabledRules: ['model/defensive'] }).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['no-per-policy']);
    expect(findings[0]!.severity).toBe('error');
    expect(analyze(text, { packs: [pack], disabledRules: ['no-per-policy', 'model/defensive'] }).findings).toEqual([]);
    expect(analyze('Rules are rules.', { ignoredPhrases: ['RULES ARE RULES'] }).findings).toEqual([]);
  });

  it('gives the same findings incrementally as from scratch while a reply is typed', () => {
    const reply = "Hi Sam, thanks for waiting. That's not my department. As I already said, it shipped Monday. We'll get back to you when possible.";
    const analyzer = createAnalyzer();
    for (let i = 1; i <= reply.length; i += 7) {
      const partial = reply.slice(0, i);
      expect(analyzer.analyze(partial)).toEqual(analyze(partial));
    }
    // Editing one sentence in the middle.
    const edited = reply.replace('Monday', 'on Monday');
    expect(analyzer.analyze(edited)).toEqual(analyze(edited));
  });

  it('finishes on hostile input: a 1 MB paste, a huge word, hundreds of findings', () => {
    const big = "That's not my department. ".repeat(40_000); // ~1 MB
    const result = analyze(big);
    // Every sentence within the first 20,000 characters checked (25 characters each), the rest said to be unchecked.
    expect(result.findings.length).toBe(800);
    expectOffsetsHold(big, result);
    expect(result.warnings?.map((w) => [w.kind, w.start, w.end])).toEqual([['truncated', 800 * 26, big.length]]);
    expect(analyze(big, { maxCheckedChars: Infinity }).findings.length).toBe(40_000);
    const word = 'a'.repeat(200_000);
    expect(analyze(`${word} ${word}`).findings).toEqual([]);
    const noBreaks = 'we will get back to you when possible and '.repeat(5_000);
    expectOffsetsHold(noBreaks, analyze(noBreaks));
  }, 60_000);

  it('rejects a non-string input clearly', () => {
    expect(() => analyze(42 as unknown as string)).toThrow(/text must be a string/);
  });
});

describe('createAnalyzer cache', () => {
  it('stays exact when several texts share one analyzer and overflow its sentence limit', () => {
    const analyzer = createAnalyzer({ cacheSentences: 50 });
    const a = "That's not my department. Thanks for waiting.";
    const b = 'Someone will look at it. Have a good day.';
    const first = analyzer.analyze(a);
    analyzer.analyze(b);
    // Served from the cache or recomputed, results equal a fresh analysis.
    expect(analyzer.analyze(a)).toEqual(first);
    expect(analyzer.analyze(a)).toEqual(analyze(a));
    // A long text beyond the limit still analyses correctly.
    const long = Array.from({ length: 200 }, (_, i) => `Order ${i} shipped today. We'll get back to you when possible.`).join(' ');
    expect(analyzer.analyze(long)).toEqual(analyze(long));
    expect(analyzer.analyze(a)).toEqual(analyze(a));
  });
});
