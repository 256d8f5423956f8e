/**
 * Local stats: counts per day and category of nudges shown, rewrites applied, dismissed and
 * ignored. Numbers only — never reply text, never a phrase. Stored in storage.local under
 * `stats`; nothing leaves the browser. Pure functions (the background is the single writer).
 */
import { CATEGORIES, type Category } from '../engine/types';

export const STATS_KEY = 'stats';
export const STATS_SCHEMA_VERSION = 1;
export const STAT_EVENTS = ['shown', 'applied', 'dismissed', 'ignored'] as const;
export type StatEvent = (typeof STAT_EVENTS)[number];
/** Days kept; older days are pruned on write. */
export const KEEP_DAYS = 90;

export type Counts = Record<StatEvent, number>;
export type DayStats = Partial<Record<Category, Partial<Counts>>>;

export interface StatsStore {
  schemaVersion: typeof STATS_SCHEMA_VERSION;
  /** YYYY-MM-DD (local date) → category → event → count. */
  days: Record<string, DayStats>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function dayKey(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function emptyStats(): StatsStore {
  return { schemaVersion: STATS_SCHEMA_VERSION, days: {} };
}

export function isStatEvent(x: unknown): x is StatEvent {
  return typeof x === 'string' && (STAT_EVENTS as readonly string[]).includes(x);
}

export function isCategory(x: unknown): x is Category {
  return typeof x === 'string' && (CATEGORIES as readonly string[]).includes(x);
}

/** Coerces whatever is stored into a valid store (drops unknown keys and bad numbers). */
export function normalizeStats(raw: unknown): StatsStore {
  const out = emptyStats();
  const days = typeof raw === 'object' && raw !== null ? (raw as { days?: unknown }).days : undefined;
  if (typeof days !== 'object' || days === null) return out;
  for (const [day, cats] of Object.entries(days as Record<string, unknown>)) {
    if (!DAY.test(day) || typeof cats !== 'object' || cats === null) continue;
    const d: DayStats = {};
    for (const [cat, ev] of Object.entries(cats as Record<string, unknown>)) {
      if (!isCategory(cat) || typeof ev !== 'object' || ev === null) continue;
      const c: Partial<Counts> = {};
      for (const [e, n] of Object.entries(ev as Record<string, unknown>)) {
        if (isStatEvent(e) && typeof n === 'number' && Number.isInteger(n) && n > 0) c[e] = n;
      }
      if (Object.keys(c).length) d[cat] = c;
    }
    if (Object.keys(d).length) out.days[day] = d;
  }
  return out;
}

/** Adds one event (returns a new store) and prunes days older than KEEP_DAYS. */
export function record(store: StatsStore, now: Date, category: Category, event: StatEvent, n = 1): StatsStore {
  const next: StatsStore = { schemaVersion: STATS_SCHEMA_VERSION, days: { ...store.days } };
  const key = dayKey(now);
  const day: DayStats = { ...(next.days[key] ?? {}) };
  const c: Partial<Counts> = { ...(day[category] ?? {}) };
  c[event] = (c[event] ?? 0) + n;
  day[category] = c;
  next.days[key] = day;
  const oldest = new Date(now);
  oldest.setDate(oldest.getDate() - KEEP_DAYS);
  const cutoff = dayKey(oldest);
  for (const k of Object.keys(next.days)) if (k < cutoff) delete next.days[k];
  return next;
}

export function zeroCounts(): Counts {
  return { shown: 0, applied: 0, dismissed: 0, ignored: 0 };
}

/** Totals per event over all categories for one day. */
export function dayTotals(day: DayStats | undefined): Counts {
  const t = zeroCounts();
  for (const c of Object.values(day ?? {})) for (const e of STAT_EVENTS) t[e] += c?.[e] ?? 0;
  return t;
}

/** The last `n` days ending today (oldest first), with totals; missing days are zeros. */
export function lastDays(store: StatsStore, now: Date, n: number): Array<{ day: string; totals: Counts; byCategory: DayStats }> {
  const out: Array<{ day: string; totals: Counts; byCategory: DayStats }> = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(now);
    d.setDate(d.getDate() - i);
    const key = dayKey(d);
    out.push({ day: key, totals: dayTotals(store.days[key]), byCategory: store.days[key] ?? {} });
  }
  return out;
}

export function sumCounts(list: Counts[]): Counts {
  const t = zeroCounts();
  for (const c of list) for (const e of STAT_EVENTS) t[e] += c[e];
  return t;
}
