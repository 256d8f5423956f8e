/**
 * Runs the engine for content scripts (see shared/engine-protocol.ts). One analyzer serves every
 * tab: results depend only on the text and the rules, so tabs share its per-sentence cache and
 * twenty open help-desk tabs cost one engine, not twenty.
 *
 * Only the newest text of a field is analysed: requests that arrive while the host is busy
 * replace older ones. Long texts (a pasted thread) are analysed a few sentences at a time,
 * yielding in between, so a newer edit — or another tab — is not kept waiting.
 *
 * Pure logic: the port and the analyzer are handed in (background/engine.ts wires them).
 */
import { MAX_CHECKED_CHARS, type Analyzer } from '../engine/analyzer';
import { splitPieces } from '../engine/pieces';
import { MAX_TEXT, parseClientMessage, type HostMessage, type PortLike } from '../shared/engine-protocol';
import { applyDelta } from '../shared/text-delta';

/** Texts longer than this are analysed in pieces, yielding between them. */
export const SLICED_CHARS = 4000;
const PIECE_CHARS = 600;
/** Engine time between yields. */
const SLICE_MS = 8;
/** Fields one page may keep texts for: a page that leaks fields cannot grow the host without bound. */
export const MAX_FIELDS_PER_PORT = 64;

interface FieldState {
  seq: number;
  text: string;
  /** The seq last answered (a result or a failure). */
  answered: number;
  /** The last result sent for this field, serialised: an equal one is answered with 'same'. */
  lastSent: string | null;
  queued: boolean;
}

interface Conn {
  port: PortLike;
  fields: Map<number, FieldState>;
  open: boolean;
}

export interface EngineHostOptions {
  /** The analyzer for the rules in force (built on first use; the host asks again after rulesChanged). */
  analyzer: () => Promise<Analyzer>;
  /** Yield to other work (a fresh task). */
  yieldTask?: () => Promise<void>;
  now?: () => number;
}

/** What the host has done since it started (numbers only; read by the browser benchmark). */
export interface EngineStats {
  analyses: number;
  /** Engine time, whole-text passes and slices together. */
  totalMs: number;
  /** The longest single stretch of engine work without a yield. */
  maxMs: number;
}

export class EngineHost {
  readonly stats: EngineStats = { analyses: 0, totalMs: 0, maxMs: 0 };
  private readonly conns = new Set<Conn>();
  private readonly queue: Array<[Conn, number]> = [];
  private pumping = false;
  private readonly yieldTask: () => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly opts: EngineHostOptions) {
    this.yieldTask = opts.yieldTask ?? (() => new Promise((ok) => setTimeout(ok, 0)));
    this.now = opts.now ?? (() => performance.now());
  }

  /** Serve one content script's port. */
  connect(port: PortLike): void {
    const conn: Conn = { port, fields: new Map(), open: true };
    this.conns.add(conn);
    port.onDisconnect.addListener(() => {
      conn.open = false;
      conn.fields.clear();
      this.conns.delete(conn);
    });
    port.onMessage.addListener((raw) => this.receive(conn, raw));
  }

  /** The rules changed: every page analyses its fields again (with the new analyzer). */
  rulesChanged(): void {
    for (const c of this.conns) this.post(c, { type: 'rules-changed' });
  }

  get connections(): number {
    return this.conns.size;
  }

  private receive(conn: Conn, raw: unknown): void {
    const msg = parseClientMessage(raw);
    if (!msg || !conn.open) return;
    if (msg.type === 'warm') {
      void this.opts.analyzer().catch(() => undefined);
      return;
    }
    if (msg.type === 'forget') {
      conn.fields.delete(msg.field);
      return;
    }
    const st = conn.fields.get(msg.field);
    let text: string | null;
    if (msg.base === null) text = msg.insert;
    else text = st && st.seq === msg.base ? applyDelta(st.text, msg) : null;
    if (text === null || text.length > MAX_TEXT) {
      this.post(conn, { type: 'resync', field: msg.field, seq: msg.seq });
      return;
    }
    if (st) {
      st.seq = msg.seq;
      st.text = text;
      this.enqueue(conn, msg.field, st);
    } else {
      if (conn.fields.size >= MAX_FIELDS_PER_PORT) {
        // Maps iterate in insertion order: the oldest field goes. A request of its that is
        // still waiting gets an answer (send the whole text again), never silence.
        const [oldest, gone] = conn.fields.entries().next().value as [number, FieldState];
        conn.fields.delete(oldest);
        if (gone.answered !== gone.seq) this.post(conn, { type: 'resync', field: oldest, seq: gone.seq });
      }
      const fresh: FieldState = { seq: msg.seq, text, answered: -1, queued: false, lastSent: null };
      conn.fields.set(msg.field, fresh);
      this.enqueue(conn, msg.field, fresh);
    }
  }

  private enqueue(conn: Conn, field: number, st: FieldState): void {
    if (!st.queued) {
      st.queued = true;
      this.queue.push([conn, field]);
    }
    void this.pump();
  }

  private post(conn: Conn, msg: HostMessage): void {
    if (!conn.open) return;
    try {
      conn.port.postMessage(msg);
    } catch {
      // The page went away between the check and the post.
      conn.open = false;
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      let job: [Conn, number] | undefined;
      while ((job = this.queue.shift())) {
        const [conn, id] = job;
        const st = conn.fields.get(id);
        if (!st) continue;
        st.queued = false;
        if (!conn.open || st.answered === st.seq) continue;
        await this.run(conn, id, st);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async run(conn: Conn, id: number, st: FieldState): Promise<void> {
    const { seq, text } = st;
    let analyzer: Analyzer;
    try {
      analyzer = await this.opts.analyzer();
    } catch (err) {
      st.answered = seq;
      this.post(conn, { type: 'failed', field: id, seq, reason: `the rules could not be loaded: ${String(err)}` });
      return;
    }
    const stale = () => !conn.open || st.seq !== seq || conn.fields.get(id) !== st;
    let t0 = this.now();
    const account = () => {
      const ms = this.now() - t0;
      this.stats.totalMs += ms;
      if (ms > this.stats.maxMs) this.stats.maxMs = ms;
    };
    try {
      if (text.length > SLICED_CHARS) {
        let covered = 0;
        for (const piece of splitPieces(text, PIECE_CHARS)) {
          // The engine checks only the first MAX_CHECKED_CHARS of a reply's own text: warming the
          // cache past them would be seconds of wasted work on a 1 MB paste.
          if (covered > MAX_CHECKED_CHARS) break;
          covered += piece.length;
          analyzer.analyze(piece); // fills the per-sentence cache; cheap when already there
          if (this.now() - t0 > SLICE_MS) {
            account();
            await this.yieldTask();
            // A newer text for this field is queued already; it starts over (reusing the cache).
            if (stale()) return;
            t0 = this.now();
          }
        }
      }
      if (stale()) return;
      const result = analyzer.analyze(text);
      account();
      this.stats.analyses++;
      st.answered = seq;
      // Typing after the last finding changes nothing in the result: say so in a few bytes
      // instead of sending (and having the page parse) every finding again.
      const json = JSON.stringify(result);
      if (json === st.lastSent) this.post(conn, { type: 'same', field: id, seq });
      else {
        st.lastSent = json;
        this.post(conn, { type: 'result', field: id, seq, result });
      }
    } catch (err) {
      st.answered = seq;
      this.post(conn, { type: 'failed', field: id, seq, reason: String(err) });
    }
    // Let other tabs' requests and new edits in between two analyses.
    await this.yieldTask();
  }
}
