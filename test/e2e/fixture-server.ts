/**
 * Fixture pages for the browser tests and the browser bench: real editors from node_modules
 * bundled with esbuild, served on 127.0.0.1. Browser-neutral (Chromium and Firefox share it).
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, cpSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures');

/** esbuild plugin: one copy of `lexical` (the @lexical/* packages pin their own). */
const singleLexical = {
  name: 'single-lexical',
  setup(b: { onResolve(o: { filter: RegExp }, cb: () => { path: string }): void }) {
    const req = createRequire(join(ROOT, 'node_modules/@lexical/rich-text/package.json'));
    const path = req.resolve('lexical');
    b.onResolve({ filter: /^lexical$/ }, () => ({ path }));
  },
};

/**
 * esbuild plugin: Slate 0.47-era code (the slate-047 fixture, slate-react 0.22 and its helper
 * packages) gets slate 0.47 and slate-react 0.22, installed under aliases beside current Slate.
 */
const slate047 = {
  name: 'slate-047',
  setup(b: { onResolve(o: { filter: RegExp }, cb: (a: { importer: string; path: string }) => { path: string } | undefined): void }) {
    const req = createRequire(join(ROOT, 'package.json'));
    const paths: Record<string, string> = { slate: req.resolve('slate-047'), 'slate-react': req.resolve('slate-react-047') };
    const era = /slate-047|slate-react-047|slate-(plain|base64)-serializer|slate-prop-types|slate-react-placeholder|slate-hotkeys/;
    b.onResolve({ filter: /^slate(-react)?$/ }, (a) => (era.test(a.importer) ? { path: paths[a.path]! } : undefined));
  },
};

function fixturesHash(): string {
  const h = createHash('sha1');
  for (const f of readdirSync(FIXTURES).sort()) h.update(f).update(readFileSync(join(FIXTURES, f)));
  h.update(readFileSync(join(ROOT, 'package-lock.json')));
  h.update(readFileSync(import.meta.filename));
  return h.digest('hex').slice(0, 16);
}

/**
 * Bundle every test/fixtures/*.ts(x) entry (real editors from node_modules) and copy the
 * HTML/CSS into a temp dir. Cached on disk by content, so the e2e files share one build.
 */
export async function buildFixtures(): Promise<string> {
  const out = join(tmpdir(), `tactful-fixtures-${fixturesHash()}`);
  if (existsSync(join(out, '.done'))) return out;
  const work = mkdtempSync(join(tmpdir(), 'tactful-fixtures-build-'));
  cpSync(FIXTURES, work, { recursive: true, filter: (src) => !/\.(ts|tsx|jsx)$/.test(src) });
  const entries = readdirSync(FIXTURES)
    .filter((f) => /\.(ts|tsx|jsx)$/.test(f) && f !== 'fixture-api.ts')
    .map((f) => join(FIXTURES, f));
  // CKEditor 4 loads its plugins, skins and language files from its own folder at run time.
  cpSync(join(ROOT, 'node_modules/ckeditor4'), join(work, 'ckeditor4'), { recursive: true, filter: (src) => !/[\\/]samples([\\/]|$)/.test(src) });
  await build({
    entryPoints: entries,
    outdir: work,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'error',
    jsx: 'automatic',
    plugins: [singleLexical, slate047],
  });
  writeFileSync(join(work, '.done'), '');
  try {
    renameSync(work, out);
  } catch {
    rmSync(work, { recursive: true, force: true }); // another process finished first
  }
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export function serve(dir: string): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(dir, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      const origin = `http://127.0.0.1:${port}`;
      ok({ origin, url: (p) => `${origin}/${p.replace(/^\//, '')}`, close: () => new Promise((c) => server.close(() => c())) });
    });
  });
}
