import { describe, expect, it } from 'vitest';
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
