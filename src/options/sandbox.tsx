/** @jsxImportSource preact */
/** Live sandbox: the same engine and merged rules as the reply boxes, updating as you type. */
import { useMemo, useState } from 'preact/hooks';
import { createAnalyzer } from '../engine/index';
import type { AnalysisWarning, Finding } from '../engine/types';
import { CATEGORY_LABELS } from '../shared/packs';
import type { Snapshot } from './store';

const SAMPLE = "Hi Sam,\n\nThat's not my department. Like I told you yesterday, it shipped.\nWe'll get back to you when possible.";

/** Splits text into plain and flagged pieces (overlaps across categories: the earlier span wins). */
export function segments(text: string, findings: readonly Finding[]): Array<{ text: string; f: Finding | null }> {
  const out: Array<{ text: string; f: Finding | null }> = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    if (f.start > at) out.push({ text: text.slice(at, f.start), f: null });
    out.push({ text: text.slice(f.start, f.end), f });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), f: null });
  return out;
}

/** Warnings listed at most (a slow rule warns once per sentence it was skipped for). */
const MAX_WARNINGS = 20;

/** What the engine did not check: a rule skipped for a sentence (out of time), a reply past the length limit. */
function Warnings({ warnings }: { warnings: readonly AnalysisWarning[] }) {
  if (!warnings.length) return null;
  return (
    <div class="warnings" role="note">
      <p class="label">Not checked</p>
      <ul data-testid="sandbox-warnings">
        {warnings.slice(0, MAX_WARNINGS).map((w) => (
          <li key={`${w.kind}:${w.kind === 'rule-skipped' ? w.ruleId : ''}:${w.start}`} data-kind={w.kind} data-rule={w.kind === 'rule-skipped' ? w.ruleId : undefined}>
            {w.message} <span class="span">chars {w.start}–{w.end}</span>
          </li>
        ))}
        {warnings.length > MAX_WARNINGS ? <li>…and {warnings.length - MAX_WARNINGS} more.</li> : null}
      </ul>
    </div>
  );
}

export function SandboxView({ snap }: { snap: Snapshot }) {
  const [text, setText] = useState(SAMPLE);
  const analyzer = useMemo(
    () => createAnalyzer({ packs: snap.effective.packs, disabledRules: snap.effective.disabledRules, ignoredPhrases: snap.ignored }),
    [snap.effective, snap.ignored],
  );
  const result = useMemo(() => analyzer.analyze(text), [analyzer, text]);

  return (
    <section aria-labelledby="sandbox-h">
      <h2 id="sandbox-h">Sandbox</h2>
      <p class="sub">Type or paste a reply. These are the rules your reply boxes use right now, including your team's and your own.</p>
      <div class="sandbox">
        <label class="grow">
          Reply
          <textarea data-testid="sandbox-input" rows={10} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <div class="grow">
          <p class="label" id="preview-h">Highlights</p>
          <div class="preview" aria-labelledby="preview-h" data-testid="sandbox-preview">
            {segments(text, result.findings).map((s, i) =>
              s.f ? (
                <mark key={i} class={`cat-${s.f.category}`} title={`${CATEGORY_LABELS[s.f.category]}: ${s.f.message}`}>{s.text}</mark>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
          </div>
        </div>
      </div>
      <h3>
        <span role="status" aria-live="polite" data-testid="sandbox-count">
          {result.findings.length === 0 ? 'Nothing flagged' : `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}`}
        </span>
      </h3>
      <Warnings warnings={result.warnings ?? []} />
      <ol class="findings" data-testid="sandbox-findings">
        {result.findings.map((f) => (
          <li key={`${f.ruleId}:${f.start}`} data-rule={f.ruleId}>
            <span class={`cat cat-${f.category}`}>{CATEGORY_LABELS[f.category]}</span> <code>{f.ruleId}</code> <span class="span">chars {f.start}–{f.end}</span>
            <p class="source" data-testid="finding-source">
              {f.why
                ? `From the learned model (${Math.round(f.why.probability * 100)}% sure); the words that weighed most: ${f.why.words.join(', ')}`
                : 'From a rule'}
            </p>
            <p class="phrase">“{f.text}”</p>
            <p>{f.message}</p>
            {f.suggestions.length ? (
              <ul class="rewrites" aria-label="Rewrites">
                {f.suggestions.map((s, i) => <li key={i}>→ {s.replacement}</li>)}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {result.tips.length ? (
        <>
          <h3>Reply tips</h3>
          <ul>{result.tips.map((t) => <li key={t.id}>{t.message}</li>)}</ul>
        </>
      ) : null}
    </section>
  );
}
