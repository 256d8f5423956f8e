import { describe, expect, it } from 'vitest';
import { cardOrder } from '../../src/content/card-order';
import type { Finding } from '../../src/engine/types';
import { cutAtWord } from '../../src/content/focus-trap';

describe('the quoted phrase in the card', () => {
  it('is cut at a word boundary, never inside a word', () => {
    const long = 'We followed the standard escalation procedure for every single account in the region, as documented';
    const cut = cutAtWord(long, 90);
    expect(cut.length).toBeLessThanOrEqual(90);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long.charAt(cut.length - 1)).toMatch(/[\s,]/);
    expect(cutAtWord('Short phrase.', 90)).toBe('Short phrase.');
  });
});

describe('which findings a card shows', () => {
  const f = (category: Finding['category'], severity: Finding['severity'], start: number, end: number): Finding => ({
    ruleId: `${category}-rule`, category, severity, start, end, text: 'x', message: category, suggestions: [],
  });

  it('adds the overlapping findings of other categories, most severe first', () => {
    const asked = f('non-apology', 'warning', 0, 10);
    const blame = f('blame-shifting', 'error', 5, 20);
    const later = f('defensive', 'error', 20, 30);
    const same = f('non-apology', 'info', 2, 8);
    expect(cardOrder(asked, [asked, blame, later, same])).toEqual([blame, asked]);
    expect(cardOrder(asked, [asked, later])).toEqual([asked]);
  });
});
