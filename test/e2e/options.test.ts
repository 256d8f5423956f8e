/**
 * Options page end to end, in Chromium with the production build (dist/chrome):
 * write a custom rule in the editor and see it fire on a help-desk fixture page; a bad pack
 * import shows the problem down to rule and field and leaves the rules untouched; the macro
 * audit on a 200-macro CSV; local stats counting an applied rewrite (options and popup).
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  SKIP_BROWSER,
  badge,
  card,
  storageLocal,
  clearStorage,
  type Session,
  useSession,
  withPage,
} from './harness';
import { createAnalyzer } from '../../src/engine/index';
import { CATEGORIES } from '../../src/engine/types';
import { readFileSync } from 'node:fs';

const optionsUrl = (s: Session, tab = 'rules') => `chrome-extension://${s.extensionId}/src/options/index.html#${tab}`;

async function typeReply(page: Page, s: Session, text: string): Promise<void> {
  await page.goto(s.fixtures.url('textarea.html'));
  await page.click('#reply');
  await page.keyboard.type(text);
}

async function openCardAtCaret(page: Page): Promise<void> {
  await page.keyboard.press('Alt+Shift+KeyT');
  await expect.poll(() => card(page).isVisible()).toBe(true);
}

describe.skipIf(SKIP_BROWSER)('options page', () => {
  const s = useSession();

  it('a rule written in the editor (inline validation, examples run) fires on a help-desk page', async () => {
    await withPage(s, async (page) => {
      await page.setViewportSize({ width: 800, height: 900 });
      await page.goto(optionsUrl(s));
      await page.getByTestId('new-rule').click();
      const save = page.getByTestId('save-rule');
      await page.getByLabel('Id').fill('Per Policy');
      await page.getByLabel('Message (why it matters to the customer)').fill('Quoting policy tells the customer you will not try; say what you can do.');
      await page.getByLabel('Patterns, one per line').fill('per our policy');
      await page.getByLabel('Rewrites, one per line', { exact: false }).fill("here's what I can do: [option]");
      await page.getByLabel('Must flag (one reply per line)').fill('Per our policy, refunds take 10 days.\nI cannot, per our policy.');
      await page.getByLabel('Must not flag (one reply per line)').fill('Our policy allows a refund.\nCould you tell me what our policy said?');
      // Invalid id: marked inline with the engine's reason, save blocked.
      await expect.poll(() => page.getByTestId('err-id').textContent()).toMatch(/lower-case words joined by hyphens/);
      expect(await save.isDisabled()).toBe(true);
      // An example that does not fire is reported by running the engine.
      await page.getByLabel('Id').fill('per-our-policy');
      await page.getByLabel('Must flag (one reply per line)').fill('Per our policy, refunds take 10 days.\nRefunds take ten days.');
      await expect.poll(() => page.getByTestId('err-flags').textContent()).toMatch(/example 2 is not flagged/);
      expect(await save.isDisabled()).toBe(true);
      await page.getByLabel('Must flag (one reply per line)').fill('Per our policy, refunds take 10 days.\nI cannot, per our policy.');
      await expect.poll(() => save.isDisabled()).toBe(false);
      await save.click();
      await expect.poll(() => page.locator('tr[data-rule="per-our-policy"]').count()).toBe(1);
      const stored = (await storageLocal(s)).personalRules as { schemaVersion: number; rules: Array<{ id: string; patterns: string[] }> };
      expect(stored.schemaVersion).toBe(2);
      expect(stored.rules.map((r) => r.id)).toEqual(['per-our-policy']);

      // Sandbox uses the same rules, live.
      await page.getByRole('tab', { name: 'Sandbox' }).click();
      await page.getByTestId('sandbox-input').fill('Per our policy, no.');
      await expect.poll(() => page.locator('[data-testid="sandbox-findings"] li[data-rule="per-our-policy"]').count()).toBe(1);
      expect(await page.getByTestId('sandbox-findings').textContent()).toMatch(/here's what I can do: \[option\]/i);
      // No horizontal overflow at 800 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);

      // And in a reply box on a help-desk page.
      await withPage(s, async (desk) => {
        await typeReply(desk, s, 'Per our policy, refunds go back to the original card.');
        await expect.poll(async () => Number(await badge(desk).textContent())).toBe(1);
        await openCardAtCaret(desk);
        expect(await card(desk).getAttribute('data-rule')).toBe('per-our-policy');
        expect(await card(desk).locator('[data-tactful="suggestion"]').first().textContent()).toMatch(/here's what I can do: \[option\]/i);
      });

      // Export the pack, start from empty storage (a fresh profile's state), import it: it fires again.
      await page.getByRole('tab', { name: 'Import & export' }).click();
      await page.getByLabel('Pack name').fill('Acme support');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pack').click()]);
      expect(download.suggestedFilename()).toBe('acme-support.json');
      const exported = readFileSync(await download.path(), 'utf8');
      expect(JSON.parse(exported)).toMatchObject({ schemaVersion: 1, name: 'Acme support', rules: [{ id: 'per-our-policy' }] });
      await clearStorage(s);
      await page.reload();
      await page.getByTestId('import-file').setInputFiles({ name: 'acme-support.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await expect.poll(() => page.getByTestId('import-preview').textContent()).toMatch(/New rules \(1\): per-our-policy/);
      await page.getByTestId('confirm-import').click();
      await expect.poll(() => page.getByTestId('packs-status').textContent()).toMatch(/Imported “Acme support”/);
      await withPage(s, async (again) => {
        await typeReply(again, s, 'Per our policy, refunds go back to the original card.');
        await expect.poll(async () => Number(await badge(again).textContent())).toBe(1);
        await openCardAtCaret(again);
        expect(await card(again).getAttribute('data-rule')).toBe('per-our-policy');
      });
    });
  });

  it('a bad pack import shows what is wrong down to rule and field; rules stay unchanged', async () => {
    await withPage(s, async (page) => {
      const good = {
        schemaVersion: 2,
        rules: [{ id: 'keep-me', category: 'defensive', severity: 'info', message: 'Mine.', patterns: ['keep me'], suggestions: [], examples: { flags: ['keep me', 'please keep me'], allows: ['no', 'keep going'] } }],
        overrides: {},
        quarantine: [],
      };
      await s.worker.evaluate((v) => chrome.storage.local.set({ personalRules: v }), good);
      await page.goto(optionsUrl(s, 'packs'));
      const bad = { schemaVersion: 1, name: 'Broken', version: '1', rules: [{ ...good.rules[0], id: 'loud-rule', severity: 'loud' }] };
      await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
      const problems = page.getByTestId('import-problems');
      await expect.poll(() => problems.isVisible()).toBe(true);
      expect(await problems.textContent()).toMatch(/rules\[0\] "loud-rule" › severity.*must be one of info, warning, error/);
      expect(await page.getByTestId('packs-status').textContent()).toBe("broken.json can't be imported. Your rules are unchanged.");
      expect(await page.getByTestId('import-preview').count()).toBe(0);
      await page.getByTestId('import-file').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
      await expect.poll(() => problems.textContent()).toMatch(/not valid JSON/);
      expect((await storageLocal(s)).personalRules).toEqual(good);

      // A good pack: preview first, nothing written until confirmed.
      const pack = { schemaVersion: 1, name: 'Team', version: '2', rules: [{ ...good.rules[0], id: 'new-rule', patterns: ['new rule'], examples: { flags: ['new rule', 'a new rule here'], allows: ['no', 'old rule'] } }] };
      await page.getByTestId('import-file').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
      await expect.poll(() => page.getByTestId('import-preview').textContent()).toMatch(/New rules \(1\): new-rule/);
      expect((await storageLocal(s)).personalRules).toEqual(good);
      await page.getByTestId('confirm-import').click();
      await expect
        .poll(async () => ((await storageLocal(s)).personalRules as { rules: Array<{ id: string }> }).rules.map((r) => r.id))
        .toEqual(['keep-me', 'new-rule']);

      // Drag and drop goes through the same validation.
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
        document.querySelector('[data-testid="dropzone"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, JSON.stringify({ ...pack, rules: [{ ...pack.rules[0], patterns: [] }] }));
      await expect.poll(() => problems.textContent()).toMatch(/dropped\.json[\s\S]*rules\[0\] "new-rule" › patterns.*at least one pattern/);
      expect(await page.getByTestId('packs-status').textContent()).toMatch(/^dropped\.json can't be imported/);

      // Reset asks first; cancelling keeps the rules, confirming clears them.
      await page.getByRole('button', { name: 'Reset to defaults…' }).click();
      await page.getByRole('button', { name: 'Keep my rules' }).click();
      expect(((await storageLocal(s)).personalRules as { rules: unknown[] }).rules).toHaveLength(2);
      await page.getByRole('button', { name: 'Reset to defaults…' }).click();
      await page.getByTestId('confirm-reset').click();
      await expect.poll(async () => ((await storageLocal(s)).personalRules as { rules: unknown[] }).rules).toHaveLength(0);
    });
  });

  it('macro audit: a 200-macro CSV gives per-category totals that match the engine, sortable, exportable', async () => {
    await withPage(s, async (page) => {
      const bodies = [
        "That's not my department.",
        'Like I told you yesterday, it shipped.',
        "We'll get back to you when possible.",
        'Thanks for your patience, I have refunded you in full today.',
        'Sorry this upset you.',
      ];
      const macros = Array.from({ length: 200 }, (_, i) => ({ title: `Macro ${i + 1}`, body: `Hi there, ${bodies[i % bodies.length]}` }));
      const csv = 'title,body\n' + macros.map((m) => `"${m.title}","${m.body.replace(/"/g, '""')}"`).join('\n');
      const analyzer = createAnalyzer({ tips: false });
      const expected = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
      for (const m of macros) for (const f of analyzer.analyzeFresh(m.body).findings) expected[f.category]!++;

      await page.goto(optionsUrl(s, 'audit'));
      await page.getByTestId('audit-file').setInputFiles({ name: 'macros.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await expect.poll(() => page.getByTestId('audit-summary').textContent(), { timeout: 30_000 }).toMatch(/^200 macros audited/);
      const got = await page.locator('[data-testid="audit-totals"] td[data-category]').evaluateAll((tds) =>
        Object.fromEntries(tds.map((td) => [td.getAttribute('data-category'), Number(td.textContent)])),
      );
      expect(got).toEqual(expected);
      // Sort by total (descending): the first row has findings, the clean macros go last.
      await page.getByRole('button', { name: /^Total/ }).click();
      const firstTotal = await page.locator('[data-testid="audit-table"] tbody tr').first().locator('td.num').last().textContent();
      expect(Number(firstTotal)).toBeGreaterThan(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
      const path = await download.path();
      const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
      expect(lines[0]).toMatch(/^title,body,blame-shifting/);
    });
  });

  it('macro audit: 1,000 pasted macros are audited in chunks with progress painted along the way', async () => {
    await withPage(s, async (page) => {
      await page.goto(optionsUrl(s, 'audit'));
      const text = Array.from({ length: 1000 }, (_, i) => (i % 3 ? `Thanks for waiting, I have sent order ${i} today.` : "That's not my department, sorry.")).join('\n\n');
      await page.getByTestId('audit-input').fill(text);
      await page.evaluate(() => {
        const w = window as unknown as { seen: number[] };
        w.seen = [];
        // Sample what is on screen from separate tasks: only possible if the audit yields.
        const tick = () => {
          const el = document.querySelector('[data-testid="audit-progress"]') as HTMLProgressElement | null;
          if (el) w.seen.push(el.value);
          if (!document.querySelector('[data-testid="audit-summary"]')) setTimeout(tick, 5);
        };
        setTimeout(tick, 0);
      });
      await page.getByTestId('audit-run').click();
      await expect.poll(() => page.getByTestId('audit-summary').textContent(), { timeout: 60_000 }).toMatch(/^1000 macros audited, 334 with findings/);
      const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
      expect(seen.some((v) => v > 0 && v < 1000)).toBe(true);
      expect(await page.locator('[data-testid="audit-table"] tbody tr').count()).toBe(100); // paged
    });
  });

  it('the small personal settings roam through storage.sync; custom rules stay local', async () => {
    await s.worker.evaluate(() => chrome.storage.local.set({ settings: { enabled: true, sites: {}, disabledRules: ['minimising'], checkInternalNotes: true } }));
    const synced = () => s.worker.evaluate(() => chrome.storage.sync.get('tactfulSettings').then((g) => g.tactfulSettings as { settings?: { disabledRules?: string[]; checkInternalNotes?: boolean } } | undefined));
    await expect.poll(async () => (await synced())?.settings?.disabledRules, { timeout: 10_000 }).toEqual(['minimising']);
    expect((await synced())?.settings?.checkInternalNotes).toBe(true);
  });

  it('stats count an applied rewrite, per category, in the options page and the popup', async () => {
    await withPage(s, async (desk) => {
      await typeReply(desk, s, "That's not my department.");
      await expect.poll(async () => Number(await badge(desk).textContent())).toBe(1);
      await openCardAtCaret(desk);
      const category = (await card(desk).getAttribute('data-category'))!;
      await card(desk).locator('[data-tactful="suggestion"]').first().click();
      await expect.poll(() => desk.$eval('#reply', (e) => (e as HTMLTextAreaElement).value)).not.toMatch(/not my department/);
      const today = async () => {
        const st = (await storageLocal(s)).stats as { days?: Record<string, Record<string, Record<string, number>>> } | undefined;
        return Object.values(st?.days ?? {})[0]?.[category];
      };
      await expect.poll(today).toEqual({ shown: 1, applied: 1 });
      const stats = JSON.stringify((await storageLocal(s)).stats);
      expect(stats).not.toMatch(/department/i); // counts only, never text
    });
    await withPage(s, async (page) => {
      await page.goto(optionsUrl(s, 'stats'));
      await expect.poll(() => page.locator('[data-testid="stats-table"] tr[data-category="blame-shifting"] td[data-event="applied"]').textContent()).toBe('1');
      expect(await page.getByTestId('stats-chart').locator('title').first().textContent()).toMatch(/1 in total/);
      await page.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
      await expect.poll(() => page.locator('#stat-today-applied').textContent()).toBe('1');
      expect(await page.locator('#stat-week-shown').textContent()).toBe('1');
    });
  });
  it('an old, partly corrupt rule store keeps working and is repaired by the background without losing rules', async () => {
    const valid = { id: 'per-our-policy', category: 'blame-shifting', severity: 'warning', message: 'Say what you can do.', patterns: ['per our policy'], suggestions: [], examples: { flags: ['Per our policy, no.', 'As per our policy, no.'], allows: ['Fine.', 'Our policy is fair.'] } };
    const broken = { ...valid, id: 'broken-rule', patterns: ['/(a+)+b/'] };
    await s.worker.evaluate((v) => chrome.storage.local.set({ personalRules: v }), { version: 1, customRules: [valid, broken], severities: { 'as-i-said': 'info' } });
    // The content script and the options page read any store through the same migration.
    await withPage(s, async (desk) => {
      await typeReply(desk, s, 'Per our policy, refunds go back to the original card.');
      await expect.poll(async () => Number(await badge(desk).textContent())).toBe(1);
    });
    await withPage(s, async (page) => {
      await page.goto(optionsUrl(s));
      await expect.poll(() => page.getByTestId('quarantine').textContent()).toMatch(/broken-rule.*patterns\[0\].*nested quantifier/);
      expect(await page.locator('tr[data-rule="per-our-policy"]').count()).toBe(1);
    });
    // The background writes the repaired store back (the original is kept as a backup).
    await expect
      .poll(() => s.worker.evaluate(() => chrome.storage.local.get(['personalRules', 'personalRules:backup'])), { timeout: 15_000 })
      .toMatchObject({
        personalRules: { schemaVersion: 2, rules: [{ id: 'per-our-policy' }], overrides: { 'as-i-said': { severity: 'info' } }, quarantine: [{ rule: { id: 'broken-rule' } }] },
        'personalRules:backup': { version: 1 },
      });
  });
});
