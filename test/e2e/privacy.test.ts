/**
 * Privacy: on help-desk fixture pages, typing a reply, applying and dismissing suggestions and
 * opening the panel make no network request at all (the page's own files load before typing
 * starts; nothing after), and no reply text ends up in any storage area (local, sync, session).
 * The built bundles the extension runs (content script, service worker) contain no network API,
 * and the extension pages' CSP forbids connections.
 */
import { describe, it, expect } from 'vitest';
import type { Request } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SKIP_BROWSER, badge, card, dumpStorage, inExtensionPage, useSession, withPage, EXT_DIR } from './harness';
import { analyze } from '../../src/engine/index';

/** Words that appear nowhere but in the reply typed below. */
const MARKERS = ['Quokkaville', 'Zanzibarian', '98765431', 'Thistlewood'];
const REPLY =
  'Hi Thistlewood, thanks for writing in about order 98765431. ' +
  "That's not my department, the Quokkaville office handles it. " +
  'As I already said, the Zanzibarian parcel shipped. We will get back to you when possible.';

const PAGES = [
  { page: 'textarea.html', selector: '#reply' },
  { page: 'contenteditable.html', selector: '#reply' },
  { page: 'prosemirror.html', selector: '.ProseMirror' },
  { page: 'ckeditor.html', selector: '.ck-editor__editable' },
];

describe.skipIf(SKIP_BROWSER)('privacy', () => {
  const s = useSession({ clearStorage: false });

  it('typing, applying and dismissing: zero network requests from any context, no reply text in storage', async () => {
    await inExtensionPage(s, async () => {
      await chrome.storage.local.clear();
      await chrome.storage.session.clear();
    });
    const requests: Array<{ url: string; phase: string; from: string }> = [];
    let phase = 'load';
    const record = (from: string) => (r: Request) => requests.push({ url: r.url(), phase, from });
    s.context.on('request', record('context'));

    for (const { page: name, selector } of PAGES) {
      await withPage(s, async (page) => {
        phase = `load ${name}`;
        await page.goto(s.fixtures.url(name));
        await page.waitForSelector(selector);
        await page.waitForLoadState('networkidle');
        phase = `typing ${name}`;
        await page.click(selector);
        await page.keyboard.type(REPLY);
        const n = analyze(REPLY).findings.length;
        await expect.poll(async () => Number(await badge(page).textContent()), { timeout: 10_000 }).toBe(n);
        // Apply the first finding's first rewrite, dismiss the next one, open the panel.
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('Alt+Shift+KeyT');
        await expect.poll(() => card(page).isVisible()).toBe(true);
        await card(page).locator('[data-tactful="suggestion"]').first().click();
        await expect.poll(() => card(page).count()).toBe(0);
        await page.keyboard.press('Alt+Shift+KeyT');
        await expect.poll(() => card(page).isVisible()).toBe(true);
        await card(page).locator('[data-tactful="dismiss"]').click();
        await badge(page).click();
        await expect.poll(() => page.locator('tactful-overlay [data-tactful="panel"]').count()).toBe(1);
        await page.waitForTimeout(400); // counts to the background are debounced
      });
    }
    phase = 'done';

    // Only the fixture pages' own files, and only while they loaded.
    expect(requests.length, 'the request log works (the pages loaded their files)').toBeGreaterThan(4);
    const afterLoad = requests.filter((r) => !r.phase.startsWith('load'));
    expect(afterLoad).toEqual([]);
    for (const r of requests) expect(r.url.startsWith(s.fixtures.origin), r.url).toBe(true);

    // No reply text in any storage area.
    const dump = JSON.stringify(await dumpStorage(s));
    for (const m of MARKERS) expect(dump, `"${m}" found in storage`).not.toContain(m);
    for (const sentence of REPLY.split(/(?<=[.!?])\s+/)) expect(dump).not.toContain(sentence.slice(0, 24));
  });

  it("a page's own script cannot reach the engine port (reply text goes only from the content script to the background)", async () => {
    await withPage(s, async (page) => {
      await page.goto(s.fixtures.url('textarea.html'));
      await page.click('#reply');
      await page.keyboard.type(REPLY);
      await expect.poll(async () => Number(await badge(page).textContent()), { timeout: 10_000 }).toBe(analyze(REPLY).findings.length);
      // The page's main world: no externally_connectable, so no runtime to connect with,
      // or a connect that fails; a forged engine request through window messages goes nowhere.
      const outcome = await page.evaluate(async (id) => {
        const w = window as unknown as { chrome?: { runtime?: { connect?: (id: string, o: object) => { onMessage: { addListener(f: (m: unknown) => void): void }; onDisconnect: { addListener(f: () => void): void }; postMessage(m: unknown): void } } } };
        window.postMessage({ type: 'analyze', field: 1, seq: 1, base: null, at: 0, remove: 0, insert: 'x' }, '*');
        const connect = w.chrome?.runtime?.connect;
        if (typeof connect !== 'function') return 'no runtime.connect in the page';
        try {
          const port = connect(id, { name: 'tactful-engine' });
          return await new Promise<string>((done) => {
            port.onMessage.addListener(() => done('answered'));
            port.onDisconnect.addListener(() => done('disconnected'));
            port.postMessage({ type: 'analyze', field: 1, seq: 1, base: null, at: 0, remove: 0, insert: "That's not my department." });
            setTimeout(() => done('no answer'), 1500);
          });
        } catch (e) {
          return `connect threw: ${String(e)}`;
        }
      }, s.extensionId);
      expect(outcome).not.toBe('answered');
    });
  });

  it('the shipped content script and service worker contain no network API; extension pages may not connect', () => {
    const manifest = JSON.parse(readFileSync(join(EXT_DIR, 'manifest.json'), 'utf8')) as {
      content_scripts: Array<{ js: string[] }>;
      background: { service_worker: string };
      content_security_policy: { extension_pages: string };
    };
    expect(manifest.content_security_policy.extension_pages).toMatch(/connect-src 'none'/);
    const files = new Set<string>(manifest.content_scripts.flatMap((c) => c.js));
    // The worker and every chunk it imports.
    const queue = [manifest.background.service_worker];
    while (queue.length) {
      const f = queue.pop()!;
      if (files.has(f)) continue;
      files.add(f);
      const src = readFileSync(join(EXT_DIR, f), 'utf8');
      for (const m of src.matchAll(/(?:import|from)\s*["']\.{0,2}\/?([^"']+\.js)["']/g)) {
        const dep = m[1]!.startsWith('assets/') || m[1]!.startsWith('src/') ? m[1]! : join(f.split('/').slice(0, -1).join('/'), m[1]!);
        queue.push(dep.replace(/^\.\//, ''));
      }
    }
    expect(files.size).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const src = readFileSync(join(EXT_DIR, f), 'utf8');
      for (const api of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts(', 'RTCPeerConnection']) {
        expect(src.includes(api), `${f} uses ${api}`).toBe(false);
      }
    }
  });
});
