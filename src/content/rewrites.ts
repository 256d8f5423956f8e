/**
 * Applying a card's rewrite, one at a time. A click or the shortcut that comes while one is being
 * applied waits for it (and its analysis: idle()), so it never acts on the text from before it.
 */
import { applyReplacement } from './apply';
import type { Field } from './field';
import type { Finding } from './findings';
import { firstPlaceholderIn } from './placeholder-nav';

export interface RewriteHost {
  /** False once the extension went away under the page (`force`: ask the browser now). */
  alive(force: boolean): boolean;
  closeCard(): void;
  /** The rewrite did not go in: the card again, for the finding in the text as it is now, saying why. */
  reopen(field: Field, f: Finding, reason: string): void;
}

export class Rewrites {
  /** The rewrite being applied (resolved when none is). */
  private applying: Promise<void> = Promise.resolve();

  constructor(private readonly host: RewriteHost) {}

  /** Resolves once no rewrite is being applied. */
  idle(): Promise<void> {
    return this.applying;
  }

  apply(field: Field, f: Finding, index: number): Promise<void> {
    const run = this.applying.then(() => this.applyNow(field, f, index));
    this.applying = run.catch(() => undefined);
    return run;
  }

  private async applyNow(field: Field, f: Finding, index: number): Promise<void> {
    const s = f.suggestions[index];
    if (!s || !this.host.alive(true)) return;
    this.host.closeCard();
    const keys = field.keysPressed;
    const result = await applyReplacement(field, f.start, f.end, f.text, s.replacement);
    // Findings for the text as it is now (a result overtaken by another edit is asked again).
    await field.flush();
    if (result.ok) {
      // The agent types over the first placeholder the rewrite left ("by [time]"), so it is never sent as is.
      const p = firstPlaceholderIn(field.text, f.start, f.start + s.replacement.length);
      // Slate 0.47 (no data-slate-node) folds a selection change into its last history step, so
      // selecting the placeholder there made Ctrl+Z undo the selection instead of the rewrite.
      const legacySlate = field.family === 'slate' && !field.el.querySelector('[data-slate-node]');
      // Not once the agent has pressed a key since (typed on, undone): the caret is theirs then.
      if (p && !legacySlate && field.keysPressed === keys) {
        field.focus();
        field.select(p.start, p.end);
      }
    } else {
      // The same finding in the text as it is now: where it was, else the nearest one with the same
      // words (text typed before it moved it), so the card's next click applies at the right place.
      const same = field.findings.filter((x) => x.ruleId === f.ruleId && x.text === f.text);
      const again = same.find((x) => x.start === f.start) ?? same.sort((a, b) => Math.abs(a.start - f.start) - Math.abs(b.start - f.start))[0] ?? f;
      this.host.reopen(field, again, result.reason);
    }
  }
}
