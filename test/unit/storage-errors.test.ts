/** Classifying failed storage writes and validating the background's answer to a card's write. */
import { describe, it, expect } from 'vitest';
import { classifyWriteError, parseWriteReply, saveFailedMessage } from '../../src/shared/storage-errors';

describe('storage write errors', () => {
  it('recognises quota errors from Chromium (old and new wording) and Firefox', () => {
    expect(classifyWriteError(new Error('QUOTA_BYTES quota exceeded'))).toBe('quota');
    expect(classifyWriteError(new Error('Resource::kQuotaBytes quota exceeded'))).toBe('quota');
    expect(classifyWriteError(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe('quota');
    expect(classifyWriteError(Object.assign(new Error('storage full'), { name: 'QuotaExceededError' }))).toBe('quota');
    expect(classifyWriteError(new Error('IO error: disk'))).toBe('failed');
    expect(classifyWriteError('weird')).toBe('failed');
  });

  it('accepts only well-formed replies; anything else counts as not saved', () => {
    expect(parseWriteReply({ ok: true })).toEqual({ ok: true });
    expect(parseWriteReply({ ok: false, reason: 'quota' })).toEqual({ ok: false, reason: 'quota' });
    for (const raw of [undefined, null, true, { ok: 'yes' }, { ok: false, reason: '<b>x</b>' }]) {
      expect(parseWriteReply(raw)).toEqual({ ok: false, reason: 'failed' });
    }
  });

  it('says why and that nothing changed', () => {
    expect(saveFailedMessage('quota')).toMatch(/^Not saved: the browser's storage for Tactful is full\. Nothing was changed\./);
    expect(saveFailedMessage('failed')).toMatch(/^Not saved: .*Nothing was changed\. Try again\.$/);
  });
});
