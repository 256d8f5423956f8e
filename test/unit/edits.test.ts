// The construction edits (src/rules/edits/<category>.json) are data: each says what it does by
// example, and none may be a pattern that could hang on a long word.
import { describe, expect, it } from 'vitest';
import { analyze, validatePack, type RulePack } from '../../src/engine/index';
import { EDIT_SPECS, applyEdit, baseForm, checkableSource, constructionEdits } from '../../src/engine/edits';
import { grammarProblems } from '../../src/engine/grammar';
import { WHOLE } from '../../src/engine/repair';
import { hangShape, parseRegex } from '../../src/engine/safe-regex';
import { CATEGORIES } from '../../src/engine/types';

describe('construction edits as data', () => {
  it('every edit has a unique id, a known category and at least one example', () => {
    expect(new Set(EDIT_SPECS.map((e) => e.id)).size).toBe(EDIT_SPECS.length);
    for (const e of EDIT_SPECS) {
      expect(CATEGORIES, e.id).toContain(e.category);
      expect(e.examples.length, e.id).toBeGreaterThan(0);
    }
  });

  it.each(EDIT_SPECS.map((e) => [e.id, e] as const))('%s does what its examples say', (_, spec) => {
    for (const [input, output] of spec.examples) expect(applyEdit(input, spec) ?? input).toBe(output);
  });

  it.each(EDIT_SPECS.map((e) => [e.id, e.find] as const))('%s cannot hang', (_, find) => {
    // The pack guard's checker, on the pattern without its lookaheads (which it does not parse;
    // each is a bounded alternation or a phrase) and with named groups as plain ones.
    expect(hangShape(parseRegex(checkableSource(find)))).toBeNull();
  });

  it('puts verbs in their base form for "It is easy to forget to …"', () => {
    expect(['checked', 'read', 'sent', 'taken', 'applied'].map(baseForm)).toEqual(['check', 'read', 'send', 'take', 'apply']);
  });

  it('chains the edits a sentence needs, keeping the agent’s curly apostrophes', () => {
    const out = constructionEdits('The item was sold by a third-party seller, not us, so the return has to go through them.', 'blame-shifting');
    expect(out[0]).toBe("The item was sold by a third-party seller, so I'll arrange the return with them myself and update you by [time].");
    expect(constructionEdits('As I’ve already said, the refund went out on Monday’s run.', 'defensive')[0]).toBe('The refund went out on Monday’s run.');
  });
});

/** The first finding's span, and the sentence with its first suggestion applied. */
const first = (text: string) => {
  const f = analyze(text, { tips: false }).findings[0]!;
  return { span: f.text, fixed: text.slice(0, f.start) + f.suggestions[0]!.replacement + text.slice(f.end) };
};

describe('rewrites that keep the agent’s facts', () => {

  it('drops a defensive frame and underlines only the frame', () => {
    const r = first('As I already said, the refund has been processed.');
    // The next word's capital changes with the frame gone, so it is part of the edit.
    expect(r.span).toBe('As I already said, the');
    expect(r.fixed).toMatch(/refund has been processed\.$/);
  });

  it('owns a hand-off to a third party without losing who or what', () => {
    const r = first('Payments are handled by Stripe, so any double charge would be on their end.');
    expect(r.fixed).toContain('Stripe');
    expect(r.fixed).toContain('double charge');
    expect(r.fixed).toMatch(/I’ll check any double charge with them myself and update you by \[time\]|I'll check any double charge with them myself and update you by \[time\]/);
    expect(r.span.length).toBeLessThan('Payments are handled by Stripe, so any double charge would be on their end.'.length * 0.6);
  });

  it('makes an apology about the thing, not the feeling', () => {
    const r = first('Sorry for any trouble our emails may have caused.');
    expect(r.fixed).toContain('our emails');
    expect(r.fixed).not.toMatch(/\bany\b|may have/);
  });

  it('keeps who the reply is addressed to: a name after a comma and a chat sign-off stay', () => {
    const r = first("We're sorry you feel this way, Paula.");
    expect(r.fixed).toMatch(/, Paula\.$/);
    const s = first('Hey there! The team is looking into this issue ^AM');
    expect(s.fixed).toMatch(/\[time\] \^AM$/);
  });

  it('after a refusal offers what can be done instead, never a promise to fix what was refused', () => {
    const r = first('I’m not authorized to approve refunds over $50, so there’s nothing more I can offer.');
    expect(r.fixed).toContain('refunds over $50');
    expect(r.fixed).toContain('[option]');
    expect(r.fixed).not.toMatch(/take care of it|follow this up/);
  });

  it('times a vague promise and keeps its action', () => {
    const r = first('A refund will be processed in due course.');
    expect(r.fixed).toBe('A refund will be processed by [time].');
  });

  it('underlines only the words the lightest fix takes away, not the sentence', () => {
    const vague = first('The replacement should be with you shortly.');
    expect(vague).toEqual({ span: 'shortly', fixed: 'The replacement should be with you by [time].' });
    const any = first('Sorry for any confusion around the new fares.');
    expect(any).toEqual({ span: 'any', fixed: 'Sorry for the confusion around the new fares.' });
    // A time added to an untimed promise underlines the promise.
    expect(first('Your request has been escalated and will be reviewed.')).toEqual({
      span: 'will be reviewed',
      fixed: 'Your request has been escalated and will be reviewed by [time].',
    });
  });

  it('keeps the source the agent named when it takes the edge off a pointer to it', () => {
    const r = first('Like the email says, your plan changes on the first of the month.');
    expect(r).toEqual({ span: 'Like the email says', fixed: 'According to the email, your plan changes on the first of the month.' });
  });

  it('owns what another party did, naming the same party, with one apology', () => {
    const f = analyze("It's the warehouse team who packed the wrong size.", { tips: false }).findings.find((x) => x.category === 'blame-shifting')!;
    const text = "It's the warehouse team who packed the wrong size.";
    expect(text.slice(0, f.start) + f.suggestions[0]!.replacement + text.slice(f.end)).toBe(
      "I'm sorry the warehouse team packed the wrong size; I'm taking it up with the warehouse team myself and will update you by [time].",
    );
  });

  it('puts a deadline on the update, not on a verb that cannot take one', () => {
    expect(first('Bear with us while we investigate.').fixed).toBe("Bear with us while we investigate, and I'll update you by [time].");
    // A promise to tell the customer once something happens is the update: it gets a latest time.
    expect(first('We’ll let you know once we hear back from the warehouse.').fixed).toBe(
      'I’ll let you know once we hear back from the warehouse, or by [time] at the latest.',
    );
    expect(first('We’ll keep you posted.').fixed).toBe('I’ll update you by [time].');
  });

  it('swaps a lecture’s frame for a friendly lead and keeps the fact as typed, underlining the frame', () => {
    expect(first('I’m sure you’re aware that passwords are case-sensitive.')).toEqual({
      span: 'I’m sure you’re aware that',
      fixed: 'In case it helps, passwords are case-sensitive.',
    });
  });

  it('keeps what happened where the agent put it and owns it after, underlining only what changes', () => {
    const text = 'The courier must have left it at the wrong house.';
    const r = first(text);
    expect(r.fixed).toBe("The courier left it at the wrong house; I'm sorry about that, and I'll follow this up myself and update you by [time].");
    expect(r.span.length).toBeLessThan(text.length * 0.8);
    // The customer as the cause is not kept as typed with an apology tacked on: that would still read as blame.
    expect(first('The direct debit bounced because you switched banks without telling us.').fixed).not.toMatch(/sorry about that, and/);
  });

  it('lifts a defence said in a clause of its own and keeps the rest as typed, with the customer’s name', () => {
    expect(first('There’s no need to shout, Mr Patel; I’m trying to find your booking for the Lisbon flight.')).toEqual({
      span: 'There’s no need to shout, Mr Patel;',
      fixed: 'Mr Patel, I’m trying to find your booking for the Lisbon flight.',
    });
    expect(first('I’m doing everything I can, but the replacement keycard still needs activating at reception.').fixed).toBe(
      'The replacement keycard still needs activating at reception.',
    );
    // An apology about feelings in its own clause is replaced by one, never just dropped.
    expect(first('Sorry this has upset you, the new parking permit zones start on 1 January.').fixed).toBe(
      "I'm sorry about that — the new parking permit zones start on 1 January.",
    );
    // A clause with facts of its own ("a £1.20 admin fee") is never lifted out.
    expect(first('It’s just a £1.20 admin fee, I wouldn’t call that a rip-off.').fixed).toContain('£1.20');
  });

  it('does not turn a hope with a time into a guarantee: the agent checks it happens', () => {
    expect(first('Hopefully it’ll be sorted by Monday.').fixed).toBe('I’ll check that it’s sorted by Monday and let you know.');
  });

  it('keeps what a refusal was about and what a denial said happened', () => {
    expect(first('Honestly the delay is down to customs, there’s nothing we can do about your parcel from Canada.').fixed).toBe(
      'I’m sorry — the delay is down to customs; here’s what I can do about your parcel from Canada instead: [option].',
    );
    expect(first('It’s not our fault the flight was delayed, it was air traffic control.').fixed).toMatch(/the flight was delayed/);
    expect(first('Your bank declined the £320 transfer, you’ll have to take that up with them.').fixed).toBe(
      'Your bank declined the £320 transfer; I’ll take that up with them myself and update you by [time].',
    );
  });

  it('keeps the facts inside a deflection: the customer’s action as what happened, a name, what is handed off, someone else’s refusal', () => {
    // The customer's action is said as what happened, not who did it; the facts in it stay.
    expect(first('Your account got locked because you typed the password wrong five times on the app.').fixed).toContain(
      'because the password was typed wrong five times on the app',
    );
    // A name set off by commas is who it was.
    expect(first('The previous agent, Priya, should have cancelled your membership in March.').fixed).toContain('Priya');
    // What a deflection hands off stays, as what the agent follows up.
    const handed = first('The marketplace seller ships from Rotterdam, so delays on the garden chairs are between you and them.').fixed;
    expect(handed).toContain('garden chairs');
    expect(handed).toContain('Rotterdam');
    expect(handed).not.toMatch(/between you and them/);
    // Someone else's refusal is a fact; only the agent's deflection goes.
    const refusal = first("Head office won't approve a second refund, it's not up to me.");
    expect(refusal.fixed).toContain("Head office won't approve a second refund");
    expect(refusal.fixed).not.toContain('not up to me');
    // A named party of two words is asked as named, with what about.
    expect(first('The rail operator cancelled it, so you’ll need to ask Great Western about a refund.').fixed).toContain(
      'I’ll ask Great Western about a refund for you and update you by [time]',
    );
  });

  it('answers a statistic offered as a defence without keeping it as an argument, naming what it was about in lower case', () => {
    expect(first('Eighty percent of our orders ship the same day, so this is very much a one-off.').fixed).toBe(
      'I hear you about our orders, and I want to get this right for you.'.replace(/’/g, "'"),
    );
    // "we delay refunds on purpose" without "obviously" would say the opposite of what the agent meant.
    expect(first('Oh sure, because we obviously delay refunds on purpose.').fixed).not.toMatch(/on purpose/);
  });

  it('never splices a step into the middle of a phrase, never turns "should really have" into an instruction, and keeps a refusal honest', () => {
    expect(first('You ordered through a reseller, so any changes to the delivery have to go through them.').fixed).toBe(
      "You ordered through a reseller, so I'll arrange the changes to the delivery with them myself and update you by [time].",
    );
    expect(first('You should really have told us about the second driver when you booked.').fixed).not.toMatch(/^Please really/);
    // After "I can't offer anything for X" the step is what can be done about X, not a promise to fix it; the team loses its sentence-start capital.
    const refusal = first('Head office decides on refunds, so I can’t offer anything for the cancelled lesson.').fixed;
    expect(refusal).toContain('head office decides on refunds');
    expect(refusal).toContain('here’s what I can do about the cancelled lesson instead: [option]');
  });

  it('fixes the slot errors a strict grader found: no leftover intensifier or "for", no "eventually by [time]", no invented deadline for someone else, the team the agent named', () => {
    expect(first('It’s explained very clearly in section 4 of your agreement.').fixed).not.toMatch(/\bvery in\b/);
    expect(first('Just so you know for next time, flat-pack beds need two people.').fixed).not.toMatch(/\bfor,/);
    expect(first('Someone from billing should be in touch about the refund eventually.').fixed).not.toMatch(/eventually/);
    expect(first('Hopefully the landlord sorts the boiler out soon.').fixed).toBe('I’ll check that the landlord sorts the boiler out and update you by [time].'.replace(/’/g, "'"));
    expect(first('Your invoice gets sent at some stage after the job is signed off.').fixed).toBe('Your invoice gets sent within [time] after the job is signed off.');
    expect(first('Invoicing isn’t my area, that’s one for the finance operations team.').fixed).toContain('take it up with the finance operations team');
    expect(first('It’s all covered in the setup video if you’d taken the time to watch it.').fixed).not.toMatch(/video if you/);
  });

  it('takes a bare hand-off up with the party it names, never with a sentence’s first word', () => {
    expect(first('Sorry, but that’s the courier’s responsibility.').fixed).toBe(
      'I’m sorry about this; I’ll take it up with the courier myself and update you by [time].',
    );
    expect(first('It’s not our fault, it’s the bank’s.').fixed).toBe('I’m sorry about this; I’ll take it up with the bank myself and update you by [time].');
  });
});

describe('the re-parse checks on rewrites', () => {
  it('catch a slot filled with the wrong person for its verb, and the rewrite that had it is fixed', () => {
    expect(grammarProblems('I’m sorry you was rushed during the call.')).toContain('verb does not agree with its subject');
    expect(grammarProblems('I’m sorry you were rushed during the call.')).toEqual([]);
    const text = 'We apologise if you felt rushed during the call.';
    const f = analyze(text, { tips: false }).findings[0]!;
    expect(f.suggestions.map((s) => s.replacement).join(' ')).not.toMatch(/you was/);
    expect(f.suggestions[0]!.replacement).toMatch(/you were rushed during the call/);
  });
});

describe('rewrites never cut an apology out of its own idiom', () => {
  it('"sorry you feel that way" is answered, not cut to "sorry way", and the re-parse check would catch it', () => {
    expect(grammarProblems('I’m sorry way.')).toContain('apology with its object cut');
    for (const text of ['I’m sorry you feel that way.', 'So sorry you feel this way about the new app!']) {
      const f = analyze(text, { tips: false }).findings[0]!;
      for (const s of f.suggestions) expect(grammarProblems(text.slice(0, f.start) + s.replacement + text.slice(f.end)), s.replacement).toEqual([]);
      expect(f.suggestions[0]!.replacement).not.toMatch(/sorry (?:this |that )?way/i);
    }
  });

  it('keeps what was blamed and what a hedged apology was for', () => {
    expect(analyze('Blame the new scanner — it’s been misreading barcodes all day.', { tips: false }).findings[0]!.suggestions[0]!.replacement).toContain(
      'the new scanner’s been misreading barcodes all day',
    );
    expect(first('Apologies for any perceived delay in replying.').fixed).toBe('Apologies for the delay in replying.');
  });
});

describe('the stock lines of last resort', () => {
  it('each passes every check on its own, so a finding that reaches one still gets a suggestion', () => {
    for (const [category, line] of Object.entries(WHOLE)) {
      const left = analyze(line, { tips: false }).findings.filter((f) => f.ruleId !== 'unfilled-placeholder');
      expect(left.map((f) => f.ruleId), `${category}: ${line}`).toEqual([]);
    }
    expect(analyze('I’m just doing my job, mate.', { tips: false }).findings[0]!.suggestions.length).toBeGreaterThan(0);
  });
});

describe('a team pack’s own edits (pack format 2)', () => {
  const edit = {
    id: 'recap-not-repeat',
    category: 'defensive' as const,
    find: String.raw`^as i (?:said|mentioned) before,\s*`,
    replace: 'Quick recap: ',
    examples: [['As I said before, the refund is on its way.', 'Quick recap: the refund is on its way.']] as Array<[string, string]>,
  };
  const pack = (extra: object) => ({ schemaVersion: 2, name: 'Team', version: '1', rules: [], ...extra });

  it('is tried first for its category, and the rewrite keeps the sentence', () => {
    const r = validatePack(pack({ edits: [edit] }));
    expect(r.ok).toBe(true);
    const text = 'As I said before, the refund is on its way.';
    const f = analyze(text, { tips: false, packs: [(r as { pack: RulePack }).pack] }).findings[0]!;
    expect(text.slice(0, f.start) + f.suggestions[0]!.replacement + text.slice(f.end)).toBe('Quick recap: the refund is on its way.');
    // Without the pack, a built-in edit takes the frame out instead.
    const g = analyze(text, { tips: false }).findings[0]!;
    const builtIn = text.slice(0, g.start) + g.suggestions[0]!.replacement + text.slice(g.end);
    expect(builtIn).toMatch(/the refund is on its way/i);
    expect(builtIn).not.toMatch(/As I said before|Quick recap/);
  });

  it('is rejected, naming the edit, when its example does not hold or its pattern could hang', () => {
    const bad = validatePack(pack({ edits: [{ ...edit, examples: [['As I said before, it shipped.', 'It shipped.']] }, { ...edit, id: 'hangs', find: '^(a+)+$' }] }));
    expect(bad.ok).toBe(false);
    const problems = (bad as { problems: Array<{ path: string; message: string }> }).problems;
    expect(problems.map((p) => p.path)).toEqual(['edits[0] "recap-not-repeat" › examples[0]', 'edits[1] "hangs" › find']);
    expect(problems[0]!.message).toContain('Quick recap: it shipped.');
    expect(problems[1]!.message).toMatch(/hang/);
  });

  it('a version 1 pack still loads (and is read as version 2); edits need version 2', () => {
    const v1 = validatePack({ schemaVersion: 1, name: 'Old', version: '1', rules: [] });
    expect(v1.ok && v1.pack.schemaVersion).toBe(2);
    const mixed = validatePack({ schemaVersion: 1, name: 'Old', version: '1', rules: [], edits: [edit] });
    expect(mixed.ok).toBe(false);
    expect((mixed as { problems: Array<{ path: string; message: string }> }).problems[0]).toEqual({ path: 'edits', message: 'edits need "schemaVersion": 2' });
  });
});
