/**
 * Content-script entry. Runs in every frame; the topmost frame that can reach a field's
 * document (same origin) handles it, so same-origin and about:blank iframes are handled by
 * their parent and each cross-origin frame by its own copy.
 */
import browser from 'webextension-polyfill';
import { isSiteEnabled } from '../shared/settings';
import { ENGINE_PORT } from '../shared/engine-protocol';
import { Controller } from './controller';
import { EngineClient } from './engine-client';
import { loadSettings, watchSettings } from './settings-client';
import { listenForCommands } from './shortcut';

const FLAG = '__tactfulContentScript';

function isRootFrame(): boolean {
  if (window === window.top) return true;
  try {
    // Reading the parent's document only works when it is same-origin: then the parent handles us.
    return !window.parent.document;
  } catch {
    return true;
  }
}

function siteHost(): string {
  if (location.host) return location.host;
  const anc = location.ancestorOrigins?.[0];
  try {
    return anc ? new URL(anc).host : '';
  } catch {
    return '';
  }
}

/**
 * The extension was reloaded, updated or removed while this page stayed open: this copy of the
 * content script is orphaned (chrome.runtime.id is gone, messaging throws "Extension context
 * invalidated"). It must then take its UI away and stop, leaving the reply untouched.
 */
export function extensionGone(): boolean {
  try {
    return !(globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id;
  } catch {
    return true;
  }
}

async function boot(): Promise<void> {
  const host = siteHost();
  const initial = await loadSettings();
  const engine = new EngineClient(() => browser.runtime.connect({ name: ENGINE_PORT }));
  const controller = new Controller(document, window, initial, engine, extensionGone);
  if (isSiteEnabled(initial.settings, host)) controller.start();
  const unwatch = watchSettings((next) => controller.updateSettings(next, isSiteEnabled(next.settings, host)));
  const unlistenCommands = listenForCommands(() => controller.onCommand());
  controller.onRetire(() => {
    try {
      unwatch();
      unlistenCommands();
    } catch {
      // the extension context is gone; nothing to unregister from
    }
    // A fresh copy of the content script (the extension injecting itself again) may start.
    delete g[FLAG];
  });
}

const g = globalThis as typeof globalThis & { [FLAG]?: boolean };
if (!g[FLAG] && isRootFrame() && !extensionGone()) {
  g[FLAG] = true;
  boot().catch((err: unknown) => console.warn('[tactful] could not start', err));
}
