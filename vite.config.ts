/**
 * Builds the extension with @crxjs/vite-plugin.
 *   vite build                 → dist/chrome  (MV3 service worker)
 *   vite build --mode firefox  → dist/firefox (background.scripts, gecko id)
 * The content script is built as one self-contained IIFE (no loader, no
 * web_accessible_resources), so it can also be registered at runtime with
 * scripting.registerContentScripts for hosts the agent enables.
 */
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

const CONTENT_ENTRY = 'src/content/main.ts';
export const GECKO_ID = 'tactful@tactful.dev';
// 140 (an ESR) has everything used here: MV3 background scripts, optional_host_permissions,
// match_origin_as_fallback, scripting.registerContentScripts, CSS Custom Highlight API,
// and data_collection_permissions.
export const FIREFOX_MIN_VERSION = '140.0';

function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  const m = structuredClone(baseManifest) as Record<string, unknown>;
  if (browser === 'firefox') {
    delete m.minimum_chrome_version;
    // Firefox reads managed storage from policies.json `3rdparty` without a schema key.
    delete m.storage;
    m.background = { scripts: ['src/background/index.ts'], type: 'module' };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Tactful collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return m as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  // `--mode chrome-test` → dist/chrome-test: the Chrome build plus test-only hooks
  // (a simulated managed policy, see src/background/policy.ts). Never shipped.
  const test = mode === 'chrome-test';
  return {
    define: { __TACTFUL_TEST__: JSON.stringify(test) },
    plugins: [
      crx({
        manifest: manifestFor(browser),
        browser,
        liveReload: false,
        contentScripts: { standaloneFiles: [CONTENT_ENTRY], injectCss: false },
      }),
    ],
    build: {
      outDir: test ? 'dist/chrome-test' : `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox140' : 'chrome121',
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
    },
    logLevel: 'warn',
  };
});
