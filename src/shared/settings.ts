/** Settings stored in storage.local, shared by background, content script and popup. */
import { CATEGORIES, type Category } from '../engine/types';

export interface Settings {
  /** Global switch. */
  enabled: boolean;
  /**
   * Per-site switches keyed by hostname (`acme.zendesk.com`) or by a built-in wildcard entry
   * (`*.zendesk.com`: the domain and every subdomain). A missing key means "on"; a host's own
   * entry wins over a wildcard that covers it.
   */
  sites: Record<string, boolean>;
  /** Rule ids switched off by the agent ("Turn off this rule"). */
  disabledRules: string[];
  /** Check internal-note fields (Zendesk, Freshdesk, Help Scout mark them). Off by default. */
  checkInternalNotes: boolean;
  /** How a flagged span's card opens: on click (always), or also after resting the pointer on it. */
  cardOn: CardOn;
  /** Categories listed only in the panel (not underlined in the editor); still counted in the badge. */
  panelOnlyCategories: Category[];
}

export type CardOn = 'click' | 'hover';
export const CARD_ON_VALUES: readonly CardOn[] = ['click', 'hover'];

export const SETTINGS_KEY = 'settings';
/** Lower-cased phrases the agent chose to always ignore. */
export const IGNORED_KEY = 'ignoredPhrases';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  sites: {},
  disabledRules: [],
  checkInternalNotes: false,
  cardOn: 'click',
  panelOnlyCategories: [],
});

const MAX_LIST = 5000;
const MAX_ITEM = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === 'string' && item.length > 0 && item.length <= MAX_ITEM) out.push(item);
    if (out.length >= MAX_LIST) break;
  }
  return out;
}

/** Coerce whatever is in storage into a valid Settings object (never throws). */
export function normalizeSettings(value: unknown): Settings {
  const v = isRecord(value) ? value : {};
  const sites: Record<string, boolean> = {};
  if (isRecord(v.sites)) {
    for (const [host, on] of Object.entries(v.sites)) {
      if (typeof on === 'boolean' && isSiteKey(host)) sites[host] = on;
    }
  }
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : DEFAULT_SETTINGS.enabled,
    sites,
    disabledRules: stringList(v.disabledRules),
    checkInternalNotes:
      typeof v.checkInternalNotes === 'boolean' ? v.checkInternalNotes : DEFAULT_SETTINGS.checkInternalNotes,
    cardOn: CARD_ON_VALUES.includes(v.cardOn as CardOn) ? (v.cardOn as CardOn) : DEFAULT_SETTINGS.cardOn,
    panelOnlyCategories: CATEGORIES.filter((c) => stringList(v.panelOnlyCategories).includes(c)),
  };
}

export function normalizeIgnored(value: unknown): string[] {
  return stringList(value).map((s) => normalizePhrase(s));
}

/** The form in which ignored phrases are stored and compared. */
export function normalizePhrase(phrase: string): string {
  return phrase.replace(/[\u00a0\s]+/g, ' ').trim().toLowerCase();
}

export function isHostname(host: string): boolean {
  return host.length > 0 && host.length <= 253 && /^[a-z0-9.-]+(:\d{1,5})?$/i.test(host);
}

/** A wildcard site entry: `*.` and a host name without a port (`*.zendesk.com`). */
export function isWildcardSite(key: string): boolean {
  return key.startsWith('*.') && isHostname(key.slice(2)) && !key.includes(':');
}

/** What may key a per-site switch. */
export function isSiteKey(key: string): boolean {
  return isHostname(key) || isWildcardSite(key);
}

/** The wildcard entries that cover a host (`*.zendesk.com` covers `zendesk.com` and `acme.zendesk.com`), most specific first. */
export function wildcardsFor(host: string): string[] {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  const out: string[] = [];
  const labels = name.split('.');
  for (let i = 0; i < labels.length - 1; i++) out.push(`*.${labels.slice(i).join('.')}`);
  return out;
}

/** Whether the host's switch is on: its own entry, else the most specific wildcard covering it, else on. */
export function isSiteOn(sites: Record<string, boolean>, host: string): boolean {
  const own = sites[host];
  if (own !== undefined) return own;
  for (const w of wildcardsFor(host)) if (sites[w] !== undefined) return sites[w]!;
  return true;
}

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return settings.enabled && isSiteOn(settings.sites, host);
}

/** Turns a host's (or wildcard entry's) switch on or off, keeping only entries that change something. */
export function setSiteSwitch(settings: Settings, key: string, on: boolean): void {
  delete settings.sites[key];
  // Back to what covers it by default (a wildcard, or "on"); an explicit entry only when that differs.
  const inherited = isWildcardSite(key) ? true : isSiteOn(settings.sites, key);
  if (inherited !== on) settings.sites[key] = on;
}
