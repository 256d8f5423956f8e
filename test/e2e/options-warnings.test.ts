/**
 * Issue 11: the options page's sandbox says what the engine did not check, in real Chromium.
 * - Custom rules that each pass validation (each under the per-rule cost limit) but together
 *   cost more than a sentence's 50 ms: the rules skipped for that sentence are listed, by id,
 *   with the sentence's offsets.
 * - A reply past the engine's length limit: where checking stopped.
 */
import { describe, expect, it } from 'vitest';
import { SKIP_BROWSER, type Session, useSession, withPage } from './harness';
import { analyze, createAnalyzer, MAX_CHECKED_CHARS, type RuleSpec } from '../../src/engine/index';
import { validateRule } from '../../src/shared/packs';

const optionsUrl = (s: Session, tab: string) => `chrome-extension://${s.extensionId}/src/options/index.html#${tab}`;

// The shape issue 11 item 6 found: each pattern is cheap to validate and slow to match on a long sentence.
const HEAVY = `the${' .{0,3} (#Adjective #Noun|#Noun #Verb)'.repeat(6)}`;
const SENTENCE = `${'We looked at the small parcel and the big box and the old label and the new address on the form '.repeat(5)}today.`.slice(0, 467);
const SLOW_RULES: RuleSpec[] = Array.from({ length: 24 }, (_, i) => ({
  id: `slow-rule-${i}`,
  category: 'blame-shifting',
  severity: 'warning',
  message: 'Say what you can do.',
  patterns: ['per our policy', ...Array.from({ length: 9 }, (_, j) => `${HEAVY}${' x'.repeat(j % 3)}`)],
  suggestions: [],
  examples: { flags: ['Per our policy, no.', 'It is closed per our policy.'], allows: ['Our policy helps.', 'Per your request.'] },
}));

describe.skipIf(SKIP_BROWSER)('options sandbox: what was not checked', () => {
  const s = useSession();

  it('custom rules that run out of a sentence’s time are listed as skipped for that sentence', async () => {
    // Each rule is valid on its own (the store validates rules one by one), so they all load.
    for (const r of SLOW_RULES) expect(validateRule(r).ok).toBe(true);
    const text = `Hi Sam. ${SENTENCE}`;
    // In Node too they take longer than a sentence may (the same engine runs in the page).
    const unbudgeted = createAnalyzer({ rules: [], packs: [{ schemaVersion: 1, name: 'p', version: '1', rules: SLOW_RULES }], sentenceBudgetMs: 60_000 });
    const t0 = performance.now();
    unbudgeted.analyze(text);
    expect(performance.now() - t0).toBeGreaterThan(100);

    await s.worker.evaluate((rules) => chrome.storage.local.set({ personalRules: { schemaVersion: 2, rules, overrides: {}, quarantine: [] } }), SLOW_RULES);
    await withPage(s, async (page) => {
      await page.goto(optionsUrl(s, 'sandbox'));
      const warnings = page.locator('[data-testid="sandbox-warnings"] li[data-kind="rule-skipped"]');
      // The sample reply is short: nothing skipped.
      await expect.poll(() => page.getByTestId('sandbox-count').textContent()).toMatch(/finding/);
      expect(await page.getByTestId('sandbox-warnings').count()).toBe(0);
      await page.getByTestId('sandbox-input').fill(text);
      await expect.poll(() => warnings.count(), { timeout: 20_000 }).toBeGreaterThan(0);
      const first = warnings.first();
      expect(await first.getAttribute('data-rule')).toMatch(/^slow-rule-\d+$/);
      const id = (await first.getAttribute('data-rule'))!;
      const start = text.indexOf(SENTENCE);
      expect(await first.textContent()).toBe(
        `Rule "${id}" was skipped for this sentence: checking the rules took longer than the 50 ms a sentence may take (simplify its patterns). chars ${start}–${start + SENTENCE.length}`,
      );
      expect(await page.locator('.warnings').isVisible()).toBe(true);
      // A short sentence fits in its time again: the warnings go away.
      await page.getByTestId('sandbox-input').fill('Per our policy, no.');
      await expect.poll(() => page.getByTestId('sandbox-warnings').count()).toBe(0);
      expect(await page.locator('[data-testid="sandbox-findings"] li[data-rule^="slow-rule-"]').count()).toBeGreaterThan(0);
    });
  });

  it('a reply past the length limit says where checking stopped, and nothing after it is flagged', async () => {
    const filler = Array.from({ length: 420 }, (_, i) => `The parcel ${100000 + i} left the depot on Friday morning with the others.`).join(' ');
    const text = `Hi Sam,\n\nThat's not my department. ${filler} Like I told you yesterday, it shipped.`;
    const expected = analyze(text);
    const cut = expected.warnings?.find((w) => w.kind === 'truncated');
    expect(cut).toBeDefined();
    expect(text.length).toBeGreaterThan(MAX_CHECKED_CHARS);
    await withPage(s, async (page) => {
      await page.goto(optionsUrl(s, 'sandbox'));
      await page.getByTestId('sandbox-input').fill(text);
      const note = page.locator('[data-testid="sandbox-warnings"] li[data-kind="truncated"]');
      await expect.poll(() => note.count(), { timeout: 20_000 }).toBe(1);
      expect(await note.textContent()).toBe(`${cut!.message} chars ${cut!.start}–${text.length}`);
      expect(await note.textContent()).toMatch(/^Reply too long to check in full: Tactful checks the first 20,000 characters of your own text/);
      // Only the early sentence is flagged; the one past the limit is not.
      const rules = await page.locator('[data-testid="sandbox-findings"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
      expect(rules).toEqual(expected.findings.map((f) => f.ruleId));
      expect(expected.findings.every((f) => f.end <= cut!.start)).toBe(true);
      expect(rules).toContain('not-my-department');
      expect(rules).not.toContain('as-i-said');
    });
  });
});
