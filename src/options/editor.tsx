/** @jsxImportSource preact */
/**
 * Rule editor. Every keystroke re-validates with the engine's pack validation (shape and
 * every pattern compiled) and runs each example through the real engine with this rule
 * alone; problems are shown next to their field and Save stays disabled until all pass.
 */
import { useMemo, useState } from 'preact/hooks';
import { SEVERITY_EFFECTS } from './severity-help';
import { createAnalyzer } from '../engine/index';
import { CATEGORIES, SEVERITIES, type Category, type RuleSpec, type Severity } from '../engine/types';
import { CATEGORY_LABELS, validateRule } from '../shared/packs';

type Mode = 'phrase' | 'pattern';

interface Form {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  mode: Mode;
  patterns: string;
  exceptions: string;
  rewrites: string;
  flags: string;
  allows: string;
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** A plain phrase as a pattern: drop characters that mean something in compromise match syntax. */
export function phraseToPattern(phrase: string): string {
  return phrase.replace(/[()[\]|?*+#@^${}~/\\<>!.,;:"]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function toForm(rule: RuleSpec | null): Form {
  return {
    id: rule?.id ?? '',
    category: rule?.category ?? 'blame-shifting',
    severity: rule?.severity ?? 'warning',
    message: rule?.message ?? '',
    mode: rule ? 'pattern' : 'phrase',
    patterns: rule?.patterns.join('\n') ?? '',
    exceptions: rule?.exceptions?.join('\n') ?? '',
    rewrites: rule?.suggestions.map((s) => s.template).join('\n') ?? '',
    flags: rule?.examples.flags.join('\n') ?? '',
    allows: rule?.examples.allows.join('\n') ?? '',
  };
}

export function toRule(f: Form, base: RuleSpec | null): RuleSpec {
  const patterns = lines(f.patterns).map((p) => (f.mode === 'phrase' ? phraseToPattern(p) : p));
  const rule: RuleSpec = {
    id: f.id.trim(),
    category: f.category,
    severity: f.severity,
    message: f.message.trim(),
    patterns,
    suggestions: lines(f.rewrites).map((template) => ({ template })),
    examples: { flags: lines(f.flags), allows: lines(f.allows) },
  };
  const exceptions = lines(f.exceptions);
  if (exceptions.length) rule.exceptions = exceptions;
  // Keep the advanced fields of a customised rule that the form does not show.
  if (base?.unless) rule.unless = base.unless;
  if (base?.scope) rule.scope = base.scope;
  return rule;
}

const LABELS = {
  id: 'id', category: 'category', severity: 'severity', message: 'message', patterns: 'patterns', exceptions: 'exceptions',
  rewrites: 'rewrites', flags: 'must-flag examples', allows: 'must-not-flag examples',
} as const;

type FieldName = 'id' | 'category' | 'severity' | 'message' | 'patterns' | 'exceptions' | 'rewrites' | 'flags' | 'allows';

function fieldOf(path: string): FieldName {
  const rest = path.replace(/^rules\[0\](?: "[^"]*")?(?: › )?/, '');
  const head = rest.split(/[[ ›]/)[0] ?? '';
  if (head === 'suggestions') return 'rewrites';
  if (head === 'examples') return rest.includes('allows') ? 'allows' : 'flags';
  return (['id', 'category', 'severity', 'message', 'patterns', 'exceptions'] as const).find((k) => k === head) ?? 'message';
}

export function checkRule(rule: RuleSpec, opts: { locked: ReadonlySet<string>; takenIds: ReadonlySet<string> }) {
  const problems: Partial<Record<FieldName, string[]>> = {};
  const add = (f: FieldName, m: string) => (problems[f] ??= []).push(m);
  const v = validateRule(rule);
  // Validation also runs the examples; those results are shown below, per example, so its
  // per-example problems are not listed twice, and examples run whenever the rest compiles.
  const listed = v.ok ? [] : v.problems.filter((p) => !/› examples › (?:flags|allows)\[\d+\]$/.test(p.path));
  const runnable = v.ok ? v.rule : listed.every((p) => /› examples/.test(p.path)) ? rule : null;
  for (const p of listed) add(fieldOf(p.path), `${p.path.replace(/^rules\[0\](?: "[^"]*")?(?: › )?/, '') || 'rule'}: ${p.message}`);
  if (opts.locked.has(rule.id)) add('id', 'this rule is locked by your organisation; pick another id');
  if (opts.takenIds.has(rule.id)) add('id', 'another custom rule already uses this id');
  if (rule.examples.flags.length === 0) add('flags', 'add at least one reply this rule must flag');
  if (rule.examples.allows.length === 0) add('allows', 'add at least one reply this rule must leave alone');
  const results: { flags: boolean[]; allows: boolean[] } = { flags: [], allows: [] };
  if (runnable) {
    const analyzer = createAnalyzer({ rules: [], packs: [{ schemaVersion: 1, name: 'draft', version: '0', rules: [runnable] }], tips: false });
    const fires = (t: string) => analyzer.analyzeFresh(t).findings.some((x) => x.ruleId === rule.id);
    results.flags = rule.examples.flags.map(fires);
    results.allows = rule.examples.allows.map((t) => !fires(t));
    results.flags.forEach((ok, i) => ok || add('flags', `example ${i + 1} is not flagged: “${rule.examples.flags[i]}”`));
    results.allows.forEach((ok, i) => ok || add('allows', `example ${i + 1} is flagged but should not be: “${rule.examples.allows[i]}”`));
  }
  return { problems, results, ok: Object.keys(problems).length === 0 };
}

interface Props {
  initial: RuleSpec | null;
  isNew: boolean;
  locked: ReadonlySet<string>;
  customIds: ReadonlySet<string>;
  onSave(rule: RuleSpec, previousId: string | null): void | Promise<void>;
  onCancel(): void;
}

export function RuleEditor({ initial, isNew, locked, customIds, onSave, onCancel }: Props) {
  const [form, setForm] = useState<Form>(() => toForm(initial));
  // Problems show for fields the user has edited, and for all of them after a save attempt.
  const [touched, setTouchedFields] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const rule = useMemo(() => toRule(form, initial), [form, initial]);
  const previousId = !isNew && initial ? initial.id : null;
  const taken = useMemo(() => new Set([...customIds].filter((id) => id !== previousId)), [customIds, previousId]);
  const check = useMemo(() => checkRule(rule, { locked, takenIds: taken }), [rule, locked, taken]);

  const set = (k: keyof Form) => (e: Event) => {
    if (!touched.has(k)) setTouchedFields(new Set([...touched, k]));
    setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });
  };
  const show = (f: FieldName) => (attempted || !isNew || touched.has(f) ? check.problems[f] : undefined);
  const errs = (f: FieldName) => {
    const list = show(f);
    return list?.length ? (
      <ul class="field-errors" id={`err-${f}`} data-testid={`err-${f}`}>
        {list.map((m, i) => <li key={i}>{m}</li>)}
      </ul>
    ) : null;
  };
  const described = (f: FieldName, hint?: string) => ({
    'aria-invalid': show(f)?.length ? true : undefined,
    'aria-describedby': [show(f)?.length ? `err-${f}` : '', hint ?? ''].filter(Boolean).join(' ') || undefined,
  });

  const submit = (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    if (check.ok) void onSave(rule, previousId);
  };

  return (
    <form class="editor" onSubmit={submit} aria-labelledby="editor-h" noValidate>
      <h2 id="editor-h">{isNew ? (initial ? `Customize ${initial.id}` : 'New rule') : `Edit ${initial?.id}`}</h2>
      <div class="grid2">
        <label>
          Id
          <input name="id" value={form.id} onInput={set('id')} placeholder="e.g. per-our-policy" {...described('id')} />
          {errs('id')}
        </label>
        <label>
          Category
          <select name="category" value={form.category} onChange={set('category')}>
            {CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
          </select>
        </label>
        <label>
          Severity
          <select name="severity" value={form.severity} onChange={set('severity')} aria-describedby="severity-effect">
            {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
          <span class="hint" id="severity-effect" data-testid="severity-effect">{SEVERITY_EFFECTS[form.severity]}</span>
        </label>
      </div>
      <label>
        Message (why it matters to the customer)
        <input name="message" value={form.message} onInput={set('message')} {...described('message')} />
        {errs('message')}
      </label>
      <fieldset class="mode">
        <legend>Patterns are</legend>
        <label><input type="radio" name="mode" value="phrase" checked={form.mode === 'phrase'} onChange={set('mode')} /> plain phrases</label>
        <label><input type="radio" name="mode" value="pattern" checked={form.mode === 'pattern'} onChange={set('mode')} /> compromise patterns (<code>#Noun</code>, <code>(a|b)</code>, <code>word?</code>, <code>[&lt;name&gt;…]</code>)</label>
      </fieldset>
      <label>
        Patterns, one per line
        <textarea name="patterns" rows={3} value={form.patterns} onInput={set('patterns')} {...described('patterns', 'hint-patterns')} />
        <span class="hint" id="hint-patterns">{form.mode === 'phrase' && rule.patterns.length ? `Matched as: ${rule.patterns.join(' · ')}` : 'Case and contractions are handled for you.'}</span>
        {errs('patterns')}
      </label>
      <label>
        Exceptions (the rule stays quiet when one matches the sentence), one per line
        <textarea name="exceptions" rows={2} value={form.exceptions} onInput={set('exceptions')} {...described('exceptions')} />
        {errs('exceptions')}
      </label>
      <label>
        Rewrites, one per line (<code>{'{capture}'}</code> slots, <code>[time]</code> placeholders)
        <textarea name="rewrites" rows={2} value={form.rewrites} onInput={set('rewrites')} {...described('rewrites')} />
        {errs('rewrites')}
      </label>
      <div class="grid2">
        <label>
          Must flag (one reply per line)
          <textarea name="flags" rows={3} value={form.flags} onInput={set('flags')} {...described('flags')} />
          <ExampleMarks list={rule.examples.flags} ok={check.results.flags} />
          {errs('flags')}
        </label>
        <label>
          Must not flag (one reply per line)
          <textarea name="allows" rows={3} value={form.allows} onInput={set('allows')} {...described('allows')} />
          <ExampleMarks list={rule.examples.allows} ok={check.results.allows} />
          {errs('allows')}
        </label>
      </div>
      <div class="buttons">
        <button type="submit" class="primary" disabled={!check.ok} data-testid="save-rule">Save rule</button>
        <button type="button" onClick={onCancel}>Cancel</button>
        <span class="status" role="status" aria-live="polite">{check.ok ? 'All checks pass.' : `To save, fix: ${Object.keys(check.problems).map((k) => LABELS[k as FieldName]).join(', ')}.`}</span>
      </div>
    </form>
  );
}

function ExampleMarks({ list, ok }: { list: string[]; ok: boolean[] }) {
  if (!list.length || !ok.length) return null;
  return (
    <ul class="examples" aria-label="Example results">
      {list.map((t, i) => (
        <li key={i} class={ok[i] ? 'pass' : 'fail'}>
          <span aria-hidden="true">{ok[i] ? '✓' : '✗'}</span> <span class="visually-hidden">{ok[i] ? 'passes:' : 'fails:'}</span> {t}
        </li>
      ))}
    </ul>
  );
}
