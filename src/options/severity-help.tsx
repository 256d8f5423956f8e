/** @jsxImportSource preact */
/** What a rule's severity changes, said where severity is chosen (rules list and rule editor). */
export const SEVERITY_EFFECTS = {
  error: 'thick underline and a red badge; listed first in the card; the CLI’s --fail-on error stops a macro that has one',
  warning: 'the standard underline and an amber badge',
  info: 'a thin, faint underline and an outlined badge: worth a look, not a must',
} as const;

export function SeverityHelp({ id }: { id?: string }) {
  return (
    <p class="hint" id={id} data-testid="severity-help">
      Severity decides how loudly a finding shows in the reply box. <strong>Error</strong>: {SEVERITY_EFFECTS.error}.{' '}
      <strong>Warning</strong>: {SEVERITY_EFFECTS.warning}. <strong>Info</strong>: {SEVERITY_EFFECTS.info}. The badge takes the
      colour of the reply’s most severe finding; in the CLI, <code>--fail-on SEVERITY</code> fails at that level or above.
    </p>
  );
}
