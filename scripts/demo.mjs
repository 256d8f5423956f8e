#!/usr/bin/env node
// `npm run demo`: build the extension, serve demo/ on 127.0.0.1 and open Chromium with
// dist/chrome loaded in a throwaway profile.
// `npm run demo -- --screenshot out.png`: headless; types a sample reply, opens a card, saves a screenshot.
// Options: --no-build (reuse dist/chrome), --port N.
import { build } from 'esbuild';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = join(ROOT, 'dist/chrome');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const screenshot = option('--screenshot');
const port = Number(option('--port') ?? (screenshot ? 0 : 5178));

const SAMPLE = [
  'Hi Dana,',
  "Thanks for getting in touch. That's not my department, billing handles refunds.",
  'As I already said, it shipped. We will get back to you when possible.',
];

function findBrowser() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const p = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (p) return p;
    } catch {
      // not on PATH
    }
  }
  for (const mac of ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']) {
    if (existsSync(mac)) return mac;
  }
  return null;
}

function manualSteps(url) {
  return [
    'To try Tactful in your own Chrome or Chromium:',
    '  1. Open chrome://extensions',
    '  2. Turn on "Developer mode" (top right)',
    `  3. Click "Load unpacked" and choose ${EXT}`,
    `  4. Open ${url}`,
    '(Branded Google Chrome 137+ ignores --load-extension, so loading by hand is the way there.)',
  ].join('\n');
}

async function bundleDemo() {
  const out = mkdtempSync(join(tmpdir(), 'tactful-demo-'));
  cpSync(join(ROOT, 'demo'), out, { recursive: true, filter: (s) => !s.endsWith('.ts') });
  await build({
    entryPoints: [join(ROOT, 'demo/main.ts')],
    outdir: out,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'error',
  });
  return out;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

function serve(dir) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = resolve(dir, `.${path === '/' ? '/index.html' : decodeURIComponent(path)}`);
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

async function takeScreenshot(browserPath, url, outFile) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'tactful-demo-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: false, // --headless=new below: extensions need the new headless mode
    args: ['--headless=new', `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox',
      '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1180, height: 1000 },
    deviceScaleFactor: 1,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.click('#reply-email');
    await page.keyboard.type(SAMPLE.join('\n'));
    await page.click('#reply-chat');
    await page.keyboard.type(SAMPLE[1]);
    await page.click('#reply-rich .ProseMirror');
    for (const [i, line] of SAMPLE.entries()) {
      if (i) await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    await page.waitForTimeout(400);
    // open the card for the first flagged span in the rich editor
    const point = await page.evaluate(() => {
      const pm = document.querySelector('#reply-rich .ProseMirror');
      const pts = [];
      for (const [name, h] of CSS.highlights) {
        if (!String(name).startsWith('tactful-') || name === 'tactful-active') continue;
        for (const r of h) {
          if (!pm.contains(r.startContainer)) continue;
          const rect = r.getClientRects()[0];
          if (rect) pts.push({ x: rect.left + Math.min(12, rect.width / 2), y: rect.top + rect.height / 2 });
        }
      }
      return pts.sort((a, b) => a.y - b.y || a.x - b.x)[0] ?? null;
    });
    if (!point) throw new Error('No flagged span found: is the extension loaded and the engine built?');
    await page.mouse.click(point.x, point.y);
    await page.locator('tactful-overlay [data-tactful="card"]').waitFor({ state: 'visible', timeout: 5000 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: outFile, fullPage: true });
    console.log(`Saved ${outFile}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  if (!flag('--no-build')) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error('dist/chrome is missing: run npm run build');
  const dir = await bundleDemo();
  const { server, url } = await serve(dir);
  const cleanup = () => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const browserPath = findBrowser();

  if (screenshot) {
    try {
      if (!browserPath) throw new Error(`No Chromium found (set CHROME_PATH).\n${manualSteps(url)}`);
      await takeScreenshot(browserPath, url, resolve(process.cwd(), screenshot));
    } finally {
      cleanup();
    }
    return;
  }

  console.log(`Demo help desk: ${url}`);
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!browserPath || !hasDisplay) {
    console.log(!browserPath ? 'No Chromium found (set CHROME_PATH to use one).' : 'No display found, so no browser window can open here.');
    console.log(manualSteps(url));
    console.log('Serving until you press Ctrl+C.');
    process.on('SIGINT', () => {
      cleanup();
      process.exit(0);
    });
    return;
  }
  const profile = mkdtempSync(join(tmpdir(), 'tactful-demo-profile-'));
  console.log(`Opening ${browserPath} with ${EXT} loaded (profile ${profile}).`);
  const child = spawn(
    browserPath,
    [`--user-data-dir=${profile}`, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-first-run',
      '--no-default-browser-check', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), url],
    { stdio: 'ignore' },
  );
  const stop = () => {
    child.kill();
    cleanup();
    rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  child.on('exit', stop);
  console.log('If the extension does not appear, load it by hand:');
  console.log(manualSteps(url));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
