/** The content script's view of engine findings: filters, caret lookup, and what it may send. */
import { describe, it, expect } from 'vitest';
import { createAnalyzer } from '../../src/engine/index';
import { findingAt, findingKey, visibleFindings } from '../../src/content/findings';
import { parseMessage } from '../../src/shared/messages';
import { normalizePhrase } from '../../src/shared/settings';

const TEXT = "Hi Sam, thanks for writing in. That's not my department. As I already said, it shipped.";
const none = { ignored: new Set<string>(), disabledRules: new Set<string>() };

function findings() {
  const r = createAnalyzer().analyze(TEXT);
  expect(r.findings.length).toBeGreaterThanOrEqual(2);
  return r.findings;
}

describe('content filters on real engine findings', () => {
  it('keeps everything with no filters, and offsets index the text', () => {
    const all = findings();
    const shown = visibleFindings(all, none, new Set());
    expect(shown).toEqual(all);
    for (const f of shown) expect(TEXT.slice(f.start, f.end)).toBe(f.text);
  });

  it('drops ignored phrases (case and spacing insensitive), disabled rules and dismissed findings', () => {
    const all = findings();
    const [a, b] = all as [(typeof all)[0], (typeof all)[0]];
    const ignored = new Set([normalizePhrase(a.text.toUpperCase().replace(' ', '  '))]);
    expect(visibleFindings(all, { ...none, ignored }, new Set())).not.toContain(a);
    expect(visibleFindings(all, { ...none, disabledRules: new Set([b.ruleId]) }, new Set())).not.toContain(b);
    expect(visibleFindings(all, none, new Set([findingKey(a)]))).toEqual(all.filter((f) => f !== a));
  });

  it('finds the finding under the caret, including at its end', () => {
    const all = findings();
    const f = all[0]!;
    expect(findingAt(all, f.start)).toBe(f);
    expect(findingAt(all, f.start + 3)).toBe(f);
    expect(findingAt(all, f.end)).toBe(f);
    expect(findingAt(all, 0)).toBeNull();
  });

  it('the ignore and disable-rule messages built from a finding are valid; nothing else gets through', () => {
    const f = findings()[0]!;
    expect(parseMessage({ type: 'ignore-phrase', phrase: normalizePhrase(f.text) })).toEqual({
      type: 'ignore-phrase',
      phrase: normalizePhrase(f.text),
    });
    expect(parseMessage({ type: 'disable-rule', ruleId: f.ruleId })).toEqual({ type: 'disable-rule', ruleId: f.ruleId });
    expect(parseMessage({ type: 'findings-count', count: 2 })).toEqual({ type: 'findings-count', count: 2 });
    // the count message carries no text
    expect(parseMessage({ type: 'findings-count', count: 2, text: TEXT })).toBeNull();
    expect(parseMessage({ type: 'findings-count', count: -1 })).toBeNull();
    expect(parseMessage({ type: 'findings-count', count: 1.5 })).toBeNull();
    expect(parseMessage({ type: 'ignore-phrase', phrase: '' })).toBeNull();
    expect(parseMessage({ type: 'ignore-phrase', phrase: 'x'.repeat(501) })).toBeNull();
    expect(parseMessage({ type: 'disable-rule', ruleId: 'bad id with spaces' })).toBeNull();
    expect(parseMessage({ type: 'site-permission-granted', origin: 'https://help.example.com', tabId: 3 })).not.toBeNull();
    expect(parseMessage({ type: 'site-permission-granted', origin: 'https://help.example.com/path', tabId: 3 })).toBeNull();
    expect(parseMessage({ type: 'site-permission-granted', origin: 'javascript:alert(1)', tabId: 3 })).toBeNull();
    expect(parseMessage({ type: 'set-site-enabled', host: 'help.example.com:8080', enabled: false })).not.toBeNull();
    expect(parseMessage({ type: 'set-site-enabled', host: 'a/b', enabled: false })).toBeNull();
    expect(parseMessage(null)).toBeNull();
    expect(parseMessage([TEXT])).toBeNull();
  });
});
