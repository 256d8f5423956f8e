import { afterAll, beforeAll, beforeEach } from 'vitest';
/**
 * Browser end-to-end harness: serves the fixture pages (fixture-server.ts) and launches
 * Chromium with dist/chrome loaded.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { analyze } from '../../src/engine/index';
import { buildFixtures, serve, type FixtureServer } from './fixture-server';

export { buildFixtures, serve, type FixtureServer };

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXT_DIR = join(ROOT, 'dist/chrome');

export function findChromium(): string | null {
  const env = process.env.CHROME_PATH;
  if (env && existsSync(env)) return env;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (existsSync(p)) return p;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const out = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (out) return out;
    } catch {
      // not on PATH
    }
  }
  return null;
}

export const CHROMIUM = findChromium();
/** On CI a missing browser is a failure, not a skip. */
export const SKIP_BROWSER = !CHROMIUM && process.env.CI !== 'true';

export function requireBrowser(): string {
  if (!CHROMIUM) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROME_PATH');
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) {
    throw new Error('dist/chrome is missing: run `npm run build` (or `npm run build:ext`) first');
  }
  return CHROMIUM;
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  fixtures: FixtureServer;
  close(): Promise<void>;
}

/** Chromium flags for tests and the browser bench: new headless mode (extensions need it), nothing that phones home. */
export const BROWSER_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export async function launch(): Promise<Session> {
  const exe = requireBrowser();
  const dir = await buildFixtures();
  const fixtures = await serve(dir);
  const profile = mkdtempSync(join(tmpdir(), 'tactful-profile-'));
  // Developer mode, as for anyone who loads the unpacked build: without it, Chromium may keep a
  // reloaded command-line extension disabled as an "unsupported developer extension".
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: exe,
    headless: false, // the real flag is below: extensions need the new headless mode
    args: [...BROWSER_ARGS, `--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`],
    viewport: { width: 1100, height: 800 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    fixtures,
    async close() {
      await context.close();
      await fixtures.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ——— page helpers (all overlay lookups pierce the open shadow root) ———

export const badge = (page: Page) => page.locator('tactful-overlay [data-tactful="badge"]');
export const card = (page: Page) => page.locator('tactful-overlay [data-tactful="card"]');
/** One per finding (continuation boxes of a wrapped span carry data-part). */
export const marks = (page: Page) => page.locator('tactful-overlay [data-tactful="mark"]:not([data-part])');

/** Number of ranges per Tactful highlight in a document (main world sees the same registry). */
export async function highlightSizes(page: Page, frameSelector?: string): Promise<Record<string, number>> {
  return page.evaluate((sel) => {
    const win = sel ? (document.querySelector(sel) as HTMLIFrameElement).contentWindow! : window;
    const out: Record<string, number> = {};
    for (const [name, h] of (win as typeof window).CSS.highlights) {
      if (String(name).startsWith('tactful-')) out[String(name)] = (h as Highlight).size;
    }
    return out;
  }, frameSelector ?? null);
}

export function totalFlagged(sizes: Record<string, number>): number {
  return Object.entries(sizes).filter(([k]) => k !== 'tactful-active').reduce((a, [, n]) => a + n, 0);
}

export const FLAGGED = "That's not my department.";
export const FLAGGED_2 = 'As I already said, it shipped.';
/** The words each one's card covers (the underline is the problem's words, not the whole sentence). */
export const FLAGGED_SPAN = analyze(FLAGGED).findings[0]!.text;
export const FLAGGED_2_SPAN = analyze(FLAGGED_2).findings[0]!.text;

export type MarkMode = 'css' | 'overlay';

/** Centres of the flagged spans, in reading order, in root-page coordinates. */
export async function flaggedPoints(page: Page, mode: MarkMode, frameSelector?: string): Promise<Array<{ x: number; y: number }>> {
  if (mode === 'overlay') {
    const boxes = await marks(page).evaluateAll((els) =>
      els.map((e) => {
        const r = e.getClientRects()[0] ?? e.getBoundingClientRect(); // first line of a wrapped span
        return { x: r.left + Math.min(r.width / 2, 12), y: r.top + r.height / 2, w: r.width };
      }),
    );
    return boxes.filter((b) => b.w > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  }
  return page.evaluate((sel) => {
    const frame = sel ? (document.querySelector(sel) as HTMLIFrameElement) : null;
    const win = (frame ? frame.contentWindow! : window) as typeof window;
    const off = frame ? frame.getBoundingClientRect() : { left: 0, top: 0 };
    const pts: Array<{ x: number; y: number }> = [];
    for (const [name, h] of win.CSS.highlights) {
      if (!String(name).startsWith('tactful-') || name === 'tactful-active') continue;
      for (const r of h as Highlight) {
        const rect = (r as Range).getClientRects()[0];
        if (rect) pts.push({ x: off.left + rect.left + Math.min(rect.width / 2, 12), y: off.top + rect.top + rect.height / 2 });
      }
    }
    return pts.sort((a, b) => a.y - b.y || a.x - b.x);
  }, frameSelector ?? null);
}

export async function cardSpan(page: Page): Promise<{ start: number; end: number }> {
  const c = card(page);
  return { start: Number(await c.getAttribute('data-start')), end: Number(await c.getAttribute('data-end')) };
}

/** The element focused inside the overlay's shadow root (data-tactful value), or null. */
export async function overlayFocus(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('tactful-overlay');
    const el = host?.shadowRoot?.activeElement;
    return el ? el.getAttribute('data-tactful') : null;
  });
}

export async function storageLocal(s: Session): Promise<Record<string, unknown>> {
  return s.worker.evaluate(() => chrome.storage.local.get(null));
}

export async function clearStorage(s: Session): Promise<void> {
  await s.worker.evaluate(() => chrome.storage.local.clear());
}

export const norm = (t: string) => t.replace(/\u00a0/g, ' ');

// ——— helpers for the robustness, privacy and lifecycle tests (additive) ———

/** Collects uncaught page errors and console errors (the content script's too) while the page lives. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The fixture server has no favicon: the browser's own 404 for it is not a page error.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  return errors;
}

/** The extension's current service worker (after a restart, the new one). */
export async function currentWorker(s: Session): Promise<Worker> {
  const prefix = `chrome-extension://${s.extensionId}/`;
  const live = s.context.serviceWorkers().filter((w) => w.url().startsWith(prefix));
  if (live.length) return live[live.length - 1]!;
  return s.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 30_000 });
}

/**
 * Every storage area's contents, read from an extension page (works whether or not the service
 * worker is running, and after it was restarted). Session storage is readable from extension pages.
 */
export async function dumpStorage(s: Session): Promise<Record<'local' | 'sync' | 'session', Record<string, unknown>>> {
  return withPage(s, async (page) => {
    await page.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
    return page.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
    }));
  });
}

/** Stops the extension's service worker the way Chrome does when it idles (CDP ServiceWorker.stopWorker). */
export async function stopServiceWorker(s: Session, page: Page): Promise<void> {
  const cdp = await s.context.newCDPSession(page);
  try {
    const versions = new Map<string, { runningStatus: string; scriptURL: string }>();
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) versions.set(v.versionId, v);
    });
    await cdp.send('ServiceWorker.enable');
    const prefix = `chrome-extension://${s.extensionId}/`;
    const ours = async () => {
      for (let i = 0; i < 100; i++) {
        const v = [...versions.entries()].find(([, x]) => x.scriptURL.startsWith(prefix));
        if (v) return v;
        await page.waitForTimeout(50);
      }
      throw new Error('the extension has no service worker version');
    };
    const [versionId] = await ours();
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    for (let i = 0; i < 200 && versions.get(versionId)?.runningStatus !== 'stopped'; i++) await page.waitForTimeout(50);
    if (versions.get(versionId)?.runningStatus !== 'stopped') throw new Error('the service worker did not stop');
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Runs a function in an extension page (chrome.* available), e.g. when the worker object is stale. */
export async function inExtensionPage<T>(s: Session, fn: () => Promise<T> | T): Promise<T> {
  const page = await s.context.newPage();
  try {
    await page.goto(`chrome-extension://${s.extensionId}/src/popup/index.html`);
    return await page.evaluate(fn);
  } finally {
    await page.close().catch(() => {});
  }
}

/** Opens a new tab, runs `fn` with it and always closes it (whether `fn` returns or throws). */
export async function withPage<T>(s: Pick<Session, 'context'>, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await s.context.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

/**
 * One browser session per test file, launched before its tests and closed after them, with
 * extension storage cleared before each test (`{ clearStorage: false }` leaves it as the tests
 * left it, e.g. where a test restarts the service worker). The returned object reads the live
 * session.
 */
export function useSession(opts: { clearStorage?: boolean } = {}): Session {
  let live: Session | undefined;
  beforeAll(async () => {
    live = await launch();
  });
  afterAll(async () => {
    await live?.close();
  });
  beforeEach(async () => {
    if (live && opts.clearStorage !== false) await clearStorage(live);
  });
  return new Proxy({} as Session, {
    get(_target, key) {
      if (!live) throw new Error('the browser session is not launched yet (use it inside tests or hooks)');
      return live[key as keyof Session];
    },
  });
}
