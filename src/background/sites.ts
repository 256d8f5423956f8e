/**
 * Hosts outside the built-in list: the agent grants an optional host permission from
 * the popup, then the content script is registered for that origin and injected into
 * the current tab right away.
 */
import browser from 'webextension-polyfill';
import { originPattern } from '../shared/messages';
import { urlMatchesAny } from '../shared/match';

const ID_PREFIX = 'tactful-site:';

function manifestContentScript(): { matches: string[]; js: string[] } {
  const cs = browser.runtime.getManifest().content_scripts?.[0];
  return { matches: cs?.matches ?? [], js: cs?.js ?? [] };
}

export async function hasAccess(url: URL): Promise<boolean> {
  if (urlMatchesAny(url.href, manifestContentScript().matches)) return true;
  try {
    return await browser.permissions.contains({ origins: [originPattern(url.origin)] });
  } catch {
    return false;
  }
}

function scriptFor(origin: string) {
  return {
    id: ID_PREFIX + origin,
    matches: [originPattern(origin)],
    js: manifestContentScript().js,
    allFrames: true,
    matchOriginAsFallback: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
}

async function register(origin: string): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ID_PREFIX + origin] });
  if (existing.length > 0) return;
  const script = scriptFor(origin);
  try {
    await browser.scripting.registerContentScripts([script]);
  } catch {
    // Older Firefox rejects matchOriginAsFallback in registered scripts.
    const { matchOriginAsFallback: _unused, ...rest } = script;
    await browser.scripting.registerContentScripts([rest]);
  }
}

export async function registerOrigin(origin: string, tabId: number): Promise<boolean> {
  const granted = await browser.permissions.contains({ origins: [originPattern(origin)] });
  if (!granted) return false;
  await register(origin);
  try {
    await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: manifestContentScript().js,
    });
  } catch (err) {
    console.warn('[tactful] could not inject into the current tab', err);
  }
  return true;
}

export async function unregisterOrigins(patterns: string[]): Promise<void> {
  const ids = patterns
    .map((p) => /^(https?:\/\/[^/*]+)\/\*$/.exec(p)?.[1])
    .filter((o): o is string => typeof o === 'string')
    .map((o) => ID_PREFIX + o);
  if (ids.length === 0) return;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
}

/** Make registrations match the granted optional origins (after install/update/startup). */
export async function reconcileRegistrations(): Promise<void> {
  const perms = await browser.permissions.getAll();
  const builtIn = manifestContentScript().matches;
  const origins = (perms.origins ?? [])
    .map((p) => /^(https?:\/\/[^/*]+)\/\*$/.exec(p)?.[1])
    .filter((o): o is string => typeof o === 'string' && !builtIn.includes(originPattern(o)));
  // Re-register everything: file names of the content script change between versions.
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((s) => s.id.startsWith(ID_PREFIX)).map((s) => s.id);
  if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours });
  for (const o of origins) await register(o);
}
