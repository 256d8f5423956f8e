/**
 * Extension-level behaviour: no network traffic from any part of the extension, the
 * background's per-tab counts and message validation, and the per-site switch.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { SKIP_BROWSER, badge, useSession, FLAGGED, FLAGGED_2 } from './harness';

// Report requests made by service workers too (extension background included).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const REPLY = `Hi Sam, ${FLAGGED} ${FLAGGED_2}`;

describe.skipIf(SKIP_BROWSER)('extension', () => {
  const s = useSession();
  const requests: string[] = [];
  beforeAll(() => {
    s.context.on('request', (r: Request) => requests.push(r.url()));
  });

  async function popupPage(): Promise<Page> {
    const p = await s.context.newPage();
    await p.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
    return p;
  }

  async function tabIdOf(url: string): Promise<number> {
    return s.worker.evaluate(async (u) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => t.url === u)!.id!;
    }, url);
  }

  const send = (p: Page, msg: unknown) => p.evaluate((m) => chrome.runtime.sendMessage(m), msg);

  it('makes no network requests: only the fixture server and its own files are loaded', async () => {
    requests.length = 0;
    const page = await s.context.newPage();
    await page.goto(s.fixtures.url('prosemirror.html'));
    await page.click('.ProseMirror');
    await page.keyboard.type(REPLY);
    await expect.poll(async () => Number(await badge(page).textContent())).toBeGreaterThanOrEqual(2);
    const pm = await s.context.newPage();
    await pm.goto(s.fixtures.url('textarea.html'));
    await pm.click('#reply');
    await pm.keyboard.type(REPLY);
    await expect.poll(async () => Number(await badge(pm).textContent())).toBeGreaterThanOrEqual(2);
    const popup = await popupPage();
    await popup.waitForTimeout(300);

    const own = `chrome-extension://${s.extensionId}/`;
    expect(requests.some((u) => u.startsWith(s.fixtures.origin))).toBe(true); // the recorder works
    const foreign = requests.filter((u) => !u.startsWith(s.fixtures.origin + '/') && !u.startsWith(own));
    expect(foreign).toEqual([]);
    // resource timing of the service worker and the popup: nothing but the extension's own files
    const swEntries = await s.worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(swEntries.filter((u) => !u.startsWith(own))).toEqual([]);
    const popupEntries = await popup.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(popupEntries.filter((u) => !u.startsWith(own))).toEqual([]);
    // and the page saw no requests beyond its own files
    const pageEntries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(pageEntries.filter((u) => !u.startsWith(s.fixtures.origin))).toEqual([]);
    await Promise.all([page.close(), pm.close(), popup.close()]);
  });

  it('background keeps the findings count per tab and validates messages', async () => {
    const page = await s.context.newPage();
    const url = s.fixtures.url('textarea.html');
    await page.goto(url);
    await page.click('#reply');
    await page.keyboard.type(REPLY);
    await expect.poll(async () => Number(await badge(page).textContent())).toBeGreaterThanOrEqual(2);
    const n = Number(await badge(page).textContent());
    const tabId = await tabIdOf(url);
    const popup = await popupPage();
    await expect
      .poll(async () => ((await send(popup, { type: 'get-tab-state', tabId })) as { count: number }).count)
      .toBe(n);
    const state = (await send(popup, { type: 'get-tab-state', tabId })) as Record<string, unknown>;
    expect(state).toMatchObject({ host: new URL(url).host, hasAccess: true, enabled: true, siteEnabled: true, supported: true });

    // malformed messages are dropped
    for (const bad of [
      { type: 'get-tab-state', tabId: -1 },
      { type: 'get-tab-state', tabId, extra: 1 },
      { type: 'set-enabled', enabled: 'no' },
      { type: 'nope' },
      'get-tab-state',
      null,
    ]) {
      expect(await send(popup, bad)).toBeUndefined();
    }
    // the toolbar badge shows the count too
    const text = await s.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(text).toBe(String(n));
    await Promise.all([page.close(), popup.close()]);
  });

  it('"Enable on this site": refuses without the host permission; unknown hosts report no access', async () => {
    const popup = await popupPage();
    expect(await send(popup, { type: 'site-permission-granted', origin: 'https://help.example.org', tabId: 1 })).toBe(false);
    const registered = await s.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered).toEqual([]);
    await popup.close();
  });

  it('the per-site switch turns Tactful off and on for that host', async () => {
    const page = await s.context.newPage();
    const url = s.fixtures.url('contenteditable.html');
    await page.goto(url);
    await page.click('#reply');
    await page.keyboard.type(REPLY);
    await expect.poll(() => badge(page).count()).toBe(1);
    const popup = await popupPage();
    const host = new URL(url).host;
    expect(await send(popup, { type: 'set-site-enabled', host, enabled: false })).toBe(true);
    await expect.poll(() => page.locator('tactful-overlay').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('tactful-')).reduce((a, k) => a + (CSS.highlights.get(k)?.size ?? 0), 0)))
      .toBe(0);
    expect(await send(popup, { type: 'set-site-enabled', host, enabled: true })).toBe(true);
    await page.click('#reply');
    await page.keyboard.type(' ');
    await expect.poll(async () => Number(await badge(page).textContent())).toBeGreaterThanOrEqual(2);
    await Promise.all([page.close(), popup.close()]);
  });

  it('popup renders the site switch and no options link', async () => {
    const popup = await popupPage();
    await expect.poll(() => popup.locator('#count').textContent()).not.toBe('Checking this tab…');
    expect(await popup.locator('a').count()).toBe(0);
    await popup.close();
  });
});
