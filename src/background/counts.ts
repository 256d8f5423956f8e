/** Findings counts per tab (sum over frames) for the popup and the toolbar badge. Counts only, never text. */
import browser from 'webextension-polyfill';
import type { Message, TabState } from '../shared/messages';
import { isSiteEnabled, setSiteSwitch } from '../shared/settings';
import { readSettings, updateSettings } from './store';
import { hasAccess, registerOrigin } from './sites';

const SESSION_KEY = 'tabCounts';
type Counts = Record<string, Record<string, number>>; // tabId → frameId → count
let cache: Counts | null = null;

// storage.session survives service-worker restarts but not browser restarts.
const session = (browser.storage as unknown as { session?: typeof browser.storage.local }).session;

async function load(): Promise<Counts> {
  if (cache) return cache;
  const got = session ? await session.get(SESSION_KEY) : {};
  const v = got[SESSION_KEY];
  cache = typeof v === 'object' && v !== null ? (v as Counts) : {};
  return cache;
}

async function save(counts: Counts): Promise<void> {
  if (session) await session.set({ [SESSION_KEY]: counts });
}

function total(counts: Counts, tabId: number): number | null {
  const frames = counts[String(tabId)];
  if (!frames) return null;
  return Object.values(frames).reduce((a, b) => a + b, 0);
}

async function showBadge(tabId: number, n: number | null): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: n ? String(n) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#6d28d9' });
  } catch {
    // tab may be gone
  }
}

export async function handleCount(tabId: number, frameId: number, count: number): Promise<void> {
  const counts = await load();
  (counts[String(tabId)] ??= {})[String(frameId)] = count;
  await save(counts);
  await showBadge(tabId, total(counts, tabId));
}

export async function forgetTab(tabId: number): Promise<void> {
  const counts = await load();
  delete counts[String(tabId)];
  await save(counts);
}

export async function resetTab(tabId: number): Promise<void> {
  await forgetTab(tabId);
  await showBadge(tabId, null);
}

async function tabUrl(tabId: number): Promise<URL | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url ? new URL(tab.url) : null; // url is visible through activeTab or a host permission
  } catch {
    return null;
  }
}

async function tabState(tabId: number): Promise<TabState> {
  const [settings, counts, url] = await Promise.all([readSettings(), load(), tabUrl(tabId)]);
  const supported = url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
  const host = supported ? url.host : null;
  const origin = supported ? url.origin : null;
  return {
    count: total(counts, tabId),
    host,
    origin,
    enabled: settings.enabled,
    siteEnabled: host ? isSiteEnabled(settings, host) : false,
    hasAccess: supported && url ? await hasAccess(url) : false,
    supported,
  };
}

export async function handleTabMessage(msg: Message): Promise<unknown> {
  switch (msg.type) {
    case 'get-tab-state':
      return tabState(msg.tabId);
    case 'set-site-enabled':
      await updateSettings((s) => setSiteSwitch(s, msg.host, msg.enabled));
      return true;
    case 'set-enabled':
      await updateSettings((s) => {
        s.enabled = msg.enabled;
      });
      return true;
    case 'site-permission-granted':
      return registerOrigin(msg.origin, msg.tabId);
    default:
      return undefined;
  }
}
