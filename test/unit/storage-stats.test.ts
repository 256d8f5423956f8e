import { describe, expect, it } from 'vitest';
import { dayKey, emptyStats, lastDays, normalizeStats, record, KEEP_DAYS } from '../../src/shared/stats';

describe('local stats', () => {
  const now = new Date(2026, 10, 26, 10, 0);

  it('counts per day, category and event', () => {
    let s = emptyStats();
    s = record(s, now, 'defensive', 'shown');
    s = record(s, now, 'defensive', 'shown');
    s = record(s, now, 'defensive', 'applied');
    s = record(s, new Date(2026, 10, 25), 'lecturing', 'ignored');
    expect(s.days['2026-11-26']).toEqual({ defensive: { shown: 2, applied: 1 } });
    const week = lastDays(s, now, 7);
    expect(week).toHaveLength(7);
    expect(week[6]!.day).toBe('2026-11-26');
    expect(week[6]!.totals).toEqual({ shown: 2, applied: 1, dismissed: 0, ignored: 0 });
    expect(week[5]!.totals.ignored).toBe(1);
    expect(week[0]!.totals.shown).toBe(0);
  });

  it('prunes old days and repairs a corrupt store; never holds text', () => {
    const old = new Date(now);
    old.setDate(old.getDate() - KEEP_DAYS - 3);
    let s = record(emptyStats(), old, 'defensive', 'shown');
    s = record(s, now, 'defensive', 'dismissed');
    expect(Object.keys(s.days)).toEqual([dayKey(now)]);
    const repaired = normalizeStats({ days: { '2026-11-26': { defensive: { shown: 3, text: 'secret', applied: -1 }, nope: { shown: 1 } }, bad: {} } });
    expect(repaired.days).toEqual({ '2026-11-26': { defensive: { shown: 3 } } });
    expect(normalizeStats('junk')).toEqual(emptyStats());
  });
});
