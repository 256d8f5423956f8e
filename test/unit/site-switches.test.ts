/** Per-site switches: host entries, built-in wildcard entries (`*.zendesk.com`) and which one wins. */
import { describe, it, expect } from 'vitest';
import { isSiteEnabled, isSiteKey, normalizeSettings, setSiteSwitch, wildcardsFor } from '../../src/shared/settings';

describe('site switches', () => {
  it('a wildcard entry is kept in storage; malformed ones are dropped', () => {
    const s = normalizeSettings({ sites: { '*.zendesk.com': false, '*.': false, '*.a.com:443': false, 'a.*.com': false, '**.x.com': false } });
    expect(s.sites).toEqual({ '*.zendesk.com': false });
    expect(isSiteKey('*.zendesk.com')).toBe(true);
    expect(isSiteKey('*')).toBe(false);
  });

  it('a wildcard that is off turns off the domain and every subdomain, and nothing else', () => {
    const s = normalizeSettings({ sites: { '*.zendesk.com': false } });
    expect(isSiteEnabled(s, 'acme.zendesk.com')).toBe(false);
    expect(isSiteEnabled(s, 'a.b.zendesk.com')).toBe(false);
    expect(isSiteEnabled(s, 'zendesk.com')).toBe(false);
    expect(isSiteEnabled(s, 'notzendesk.com')).toBe(true);
    expect(isSiteEnabled(s, 'acme.freshdesk.com')).toBe(true);
    expect(isSiteEnabled(s, 'zendesk.com.evil.example')).toBe(true);
  });

  it("a host's own entry wins over the wildcard; the most specific wildcard wins over a broader one", () => {
    const s = normalizeSettings({ sites: { '*.zendesk.com': false, 'acme.zendesk.com': true, '*.eu.zendesk.com': true } });
    expect(isSiteEnabled(s, 'acme.zendesk.com')).toBe(true);
    expect(isSiteEnabled(s, 'other.zendesk.com')).toBe(false);
    expect(isSiteEnabled(s, 'shop.eu.zendesk.com')).toBe(true);
    expect(wildcardsFor('shop.eu.zendesk.com:8443')).toEqual(['*.shop.eu.zendesk.com', '*.eu.zendesk.com', '*.zendesk.com']);
  });

  it('switching keeps only entries that change something', () => {
    const s = normalizeSettings({});
    setSiteSwitch(s, '*.zendesk.com', false);
    expect(s.sites).toEqual({ '*.zendesk.com': false });
    // On again for one subdomain under the switched-off wildcard: an explicit "on".
    setSiteSwitch(s, 'acme.zendesk.com', true);
    expect(s.sites).toEqual({ '*.zendesk.com': false, 'acme.zendesk.com': true });
    // Off for it again matches the wildcard: the entry goes.
    setSiteSwitch(s, 'acme.zendesk.com', false);
    expect(s.sites).toEqual({ '*.zendesk.com': false });
    setSiteSwitch(s, '*.zendesk.com', true);
    expect(s.sites).toEqual({});
    setSiteSwitch(s, 'acme.freshdesk.com', false);
    expect(s.sites).toEqual({ 'acme.freshdesk.com': false });
    setSiteSwitch(s, 'acme.freshdesk.com', true);
    expect(s.sites).toEqual({});
  });
});
