/** Toolbar popup: site switch, "Enable on this site", findings count for the current tab. */
import browser from 'webextension-polyfill';
import type { Message, TabState } from '../shared/messages';
import { originPattern } from '../shared/messages';
import { parseWriteReply, saveFailedMessage } from '../shared/storage-errors';
import { STATS_KEY, STAT_EVENTS, lastDays, normalizeStats, sumCounts } from '../shared/stats';

function el<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`popup: missing #${id}`);
  return node as T;
}

function send(msg: Message): Promise<unknown> {
  return browser.runtime.sendMessage(msg);
}

function showError(text: string): void {
  const e = el('error');
  e.textContent = text;
  e.hidden = false;
}

/** The background answers `true` when a switch was saved; otherwise say why (e.g. storage full). */
function saved(res: unknown): void {
  const box = el('error');
  if (res === true) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  const r = parseWriteReply(res);
  showError(saveFailedMessage(r.ok ? 'failed' : r.reason));
}

async function currentTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function render(state: TabState, tabId: number): void {
  const count = el('count');
  if (!state.supported) count.textContent = 'Nothing to check on this page.';
  else if (!state.enabled) count.textContent = 'Tactful is off.';
  else if (!state.hasAccess) count.textContent = 'Not running on this site.';
  else if (!state.siteEnabled) count.textContent = 'Off on this site.';
  else if (state.count === null) count.textContent = 'No reply box checked yet.';
  else if (state.count === 0) count.textContent = 'No suggestions on this tab.';
  else count.textContent = state.count === 1 ? '1 suggestion on this tab' : `${state.count} suggestions on this tab`;

  el('unsupported').hidden = state.supported;
  el('site').hidden = !(state.supported && state.hasAccess && state.host);
  el('grant').hidden = !(state.supported && !state.hasAccess && state.origin);
  el('host').textContent = state.host ?? '';
  el('grant-host').textContent = state.host ?? '';
  el<HTMLInputElement>('site-toggle').checked = state.siteEnabled;
  el<HTMLInputElement>('global-toggle').checked = state.enabled;

  el<HTMLInputElement>('site-toggle').onchange = async (e) => {
    const on = (e.target as HTMLInputElement).checked;
    if (state.host) saved(await send({ type: 'set-site-enabled', host: state.host, enabled: on }).catch(() => undefined));
    await refresh(tabId); // a switch that was not saved flips back to the stored state
  };
  el<HTMLInputElement>('global-toggle').onchange = async (e) => {
    saved(await send({ type: 'set-enabled', enabled: (e.target as HTMLInputElement).checked }).catch(() => undefined));
    await refresh(tabId);
  };
  el<HTMLButtonElement>('grant-button').onclick = async () => {
    if (!state.origin) return;
    try {
      // Must run inside the click's user gesture.
      const granted = await browser.permissions.request({ origins: [originPattern(state.origin)] });
      if (!granted) return;
      const ok = await send({ type: 'site-permission-granted', origin: state.origin, tabId });
      if (ok !== true) showError('Could not start Tactful on this site.');
    } catch (err) {
      showError(`Could not enable this site: ${String(err)}`);
    }
    await refresh(tabId);
  };
}

async function refresh(tabId: number): Promise<void> {
  const state = (await send({ type: 'get-tab-state', tabId })) as TabState | undefined;
  if (state) render(state, tabId);
  else el('count').textContent = 'Tactful could not read this tab.';
}

/** Today and the last 7 days (counts only, from storage.local). */
async function renderStats(): Promise<void> {
  const got = await browser.storage.local.get(STATS_KEY);
  const days = lastDays(normalizeStats(got[STATS_KEY]), new Date(), 7);
  const today = days[days.length - 1]!.totals;
  const week = sumCounts(days.map((d) => d.totals));
  for (const e of STAT_EVENTS) {
    el(`stat-today-${e}`).textContent = String(today[e]);
    el(`stat-week-${e}`).textContent = String(week[e]);
  }
}

/** The shortcut as the agent set it (chrome://extensions/shortcuts or Firefox's manager); unset shows "not set". */
async function renderShortcut(): Promise<void> {
  const commands = (await browser.commands?.getAll()) ?? [];
  const cmd = commands.find((c) => c.name === 'open-card');
  if (cmd) document.getElementById('shortcut-key')!.textContent = cmd.shortcut || 'not set';
}

async function main(): Promise<void> {
  void renderShortcut().catch(() => undefined);
  el('open-options').onclick = () => void browser.runtime.openOptionsPage();
  void renderStats().catch(() => undefined);
  const tabId = await currentTabId();
  if (tabId === null) {
    el('count').textContent = 'No tab.';
    return;
  }
  await refresh(tabId);
}

main().catch((err: unknown) => showError(String(err)));
