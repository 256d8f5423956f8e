/**
 * Messages between the content script, the popup and the background worker.
 * Every message is validated on receipt: anything that does not match exactly is dropped.
 * These one-off messages carry no reply text, only counts, rule ids and phrases the agent
 * explicitly chose to ignore. Reply text goes only over the engine port
 * (engine-protocol.ts), to the extension's own background, and is never stored.
 */
import { isHostname } from './settings';
import { isCategory, isStatEvent, type StatEvent } from './stats';
import type { Category } from '../engine/types';

export type Message =
  /** content → background: number of findings in this frame. */
  | { type: 'findings-count'; count: number }
  /** content → background: always ignore this phrase (agent clicked "Always ignore"). */
  | { type: 'ignore-phrase'; phrase: string }
  /** content → background: turn a rule off (agent clicked "Turn off rule"). */
  | { type: 'disable-rule'; ruleId: string }
  /** content → background: one local-stats event (category and event only, never text). */
  | { type: 'stat'; category: Category; event: StatEvent }
  /** popup → background: state for the popup. */
  | { type: 'get-tab-state'; tabId: number }
  /** popup → background: per-site switch. */
  | { type: 'set-site-enabled'; host: string; enabled: boolean }
  /** popup → background: global switch. */
  | { type: 'set-enabled'; enabled: boolean }
  /** popup → background: a host permission was just granted; register and inject the content script. */
  | { type: 'site-permission-granted'; origin: string; tabId: number };

export interface TabState {
  /** Findings in the tab (sum over frames), or null when the content script has not reported. */
  count: number | null;
  host: string | null;
  origin: string | null;
  /** Global switch. */
  enabled: boolean;
  /** Per-site switch for this host. */
  siteEnabled: boolean;
  /** Whether the content script may run on this host (built-in match or granted permission). */
  hasAccess: boolean;
  /** Whether the page is a normal http(s) page at all. */
  supported: boolean;
}

const MAX_PHRASE = 500;
const RULE_ID = /^[a-z0-9][a-z0-9._:/-]{0,119}$/i;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function exactKeys(v: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(v);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(v, k));
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 100_000;
const isTabId = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function isOrigin(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 300) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
  } catch {
    return false;
  }
}

/** Returns the message if it has exactly one of the shapes above, otherwise null. */
export function parseMessage(raw: unknown): Message | null {
  if (!isObj(raw) || typeof raw.type !== 'string') return null;
  switch (raw.type) {
    case 'findings-count':
      return exactKeys(raw, ['type', 'count']) && isCount(raw.count) ? { type: raw.type, count: raw.count } : null;
    case 'ignore-phrase':
      return exactKeys(raw, ['type', 'phrase']) &&
        typeof raw.phrase === 'string' &&
        raw.phrase.trim().length > 0 &&
        raw.phrase.length <= MAX_PHRASE
        ? { type: raw.type, phrase: raw.phrase }
        : null;
    case 'disable-rule':
      return exactKeys(raw, ['type', 'ruleId']) && typeof raw.ruleId === 'string' && RULE_ID.test(raw.ruleId)
        ? { type: raw.type, ruleId: raw.ruleId }
        : null;
    case 'stat':
      return exactKeys(raw, ['type', 'category', 'event']) && isCategory(raw.category) && isStatEvent(raw.event)
        ? { type: raw.type, category: raw.category, event: raw.event }
        : null;
    case 'get-tab-state':
      return exactKeys(raw, ['type', 'tabId']) && isTabId(raw.tabId) ? { type: raw.type, tabId: raw.tabId } : null;
    case 'set-site-enabled':
      return exactKeys(raw, ['type', 'host', 'enabled']) &&
        typeof raw.host === 'string' &&
        isHostname(raw.host) &&
        typeof raw.enabled === 'boolean'
        ? { type: raw.type, host: raw.host, enabled: raw.enabled }
        : null;
    case 'set-enabled':
      return exactKeys(raw, ['type', 'enabled']) && typeof raw.enabled === 'boolean'
        ? { type: raw.type, enabled: raw.enabled }
        : null;
    case 'site-permission-granted':
      return exactKeys(raw, ['type', 'origin', 'tabId']) && isOrigin(raw.origin) && isTabId(raw.tabId)
        ? { type: raw.type, origin: raw.origin, tabId: raw.tabId }
        : null;
    default:
      return null;
  }
}

/** Match pattern covering one origin, e.g. https://help.example.com/* */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
