/**
 * The content script ⇄ engine host protocol, over one `runtime.connect` port per page.
 *
 * The engine (compromise, the rules) runs in the extension's background, not in the help-desk
 * page: the page's main thread then only reads the text, sends what changed and paints the
 * result. Reply text travels only inside the browser, from the content script to the
 * extension's own background; it is held in memory while the port is open (the last text of
 * each open field, so edits can be sent as deltas) and never stored.
 *
 * Both ends validate what they receive; anything that does not match exactly is dropped.
 */
import type { AnalysisResult } from '../engine/types';
import type { Delta } from './text-delta';

export const ENGINE_PORT = 'tactful-engine';

/** A 1 MB paste is about a million UTF-16 units; a bit more is allowed, nothing unbounded. */
export const MAX_TEXT = 2_000_000;
const MAX_ID = 2 ** 31 - 1;

export type ClientMessage =
  /** Analyse a field's text: `base` is the seq whose text the delta applies to, null for a whole text (`insert`). */
  | ({ type: 'analyze'; field: number; seq: number; base: number | null } & Delta)
  /** The field is gone: drop its text. */
  | { type: 'forget'; field: number }
  /** Get the engine ready (an agent focused a reply field). Also keeps a sleeping worker awake while an agent works. */
  | { type: 'warm' };

export type HostMessage =
  | { type: 'result'; field: number; seq: number; result: AnalysisResult }
  /** The result equals the last one sent for this field on this port (most keystrokes while typing). */
  | { type: 'same'; field: number; seq: number }
  /** The host does not hold the delta's base (it restarted, or dropped the field): send the whole text. */
  | { type: 'resync'; field: number; seq: number }
  | { type: 'failed'; field: number; seq: number; reason: string }
  /** Team or personal rules changed: analyse again. */
  | { type: 'rules-changed' };

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isId = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_ID;
const isLen = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_TEXT;

function keysAre(v: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(v);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(v, k));
}

const ANALYZE_KEYS = ['type', 'field', 'seq', 'base', 'at', 'remove', 'insert'] as const;

export function parseClientMessage(raw: unknown): ClientMessage | null {
  if (!isObj(raw)) return null;
  switch (raw.type) {
    case 'analyze':
      if (
        keysAre(raw, ANALYZE_KEYS) && isId(raw.field) && isId(raw.seq) && (raw.base === null || isId(raw.base)) &&
        isLen(raw.at) && isLen(raw.remove) && typeof raw.insert === 'string' && raw.insert.length <= MAX_TEXT
      ) {
        return { type: 'analyze', field: raw.field, seq: raw.seq, base: raw.base, at: raw.at, remove: raw.remove, insert: raw.insert };
      }
      return null;
    case 'forget':
      return keysAre(raw, ['type', 'field']) && isId(raw.field) ? { type: 'forget', field: raw.field } : null;
    case 'warm':
      return keysAre(raw, ['type']) ? { type: 'warm' } : null;
    default:
      return null;
  }
}

function isResult(v: unknown): v is AnalysisResult {
  if (!isObj(v) || !Array.isArray(v.findings) || !Array.isArray(v.tips)) return false;
  return v.findings.every(
    (f: unknown) =>
      isObj(f) && typeof f.ruleId === 'string' && typeof f.category === 'string' && typeof f.severity === 'string' &&
      isLen(f.start) && isLen(f.end) && typeof f.text === 'string' && typeof f.message === 'string' &&
      Array.isArray(f.suggestions) && f.suggestions.every((s: unknown) => isObj(s) && typeof s.replacement === 'string'),
  ) && v.tips.every((t: unknown) => isObj(t) && typeof t.id === 'string' && typeof t.message === 'string') &&
    (v.warnings === undefined || (Array.isArray(v.warnings) && v.warnings.every(isWarning)));
}

function isWarning(w: unknown): boolean {
  if (!isObj(w) || !isLen(w.start) || !isLen(w.end) || typeof w.message !== 'string') return false;
  return w.kind === 'truncated' || (w.kind === 'rule-skipped' && typeof w.ruleId === 'string');
}

export function parseHostMessage(raw: unknown): HostMessage | null {
  if (!isObj(raw)) return null;
  switch (raw.type) {
    case 'result':
      return isId(raw.field) && isId(raw.seq) && isResult(raw.result) ? { type: 'result', field: raw.field, seq: raw.seq, result: raw.result } : null;
    case 'resync':
    case 'same':
      return isId(raw.field) && isId(raw.seq) ? { type: raw.type, field: raw.field, seq: raw.seq } : null;
    case 'failed':
      return isId(raw.field) && isId(raw.seq) && typeof raw.reason === 'string' ? { type: 'failed', field: raw.field, seq: raw.seq, reason: raw.reason } : null;
    case 'rules-changed':
      return { type: 'rules-changed' };
    default:
      return null;
  }
}

/** What both ends need of a runtime port (webextension-polyfill's Port has this shape). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}
