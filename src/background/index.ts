/**
 * Background (MV3 service worker in Chrome, event page in Firefox).
 * Owns settings writes, per-tab findings counts, runtime registration of the content script
 * on hosts the agent enabled through an optional host permission, and the engine that
 * analyses reply text for the content scripts (engine.ts), off the help-desk page's thread.
 * Makes no network requests.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { parseMessage, type Message } from '../shared/messages';
import { handleTabMessage, handleCount, forgetTab, resetTab } from './counts';
import { addIgnoredPhrase, addDisabledRule, ensureSettings } from './store';
import { reconcileRegistrations, unregisterOrigins } from './sites';
import { syncPolicy, watchPolicy } from './policy';
import { migratePersonalStore, mirrorSettingsToSync, restoreFromSync, watchPersonalStore } from './packs';
import { recordStat } from './stats';
import { startEngineHost } from './engine';
import { watchCommands } from './commands';
import { classifyWriteError, type WriteReply } from '../shared/storage-errors';

function isFromOwnExtensionPage(sender: Runtime.MessageSender): boolean {
  // The popup (or any page of this extension, also when opened in a tab).
  return sender.id === browser.runtime.id && typeof sender.url === 'string' &&
    sender.url.startsWith(browser.runtime.getURL(''));
}

function isFromContentScript(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab !== undefined && typeof sender.tab.id === 'number' &&
    !(sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

/**
 * A write the agent asked for (a card's "Always ignore" / "Turn off this rule", a popup switch):
 * the sender waits for the answer so it can say so when the write failed (storage full)
 * instead of pretending it was saved.
 */
function reply(write: Promise<unknown>): Promise<WriteReply> {
  return write.then(
    () => ({ ok: true }) as const,
    (err: unknown) => {
      console.warn('[tactful] could not save', err);
      return { ok: false, reason: classifyWriteError(err) } as const;
    },
  );
}

async function handle(msg: Message, sender: Runtime.MessageSender): Promise<unknown> {
  switch (msg.type) {
    case 'findings-count':
      if (!isFromContentScript(sender)) return undefined;
      return handleCount(sender.tab!.id!, sender.frameId ?? 0, msg.count);
    case 'ignore-phrase':
      if (!isFromContentScript(sender)) return undefined;
      return reply(addIgnoredPhrase(msg.phrase));
    case 'disable-rule':
      if (!isFromContentScript(sender)) return undefined;
      return reply(addDisabledRule(msg.ruleId));
    case 'stat':
      if (!isFromContentScript(sender)) return undefined;
      return recordStat(msg.category, msg.event);
    case 'set-site-enabled':
    case 'set-enabled':
      if (!isFromOwnExtensionPage(sender)) return undefined;
      // `true` when saved (as before); when not, why, so the popup can say so.
      return reply(handleTabMessage(msg)).then((r) => (r.ok ? true : r));
    case 'get-tab-state':
    case 'site-permission-granted':
      if (!isFromOwnExtensionPage(sender)) return undefined;
      return handleTabMessage(msg);
  }
}

watchCommands();

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const msg = parseMessage(raw);
  if (!msg) return undefined; // wrong shape: ignore silently
  return handle(msg, sender).catch((err: unknown) => {
    console.warn('[tactful] message failed', msg.type, err);
    return undefined;
  });
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, info) => {
  if (info.status === 'loading') void resetTab(tabId);
});

// Listeners first: a content script's connection may be what woke the worker.
startEngineHost();

// Every start of the worker: mirror the managed policy and keep the rule store current.
watchPolicy();
void syncPolicy().catch((err: unknown) => console.warn('[tactful] policy', err));
void migratePersonalStore().catch((err: unknown) => console.warn('[tactful] rule store', err));
mirrorSettingsToSync();
watchPersonalStore();

browser.runtime.onInstalled.addListener((details) => {
  // A fresh install picks up the agent's settings from another browser before the defaults are written.
  const restore = details.reason === 'install' ? restoreFromSync().catch(() => false) : Promise.resolve(false);
  void restore.then(() => ensureSettings());
  void reconcileRegistrations();
});
browser.runtime.onStartup.addListener(() => void reconcileRegistrations());
browser.permissions.onRemoved.addListener((p) => void unregisterOrigins(p.origins ?? []));
