/**
 * The content script ⇄ background engine protocol, end to end with the real engine: the
 * content script's EngineClient and the background's EngineHost joined by in-memory ports
 * that deliver asynchronously and JSON round-trip every message, as runtime ports do.
 */
import { describe, it, expect } from 'vitest';
import { analyze, createAnalyzer, type Analyzer } from '../../src/engine/index';
import { EngineClient } from '../../src/content/engine-client';
import { EngineHost, MAX_FIELDS_PER_PORT } from '../../src/background/engine-host';
import { parseClientMessage, parseHostMessage, type PortLike } from '../../src/shared/engine-protocol';
import { applyDelta, changedRegion, diffText } from '../../src/shared/text-delta';

/** One end of an in-memory runtime port: what it posts, the peer receives on a later task. */
class End implements PortLike {
  readonly sent: unknown[] = [];
  open = true;
  peer!: End;
  private readonly msg: Array<(m: unknown) => void> = [];
  private readonly disc: Array<() => void> = [];
  readonly onMessage = { addListener: (fn: (m: unknown) => void) => void this.msg.push(fn) };
  readonly onDisconnect = { addListener: (fn: () => void) => void this.disc.push(fn) };

  postMessage(m: unknown): void {
    if (!this.open) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(m);
    const copy = JSON.parse(JSON.stringify(m)) as unknown;
    setTimeout(() => {
      if (this.peer.open) for (const fn of this.peer.msg) fn(copy);
    }, 0);
  }

  disconnect(): void {
    if (!this.open) return;
    this.open = false;
    this.peer.open = false;
    // Like runtime ports: only the other end hears about it.
    setTimeout(() => this.peer.disc.forEach((fn) => fn()), 0);
  }
}

function portPair(): [End, End] {
  const a = new End();
  const b = new End();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

/** A long pasted thread: real support sentences, some flagged, repeated with numbering. */
function thread(words: number): string {
  const lines = [
    'Hi Sam, thanks for writing in about order 4471.',
    "I checked the tracking and the parcel left our warehouse on Monday.",
    "That's not my department.",
    'We will get back to you when possible.',
    'As I already said, it shipped on Tuesday.',
    'I have asked the carrier to confirm the delivery address today.',
  ];
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const line = `${lines[i % lines.length]} (${i})`;
    out.push(line);
    n += line.split(/\s+/).length;
    if (i % 5 === 4) out.push('\n');
  }
  return out.join(' ');
}

/** A "background" that a client can connect to; `restart()` drops it like a stopped worker. */
function background(analyzer: () => Promise<Analyzer> = async () => createAnalyzer()) {
  let host = new EngineHost({ analyzer });
  const clientEnds: End[] = [];
  const hostEnds: End[] = [];
  let yields = 0;
  const connect = (): PortLike => {
    const [c, h] = portPair();
    clientEnds.push(c);
    hostEnds.push(h);
    host.connect(h);
    return c;
  };
  return {
    connect,
    get host() {
      return host;
    },
    clientEnds,
    hostEnds,
    get yields() {
      return yields;
    },
    restart() {
      for (const h of hostEnds) h.disconnect();
      host = new EngineHost({
        analyzer,
        yieldTask: () => {
          yields++;
          return new Promise((ok) => setTimeout(ok, 0));
        },
      });
    },
    slicing() {
      host = new EngineHost({
        analyzer,
        yieldTask: () => {
          yields++;
          return new Promise((ok) => setTimeout(ok, 0));
        },
      });
    },
  };
}

const REPLY = "Hi Sam, thanks for writing in. That's not my department. As I already said, it shipped on Monday.";

describe('engine over a port', () => {
  it('returns exactly what the engine finds, for the whole text and after edits sent as deltas', async () => {
    const bg = background();
    const client = new EngineClient(bg.connect);
    const first = await client.analyze(1, REPLY);
    expect(first).toEqual(analyze(REPLY));
    expect(analyze(REPLY).findings.length).toBeGreaterThanOrEqual(2);

    const edited = `${REPLY} We will get back to you when possible.`;
    const second = await client.analyze(1, edited);
    expect(second).toEqual(analyze(edited));
    expect(analyze(edited).findings.map((f) => f.ruleId)).toContain(analyze(' We will get back to you when possible.').findings[0]!.ruleId);

    // The second request carried only the appended sentence.
    const sent = bg.clientEnds[0]!.sent.map(parseClientMessage);
    const last = sent[sent.length - 1]!;
    expect(last).toMatchObject({ type: 'analyze', field: 1, base: expect.any(Number), at: REPLY.length, remove: 0, insert: ' We will get back to you when possible.' });

    // A deletion in the middle, also as a delta.
    const cut = edited.replace("That's not my department. ", '');
    expect(await client.analyze(1, cut)).toEqual(analyze(cut));
    expect(sent.length).toBeLessThan(bg.clientEnds[0]!.sent.length);
    expect(parseClientMessage(bg.clientEnds[0]!.sent.at(-1))).toMatchObject({ remove: "That's not my department. ".length, insert: '' });
  });

  it("answers 'same' when typing changed nothing in the result, and the client hands back that result", async () => {
    const bg = background();
    const client = new EngineClient(bg.connect);
    const first = await client.analyze(1, REPLY);
    const typed = `${REPLY} Tha`;
    expect(analyze(typed)).toEqual(analyze(REPLY));
    const second = await client.analyze(1, typed);
    expect(second).toBe(first);
    const kinds = bg.hostEnds[0]!.sent.map((m) => (m as { type: string }).type);
    expect(kinds).toEqual(['result', 'same']);
    // A change that does move a finding gets the full result again.
    const moved = `Hello. ${typed}`;
    const third = await client.analyze(1, moved);
    expect(third).toEqual(analyze(moved));
    expect(third).not.toBe(first);
  });

  it('keeps fields apart and answers only the newest request of a field', async () => {
    const bg = background();
    const client = new EngineClient(bg.connect);
    const other = 'Sorry if you were upset.';
    const [a, b, c, d] = await Promise.all([
      client.analyze(1, 'Hi.'),
      client.analyze(1, "Hi. That's not"),
      client.analyze(1, "Hi. That's not my department."),
      client.analyze(2, other),
    ]);
    expect(a).toBe('superseded');
    expect(b).toBe('superseded');
    expect(c).toEqual(analyze("Hi. That's not my department."));
    expect(d).toEqual(analyze(other));
  });

  it('survives the background restarting mid-request: reconnects, sends the whole text again, keeps working', async () => {
    const bg = background();
    const client = new EngineClient(bg.connect);
    expect(await client.analyze(1, REPLY)).toEqual(analyze(REPLY));
    const more = `${REPLY} Obviously you should have read the email.`;
    const pending = client.analyze(1, more);
    bg.restart(); // the worker stops before answering
    expect(await pending).toEqual(analyze(more));
    expect(bg.clientEnds).toHaveLength(2);
    // The new port started with the whole text, not a delta against state the old worker had.
    expect(parseClientMessage(bg.clientEnds[1]!.sent[0])).toMatchObject({ type: 'analyze', base: null, insert: more });
    const again = `${more} Thanks!`;
    expect(await client.analyze(1, again)).toEqual(analyze(again));
  });

  it('recovers with the whole text when the host lost the field (resync)', async () => {
    const bg = background();
    const client = new EngineClient(bg.connect);
    await client.analyze(1, REPLY);
    // Other fields push field 1 out of the host's per-page table.
    for (let i = 0; i < MAX_FIELDS_PER_PORT; i++) await client.analyze(100 + i, `Field ${i}.`);
    const edited = `${REPLY} It is what it is.`;
    expect(await client.analyze(1, edited)).toEqual(analyze(edited));
    const kinds = bg.hostEnds[0]!.sent.map((m) => (m as { type: string }).type);
    expect(kinds).toContain('resync');
  });

  it('analyses a pasted 20,000-word thread in slices, and a newer edit cancels the older pass', { timeout: 20_000 }, async () => {
    const bg = background();
    bg.slicing();
    const client = new EngineClient(bg.connect);
    const pasted = thread(20_000);
    const older = client.analyze(1, pasted);
    // The agent keeps typing before the first pass is done.
    await new Promise((ok) => setTimeout(ok, 5));
    const newer = `${pasted}\nThat's not my department.`;
    const result = await client.analyze(1, newer);
    expect(await older).toBe('superseded');
    expect(result).toEqual(analyze(newer));
    expect(bg.yields).toBeGreaterThan(3);
    // The host answered once: the older pass stopped when the newer text arrived.
    const results = bg.hostEnds[0]!.sent.filter((m) => (m as { type: string }).type === 'result');
    expect(results).toHaveLength(1);
  });

  it('tells every page when the rules change', async () => {
    const bg = background();
    const a = new EngineClient(bg.connect);
    const b = new EngineClient(bg.connect);
    await a.analyze(1, REPLY);
    await b.analyze(1, REPLY);
    let heard = 0;
    a.onRulesChanged(() => heard++);
    b.onRulesChanged(() => heard++);
    bg.host.rulesChanged();
    await expect.poll(() => heard).toBe(2);
  });

  it('resolves empty (never throws) when the background cannot be reached', async () => {
    const client = new EngineClient(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await client.analyze(1, REPLY)).toBe('unreachable');
  });

  it('reports a rule set that fails to load instead of hanging', async () => {
    const bg = background(async () => {
      throw new Error('bad pack');
    });
    const client = new EngineClient(bg.connect);
    const warn = console.warn;
    const warned: unknown[] = [];
    console.warn = (...a: unknown[]) => void warned.push(a.join(' '));
    try {
      expect(await client.analyze(1, REPLY)).toBe('superseded');
    } finally {
      console.warn = warn;
    }
    expect(String(warned[0])).toMatch(/rules could not be loaded: Error: bad pack/);
  });
});

describe('engine protocol validation', () => {
  it('accepts exactly the documented shapes', () => {
    expect(parseClientMessage({ type: 'analyze', field: 1, seq: 2, base: null, at: 0, remove: 0, insert: 'Hi' })).not.toBeNull();
    expect(parseClientMessage({ type: 'warm' })).toEqual({ type: 'warm' });
    expect(parseClientMessage({ type: 'forget', field: 3 })).toEqual({ type: 'forget', field: 3 });
  });

  it('drops anything else', () => {
    const ok = { type: 'analyze', field: 1, seq: 2, base: null, at: 0, remove: 0, insert: 'Hi' };
    for (const bad of [
      null,
      'analyze',
      [],
      { ...ok, extra: 1 },
      { ...ok, field: -1 },
      { ...ok, seq: 1.5 },
      { ...ok, at: '0' },
      { ...ok, remove: -3 },
      { ...ok, insert: 42 },
      { ...ok, insert: 'x'.repeat(2_000_001) },
      { ...ok, base: 'x' },
      { type: 'warm', now: true },
      { type: 'eval', code: 'alert(1)' },
    ]) {
      expect(parseClientMessage(bad)).toBeNull();
    }
  });

  it('a result carries its warnings through (a reply too long to check, a rule skipped), and malformed ones drop the result', async () => {
    const bg = background();
    const client = new EngineClient(bg.connect);
    const long = Array.from({ length: 700 }, (_, i) => `The parcel ${i} left the depot on Friday morning.`).join(' ');
    const result = await client.analyze(1, long);
    expect(result).toEqual(analyze(long));
    expect(typeof result === 'object' && result.warnings?.map((w) => w.kind)).toEqual(['truncated']);
    const base = { findings: [], tips: [] };
    const msg = (warnings: unknown) => ({ type: 'result', field: 1, seq: 1, result: { ...base, warnings } });
    expect(parseHostMessage(msg([{ kind: 'truncated', start: 5, end: 9, message: 'm' }]))).not.toBeNull();
    expect(parseHostMessage(msg([{ kind: 'rule-skipped', ruleId: 'r', start: 0, end: 3, message: 'm' }]))).not.toBeNull();
    for (const bad of [
      'x',
      [null],
      [{ kind: 'truncated', start: -1, end: 9, message: 'm' }],
      [{ kind: 'truncated', start: 0, end: 9 }],
      [{ kind: 'rule-skipped', start: 0, end: 3, message: 'm' }],
      [{ kind: 'other', start: 0, end: 3, message: 'm' }],
    ]) {
      expect(parseHostMessage(msg(bad)), JSON.stringify(bad)).toBeNull();
    }
  });

  it('the host ignores malformed messages and deltas that do not fit its text', async () => {
    const [client, hostEnd] = portPair();
    const host = new EngineHost({ analyzer: async () => createAnalyzer() });
    host.connect(hostEnd);
    const replies: unknown[] = [];
    client.onMessage.addListener((m) => replies.push(m));
    client.postMessage({ type: 'analyze', field: 1, seq: 1, base: null, at: 0, remove: 0, insert: REPLY, extra: true });
    client.postMessage({ type: 'analyze', field: 1, seq: 2, base: null, at: 0, remove: 0, insert: REPLY });
    client.postMessage({ type: 'analyze', field: 1, seq: 3, base: 2, at: REPLY.length + 5, remove: 4, insert: 'x' });
    await expect.poll(() => replies.length).toBe(2);
    expect(replies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'resync', field: 1, seq: 3 }),
        expect.objectContaining({ type: 'result', field: 1, seq: 2, result: analyze(REPLY) }),
      ]),
    );
  });
});

describe('text deltas', () => {
  it('round-trip any edit', () => {
    const cases: Array<[string, string]> = [
      ['', 'abc'],
      ['abc', ''],
      ['abc', 'abc'],
      ['hello world', 'hello brave world'],
      ['aaaa', 'aaa'],
      ['abab', 'ab'],
      ['x😀y', 'x😃y'],
    ];
    for (const [a, b] of cases) expect(applyDelta(a, diffText(a, b))).toBe(b);
  });

  it('match a character-by-character reference on random edits of random texts', () => {
    const reference = (prev: string, next: string) => {
      const max = Math.min(prev.length, next.length);
      let start = 0;
      while (start < max && prev[start] === next[start]) start++;
      let end = 0;
      while (end < max - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
      return { start, end: next.length - end };
    };
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const word = (n: number) => Array.from({ length: n }, () => 'ab c'[rand(4)]).join('');
    for (let i = 0; i < 3000; i++) {
      const prev = word(rand(3000));
      let next = prev;
      for (let e = rand(3); e > 0; e--) {
        const at = rand(next.length + 1);
        next = next.slice(0, at) + word(rand(4)) + next.slice(at + rand(5));
      }
      expect(changedRegion(prev, next)).toEqual(reference(prev, next));
      expect(applyDelta(prev, diffText(prev, next))).toBe(next);
    }
  });

  it('rejects a delta outside the text', () => {
    expect(applyDelta('abc', { at: 2, remove: 5, insert: '' })).toBeNull();
  });
});
