/**
 * Settings writes the agent asks for from a card ("Always ignore", "Turn off this rule").
 * The background does the write; the card waits for its answer because a write can fail
 * (browser storage full) and the agent must not be told it worked when it did not.
 */
import browser from 'webextension-polyfill';
import type { Message } from '../shared/messages';
import { failureReason, parseWriteReply, type WriteFailure, type WriteReply } from '../shared/storage-errors';

export type CardWrite = Extract<Message, { type: 'ignore-phrase' | 'disable-rule' }>;

export async function requestWrite(msg: CardWrite): Promise<WriteReply> {
  try {
    return parseWriteReply(await browser.runtime.sendMessage(msg));
  } catch {
    // No answer: the worker could not be reached, or the extension was reloaded under this
    // page (sendMessage throws; the controller notices and retires). Not saved either way.
    return { ok: false, reason: 'failed' };
  }
}

/** The card's message when the write failed: what did not happen, why, and what still works. */
export function cardWriteError(msg: CardWrite, reason: WriteFailure): string {
  const why = failureReason(reason);
  return msg.type === 'ignore-phrase'
    ? `Couldn't save “Always ignore”: ${why}, so this phrase is still checked. Dismiss hides it in this reply.`
    : `Couldn't turn off this rule: ${why}, so it stays on. Dismiss hides this one in this reply.`;
}
