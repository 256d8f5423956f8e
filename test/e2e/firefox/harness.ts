/**
 * Firefox end-to-end harness: Debian's Firefox ESR driven over WebDriver BiDi (puppeteer-core),
 * with the production build in dist/firefox installed as a temporary add-on. The Chromium
 * suite (../harness.ts) covers far more; this one proves the Firefox build works for real:
 * the event-page background, the engine port, the highlights, the card, managed storage.
 */
import { afterAll, beforeAll } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildFixtures, serve, type FixtureServer } from '../fixture-server';
import { markedTextsInPage } from '../page-reads';

const ROOT = resolve(import.meta.dirname, '../../..');
export const FIREFOX_EXT_DIR = join(ROOT, 'dist/firefox');
/** The gecko id in the Firefox manifest (vite.config.ts). */
export const ADDON_ID = 'tactful@tactful.dev';

export function findFirefox(): string | null {
  const env = process.env.FIREFOX_PATH;
  if (env && existsSync(env)) return env;
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  return null;
}

export const FIREFOX = findFirefox();
/** On CI a missing browser is a failure, not a skip. */
export const SKIP_FIREFOX = !FIREFOX && process.env.CI !== 'true';

export interface FirefoxOptions {
  /**
   * Values for `storage.managed`, the way an admin sets them on Linux: a managed-storage
   * manifest in ~/.mozilla/managed-storage (HOME is a temp dir per session).
   */
  policy?: Record<string, unknown>;
  /** Extra Firefox preferences. */
  prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxSession {
  browser: Browser;
  fixtures: FixtureServer;
  close(): Promise<void>;
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxSession> {
  if (!FIREFOX) throw new Error('Firefox not found: install it (apt-get install firefox-esr) or set FIREFOX_PATH');
  if (!existsSync(join(FIREFOX_EXT_DIR, 'manifest.json'))) throw new Error('dist/firefox is missing: run `npm run build` first');
  const fixtures = await serve(await buildFixtures());
  // A HOME of its own: no managed storage or profile of the machine's user leaks in.
  const home = mkdtempSync(join(tmpdir(), 'tactful-firefox-home-'));
  if (opts.policy) {
    const dir = join(home, '.mozilla/managed-storage');
    mkdirSync(dir, { recursive: true });
    const manifest = { name: ADDON_ID, description: 'Tactful team policy (test)', type: 'storage', data: opts.policy };
    writeFileSync(join(dir, `${ADDON_ID}.json`), JSON.stringify(manifest));
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    env: { ...process.env, HOME: home },
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: { ...opts.prefs },
  });
  try {
    await browser.installExtension(FIREFOX_EXT_DIR);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return {
    browser,
    fixtures,
    async close() {
      await browser.close();
      await fixtures.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** One Firefox per test file. */
export function useFirefox(opts: FirefoxOptions = {}): FirefoxSession {
  const holder = {} as FirefoxSession;
  beforeAll(async () => {
    Object.assign(holder, await launchFirefox(opts));
  });
  afterAll(async () => {
    await holder.close?.();
  });
  return holder;
}

/** A fresh tab for `fn`; its page errors and console errors are returned for asserting. */
export async function withTab(s: FirefoxSession, url: string, fn: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const page = await s.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message ?? String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  try {
    await page.goto(s.fixtures.url(url));
    await fn(page, errors);
  } finally {
    await page.close();
  }
}

// ——— what the agent sees (the overlay's shadow root is open; the main world can read it) ———

export interface CardView {
  rule: string;
  start: number;
  end: number;
  locked: boolean;
  suggestions: string[];
  canTurnOff: boolean;
  error: string | null;
}

export function badgeCount(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const t = document.querySelector('tactful-overlay')?.shadowRoot?.querySelector('[data-tactful="badge"]')?.textContent;
    return t ? Number(t) : null;
  });
}

/** Words under Tactful's marks: CSS highlight ranges, or the textarea mirror's marks. Sorted. */
export function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(markedTextsInPage);
}

export function cardView(page: Page): Promise<CardView | null> {
  return page.evaluate(() => {
    const c = document.querySelector('tactful-overlay')?.shadowRoot?.querySelector<HTMLElement>('[data-tactful="card"]');
    if (!c || c.style.display === 'none') return null;
    return {
      rule: c.dataset.rule ?? '',
      start: Number(c.dataset.start),
      end: Number(c.dataset.end),
      locked: c.hasAttribute('data-locked'),
      suggestions: [...c.querySelectorAll('[data-tactful="suggestion"]')].map((b) => b.textContent ?? ''),
      canTurnOff: !!c.querySelector('[data-tactful="disable-rule"]'),
      error: c.querySelector('[data-tactful="error"]')?.textContent ?? null,
    };
  });
}

/** Clicks a control in the card (trusted mouse click at its centre). */
export async function clickInCard(page: Page, control: string, index = 0): Promise<void> {
  const handle = await page.evaluateHandle(
    (sel, i) => document.querySelector('tactful-overlay')!.shadowRoot!.querySelectorAll(`[data-tactful="card"] [data-tactful="${sel}"]`)[i]!,
    control,
    index,
  );
  await (handle as unknown as { click(): Promise<void> }).click();
}

export async function pressShortcut(page: Page): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyT');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

export async function pressCtrl(page: Page, key: 'Home' | 'End' | 'KeyZ'): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}
