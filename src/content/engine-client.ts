/**
 * The content script's side of the engine protocol (shared/engine-protocol.ts): one port to
 * the background per page, per-field deltas, newest request wins.
 *
 * The background may be asleep (an MV3 worker stops after ~30 s without events) or restart:
 * the port then disconnects, and the next request reconnects and sends whole texts again.
 * A request that the disconnect interrupted is sent once more on the new port.
 */
import type { AnalysisResult } from '../engine/types';
import { parseHostMessage, type ClientMessage, type PortLike } from '../shared/engine-protocol';
import { diffText } from '../shared/text-delta';

/** While an agent works in a reply field, the worker is kept awake so the next pause is not a cold start. */
const KEEPALIVE_MS = 20_000;

/** How a request ended: the engine's result, a newer request for the field took its place, or no background to ask. */
export type Outcome = AnalysisResult | 'superseded' | 'unreachable';

interface Pending {
  seq: number;
  text: string;
  resolve: (r: Outcome) => void;
  resent: boolean;
}

interface ClientField {
  /** The seq and text the host holds for this field (null: send the whole text). */
  base: number | null;
  baseText: string;
  pending: Pending | null;
  /** The last full result the host sent for this field ('same' refers to it). */
  last: AnalysisResult | null;
}

export class EngineClient {
  private port: PortLike | null = null;
  private seq = 0;
  private readonly fields = new Map<number, ClientField>();
  private readonly rulesListeners: Array<() => void> = [];
  private keepalive: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(private readonly connectPort: () => PortLike) {}

  /**
   * Analyse `text` for a field. No timeout is needed: a background that goes away disconnects
   * the port (then the request is sent again once), and a newer request supersedes this one.
   */
  analyze(field: number, text: string): Promise<Outcome> {
    const f = this.field(field);
    this.settle(f, 'superseded');
    const seq = ++this.seq;
    return new Promise((resolve) => {
      f.pending = { seq, text, resolve, resent: false };
      this.send(field, f);
    });
  }

  forget(field: number): void {
    const f = this.fields.get(field);
    if (!f) return;
    this.settle(f, 'superseded');
    this.fields.delete(field);
    if (this.port && f.base !== null) this.post({ type: 'forget', field });
  }

  /** Wake the background's engine ahead of the first analysis. */
  warm(): void {
    if (this.ensurePort()) this.post({ type: 'warm' });
  }

  /** Keep the background awake while `on` (a reply field has focus in a visible tab). */
  keepAlive(on: boolean): void {
    if (on && this.keepalive === null) {
      this.warm();
      this.keepalive = setInterval(() => {
        if (document.visibilityState === 'visible') this.warm();
      }, KEEPALIVE_MS);
    } else if (!on && this.keepalive !== null) {
      clearInterval(this.keepalive);
      this.keepalive = null;
    }
  }

  onRulesChanged(fn: () => void): void {
    this.rulesListeners.push(fn);
  }

  /** The content script retires: stop talking to the background. */
  close(): void {
    this.closed = true;
    this.keepAlive(false);
    for (const f of this.fields.values()) this.settle(f, 'unreachable');
    this.fields.clear();
    try {
      this.port?.disconnect();
    } catch {
      // already gone with the extension context
    }
    this.port = null;
  }

  private field(id: number): ClientField {
    let f = this.fields.get(id);
    if (!f) {
      f = { base: null, baseText: '', pending: null, last: null };
      this.fields.set(id, f);
    }
    return f;
  }

  private settle(f: ClientField, outcome: Outcome): void {
    const p = f.pending;
    if (!p) return;
    f.pending = null;
    p.resolve(outcome);
  }

  private ensurePort(): PortLike | null {
    if (this.port || this.closed) return this.port;
    try {
      const port = this.connectPort();
      port.onMessage.addListener((m) => this.receive(port, m));
      port.onDisconnect.addListener(() => this.disconnected(port));
      this.port = port;
    } catch {
      // "Extension context invalidated": the controller notices and retires.
      this.port = null;
    }
    return this.port;
  }

  private post(msg: ClientMessage): boolean {
    try {
      this.port?.postMessage(msg);
      return this.port !== null;
    } catch {
      this.port = null;
      return false;
    }
  }

  private send(id: number, f: ClientField): void {
    const p = f.pending;
    if (!p) return;
    if (!this.ensurePort()) {
      this.settle(f, 'unreachable');
      return;
    }
    const msg: ClientMessage =
      f.base === null
        ? { type: 'analyze', field: id, seq: p.seq, base: null, at: 0, remove: 0, insert: p.text }
        : { type: 'analyze', field: id, seq: p.seq, base: f.base, ...diffText(f.baseText, p.text) };
    if (!this.post(msg)) {
      f.base = null;
      this.settle(f, 'unreachable');
      return;
    }
    // Messages on a port arrive in order: from now on the host holds this text.
    f.base = p.seq;
    f.baseText = p.text;
  }

  private receive(port: PortLike, raw: unknown): void {
    if (port !== this.port) return;
    const msg = parseHostMessage(raw);
    if (!msg) return;
    if (msg.type === 'rules-changed') {
      for (const fn of this.rulesListeners) fn();
      return;
    }
    const f = this.fields.get(msg.field);
    if (!f) return;
    // Kept even when no longer awaited: a later 'same' refers to the last result sent.
    if (msg.type === 'result') f.last = msg.result;
    // Otherwise an answer to a request that was superseded.
    if (f.pending?.seq !== msg.seq) return;
    if (msg.type === 'result') this.settle(f, msg.result);
    else if (msg.type === 'same') this.settle(f, f.last ?? 'superseded');
    else if (msg.type === 'resync') {
      f.base = null;
      this.send(msg.field, f);
    } else {
      console.warn('[tactful] analysis failed:', msg.reason);
      this.settle(f, 'superseded');
    }
  }

  private disconnected(port: PortLike): void {
    if (port !== this.port) return;
    this.port = null;
    for (const [id, f] of this.fields) {
      f.base = null;
      const p = f.pending;
      if (!p) continue;
      if (p.resent) this.settle(f, 'unreachable');
      else {
        p.resent = true;
        this.send(id, f);
      }
    }
  }
}
