/**
 * Manifest and build contracts: built-in hosts, frames, minimal permissions, strict CSP,
 * the Firefox variant, a lean content script and a background that carries the real engine.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyze } from '../../src/engine/index';
import { urlMatchesAny } from '../../src/shared/match';
import { normalizeSettings, isSiteEnabled } from '../../src/shared/settings';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
const cs = manifest.content_scripts[0];

describe('manifest.json', () => {
  it('runs on the built-in help desks and the demo hosts, in all frames', () => {
    for (const url of [
      'https://acme.zendesk.com/agent/tickets/1',
      'https://acme.freshdesk.com/a/tickets/2',
      'https://app.intercom.com/a/inbox',
      'https://secure.helpscout.net/conversation/3',
      'https://app.frontapp.com/open',
      'https://mail.google.com/mail/u/0/',
      'https://outlook.office.com/mail/',
      'https://outlook.live.com/mail/0/',
      'https://acme.lightning.force.com/lightning/r/Case/1/view',
      'https://app.hubspot.com/help-desk/1',
      'https://desk.zoho.com/agent/acme',
      'https://acme.gorgias.com/app/ticket/1',
      'https://acme.kustomerapp.com/app/customers',
      'https://app.chatwoot.com/app/accounts/1',
      'http://127.0.0.1:5178/',
      'http://localhost:3000/x',
    ]) {
      expect(urlMatchesAny(url, cs.matches), url).toBe(true);
    }
    for (const url of ['https://example.com/', 'https://zendesk.com.evil.io/', 'http://acme.zendesk.com/']) {
      expect(urlMatchesAny(url, cs.matches), url).toBe(false);
    }
    expect(cs.all_frames).toBe(true);
    expect(cs.match_about_blank).toBe(true);
    expect(cs.match_origin_as_fallback).toBe(true);
  });

  it('asks only for storage, scripting and activeTab; other hosts are optional', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.host_permissions).toEqual(cs.matches);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.options_ui).toEqual({ page: 'src/options/index.html', open_in_tab: true });
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(existsSync(join(ROOT, 'public', manifest.storage.managed_schema))).toBe(true);
  });

  it('has a strict CSP that forbids network access from extension pages', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe');
  });

  it('settings default to on and respect the per-site switch', () => {
    const s = normalizeSettings({ sites: { 'acme.zendesk.com': false, 'bad host!': false }, disabledRules: ['x', 3] });
    expect(s.enabled).toBe(true);
    expect(s.sites).toEqual({ 'acme.zendesk.com': false });
    expect(s.disabledRules).toEqual(['x']);
    expect(s.checkInternalNotes).toBe(false);
    expect(isSiteEnabled(s, 'acme.zendesk.com')).toBe(false);
    expect(isSiteEnabled(s, 'acme.freshdesk.com')).toBe(true);
  });

  it('card and panel-only preferences: defaults for old stores, repaired when invalid', () => {
    const old = normalizeSettings({ enabled: true, sites: {}, disabledRules: [], checkInternalNotes: false });
    expect(old.cardOn).toBe('click');
    expect(old.panelOnlyCategories).toEqual([]);
    const ok = normalizeSettings({ cardOn: 'hover', panelOnlyCategories: ['lecturing', 'defensive'] });
    expect(ok.cardOn).toBe('hover');
    expect(ok.panelOnlyCategories).toEqual(['defensive', 'lecturing']);
    const bad = normalizeSettings({ cardOn: 'hover!', panelOnlyCategories: ['nope', 3, 'defensive', 'defensive'] });
    expect(bad.cardOn).toBe('click');
    expect(bad.panelOnlyCategories).toEqual(['defensive']);
    expect(normalizeSettings({ panelOnlyCategories: 'defensive' }).panelOnlyCategories).toEqual([]);
  });
});

const built = (browser: string) => join(ROOT, 'dist', browser, 'manifest.json');

/** The code of a module and every module it imports statically (relative paths), joined. */
function workerGraph(entry: string, seen = new Set<string>()): string {
  if (seen.has(entry)) return '';
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  let all = code;
  for (const m of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)) all += workerGraph(join(dirname(entry), m[1]!), seen);
  return all;
}

describe.skipIf(!existsSync(built('chrome')) || !existsSync(built('firefox')))('built extension (npm run build)', () => {
  it('chrome: a lean self-contained content script, and a service worker that carries the engine', () => {
    const m = JSON.parse(readFileSync(built('chrome'), 'utf8'));
    expect(m.background.service_worker).toBeTruthy();
    const file = join(ROOT, 'dist/chrome', m.content_scripts[0].js[0]);
    const code = readFileSync(file, 'utf8');
    // The rules and compromise stay out of the help-desk page: a rule id the engine reports
    // for a known sentence is in the worker's module graph, not in the content script.
    const ruleId = analyze("That's not my department.").findings[0]!.ruleId;
    expect(code).not.toContain(`"${ruleId}"`);
    expect(code).not.toContain(ruleId);
    expect(code.length).toBeLessThan(120_000);
    expect(code).not.toMatch(/\bimport\s*\(/); // no dynamic loader, so registerContentScripts can use it
    expect(code).not.toMatch(/https?:\/\/(?!www\.w3\.org)[a-z0-9.-]+\.[a-z]{2,}\/[^\s"'`]*api/i);
    expect(workerGraph(join(ROOT, 'dist/chrome', m.background.service_worker))).toContain(ruleId);
  });

  it('firefox: background scripts, gecko id and minimum version', () => {
    const m = JSON.parse(readFileSync(built('firefox'), 'utf8'));
    expect(m.background.scripts).toHaveLength(1);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(Number.parseFloat(m.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(128);
    expect(m.minimum_chrome_version).toBeUndefined();
  });
});
