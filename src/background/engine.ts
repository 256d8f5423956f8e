/**
 * Wires the engine host (engine-host.ts) to the browser: content scripts connect on the
 * ENGINE_PORT; the analyzer is built from the rules in force (built-in < team pack <
 * personal, shared/packs.ts mergeConfig) on first use and again when those change.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { createAnalyzer, type Analyzer } from '../engine/index';
import { builtinRules } from '../rules/index';
import { ENGINE_PORT } from '../shared/engine-protocol';
import { PERSONAL_KEY, POLICY_KEY, mergeConfig, migratePersonal, normalizePolicy } from '../shared/packs';
import { SETTINGS_KEY, normalizeSettings } from '../shared/settings';
import { EngineHost } from './engine-host';

let building: Promise<Analyzer> | null = null;
let packsJson = '';

async function buildAnalyzer(): Promise<Analyzer> {
  const got = await browser.storage.local.get([SETTINGS_KEY, PERSONAL_KEY, POLICY_KEY]);
  const eff = mergeConfig({
    builtin: builtinRules,
    policy: normalizePolicy(got[POLICY_KEY]),
    personal: migratePersonal(got[PERSONAL_KEY]).store,
    settings: normalizeSettings(got[SETTINGS_KEY]),
  });
  packsJson = JSON.stringify(eff.packs);
  // Rule switches (disabled rules, ignored phrases) are applied by the content script, per
  // agent action, without a round trip; the analyzer only needs the packs.
  return createAnalyzer({ packs: eff.packs });
}

function analyzer(): Promise<Analyzer> {
  if (!building) {
    building = buildAnalyzer();
    building.catch(() => {
      building = null; // try again on the next request
    });
  }
  return building;
}

/** Only this extension's content scripts (ports from web pages need externally_connectable, which is not set). */
function fromOwnContentScript(port: Runtime.Port): boolean {
  const s = port.sender;
  return port.name === ENGINE_PORT && s?.id === browser.runtime.id && s.tab !== undefined &&
    !(s.url ?? '').startsWith(browser.runtime.getURL(''));
}

export function startEngineHost(): EngineHost {
  const host = new EngineHost({ analyzer });
  browser.runtime.onConnect.addListener((port) => {
    if (!fromOwnContentScript(port)) {
      if (port.name === ENGINE_PORT) port.disconnect();
      return;
    }
    host.connect(port);
  });
  // Counts and timings only (no text), for the browser benchmark; reachable from the worker's own realm only.
  (globalThis as { tactfulEngineStats?: unknown }).tactfulEngineStats = host.stats;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(PERSONAL_KEY in changes || POLICY_KEY in changes)) return;
    if (!building) return; // not built yet: the first request reads the new rules anyway
    const previous = packsJson;
    const next = buildAnalyzer();
    building = next;
    next.then(
      () => {
        if (packsJson !== previous) host.rulesChanged();
      },
      () => {
        building = null;
      },
    );
  });
  return host;
}
