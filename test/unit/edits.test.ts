// The construction edits (src/rules/edits/<category>.json) are data: each says what it does by
// example, and none may be a pattern that could hang on a long word.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index';
import { EDIT_SPECS, applyEdit, baseForm, constructionEdits } from '../../src/engine/edits';
import { hangShape, parseRegex } from '../../src/engine/safe-regex';
import { CATEGORIES } from '../../src/engine/types';

/** The source with every (?=…) and (?!…) group removed (parentheses balanced, escapes and classes skipped). */
function withoutLookaheads(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
      let depth = 0;
      let inClass = false;
      for (; i < source.length; i++) {
        const ch = source[i];
        if (ch === '\\') i++;
        else if (inClass) inClass = ch !== ']';
        else if (ch === '[') inClass = true;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      continue;
    }
    out += source[i];
  }
  return out;
}

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
    expect(hangShape(parseRegex(withoutLookaheads(find).replace(/\(\?<(\w+)>/g, '(')))).toBeNull();
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

describe('rewrites that keep the agent’s facts', () => {
  const first = (text: string) => {
    const f = analyze(text, { tips: false }).findings[0]!;
    return { span: f.text, fixed: text.slice(0, f.start) + f.suggestions[0]!.replacement + text.slice(f.end) };
  };

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

  it('times a vague promise and keeps its action', () => {
    const r = first('A refund will be processed in due course.');
    expect(r.fixed).toBe('A refund will be processed by [time].');
  });
});
