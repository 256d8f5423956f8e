/**
 * Failed storage writes, in words an agent can act on. chrome.storage rejects a write that
 * would pass a quota (storage.local: 10 MB; storage.sync: 8 KB per item, 100 KB in all) with
 * an Error whose message names the quota ("QUOTA_BYTES quota exceeded", in newer Chromium
 * "Resource::kQuotaBytes quota exceeded"); Firefox uses a QuotaExceededError.
 */

export type WriteFailure = 'quota' | 'failed';

/** The answer to a write the agent asked for (background → content script). */
export type WriteReply = { ok: true } | { ok: false; reason: WriteFailure };

export function classifyWriteError(err: unknown): WriteFailure {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /quota/i.test(text) ? 'quota' : 'failed';
}

/** Validates a reply received over messaging (anything else counts as a failed write). */
export function parseWriteReply(raw: unknown): WriteReply {
  if (typeof raw === 'object' && raw !== null) {
    const r = raw as { ok?: unknown; reason?: unknown };
    if (r.ok === true) return { ok: true };
    if (r.ok === false && (r.reason === 'quota' || r.reason === 'failed')) return { ok: false, reason: r.reason };
  }
  return { ok: false, reason: 'failed' };
}

/** Why the write failed, as the end of a sentence ("… could not be saved: <why>."). */
export function failureReason(reason: WriteFailure): string {
  return reason === 'quota'
    ? "the browser's storage for Tactful is full"
    : 'the browser did not accept the change';
}

/** One sentence for the options page: what was not saved, why, and that nothing changed. */
export function saveFailedMessage(reason: WriteFailure): string {
  return `Not saved: ${failureReason(reason)}. Nothing was changed.` +
    (reason === 'quota' ? ' Delete custom rules you no longer need, then try again.' : ' Try again.');
}
