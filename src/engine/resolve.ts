/**
 * Merges rule sources in precedence order: base rules (built-in) < team packs
 * (later packs win; same id replaces) < the caller's own switches.
 */
import type { AnalyzeOptions, RuleSpec, Severity } from './types';

export interface ResolvedRule extends RuleSpec {
  enabled: boolean;
  locked: boolean;
  /** Where the rule comes from; team rules win ties against built-in ones. */
  source: 'builtin' | 'pack';
}

export function resolveRules(base: RuleSpec[], options: AnalyzeOptions): ResolvedRule[] {
  const byId = new Map<string, ResolvedRule>();
  for (const rule of base) byId.set(rule.id, { ...rule, enabled: rule.enabled ?? true, locked: false, source: 'builtin' });
  for (const pack of options.packs ?? []) {
    for (const rule of pack.rules) byId.set(rule.id, { ...rule, enabled: rule.enabled ?? true, locked: false, source: 'pack' });
    for (const [id, o] of Object.entries(pack.overrides ?? {})) {
      const rule = byId.get(id);
      if (!rule) continue;
      if (o.enabled !== undefined) rule.enabled = o.enabled;
      if (o.severity !== undefined) rule.severity = o.severity as Severity;
      if (o.locked) rule.locked = true;
    }
  }
  const disabled = new Set(options.disabledRules ?? []);
  const categories = options.categories ? new Set(options.categories) : null;
  const ordered = [...byId.values()].sort((a, b) => Number(a.source === 'builtin') - Number(b.source === 'builtin'));
  return ordered.filter(
    (r) => r.enabled && !(disabled.has(r.id) && !r.locked) && (!categories || categories.has(r.category)),
  );
}
