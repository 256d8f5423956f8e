// Extension main-thread time from a Chrome trace (CDP Tracing, devtools.timeline): exact
// durations of the content script's calls, where a sampling profiler can only count samples
// (and at 100 µs adds overhead of its own to every sample it takes in extension code).

const CATEGORIES = 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline';

/** Starts tracing on a page's CDP session; `stop()` resolves with every trace event. */
export async function startTrace(cdp) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}

/**
 * Per top-level task on the page's main thread: how long it ran, and how much of it was the
 * extension's. A task's extension time is the duration of the content script's function calls
 * and of calls with no script at all (extension messaging; see below) — forced style and
 * layout, and GC inside them, included — plus the microtask checkpoint of a
 * task in which only the content script ran (promise continuations, e.g. a result arriving
 * from the background, run there).
 */
export function extensionTasks(events, extensionId) {
  const prefix = `chrome-extension://${extensionId}/`;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  // The page's main thread: the renderer main thread that dispatched the key events.
  const keyThread = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  if (!keyThread) return { tasks: [], keydowns: [] };
  const main = `${keyThread.pid}:${keyThread.tid}`;
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === "X" && typeof e.dur === "number").sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const keydowns = onMain.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').map((e) => e.ts);
  const tasks = [];
  let cur = null;
  for (const e of onMain) {
    if (e.name === 'RunTask' && (!cur || e.ts >= cur.end)) {
      cur = { start: e.ts, end: e.ts + e.dur, dur: e.dur, ext: 0, other: 0, micro: 0, extEnd: -1 };
      tasks.push(cur);
      continue;
    }
    if (!cur || e.ts >= cur.end) continue;
    if (e.name === 'FunctionCall') {
      const url = e.args?.data?.url ?? '';
      // No script at all (scriptId 0): the browser's extension bindings delivering a port
      // message to the content script, whose listener runs inside. Counted as the extension's.
      const bindings = url === '' && String(e.args?.data?.scriptId ?? '') === '0';
      if (url.startsWith(prefix) || bindings) {
        // Nested calls of ours are inside the outer one.
        if (e.ts >= cur.extEnd) {
          if (bindings) cur.bindings = (cur.bindings ?? 0) + e.dur;
          cur.ext += e.dur;
          cur.extEnd = e.ts + e.dur;
        }
      } else if (e.ts >= cur.extEnd) cur.other += e.dur;
    } else if (e.name === 'RunMicrotasks' && e.ts >= cur.extEnd) cur.micro += e.dur;
  }
  for (const t of tasks) t.extMs = (t.ext + (t.ext > 0 && t.other === 0 ? t.micro : 0)) / 1000;
  return { tasks, keydowns, names };
}

/** Extension ms in each keystroke window [keydown_i, keydown_i+1), the last one to `endTs`. */
export function perKeystroke({ tasks, keydowns }) {
  const perKey = keydowns.map(() => 0);
  let k = 0;
  for (const t of tasks) {
    if (t.start < keydowns[0] || t.extMs === 0) continue;
    while (k + 1 < keydowns.length && t.start >= keydowns[k + 1]) k++;
    perKey[k] += t.extMs;
  }
  return perKey;
}

/** Long tasks (> 50 ms) in the trace, and whether the extension caused them. */
export function longTasks({ tasks }) {
  return tasks
    .filter((t) => t.dur > 50_000)
    .map((t) => ({ durationMs: t.dur / 1000, extMs: t.extMs, attributable: t.extMs >= t.dur / 2000 || t.dur / 1000 - t.extMs < 50 }));
}

/** Rendering work on the page's main thread (style, layout, paint and friends), in ms per keystroke window (mean). */
export function renderingPerKey(events, { keydowns }) {
  if (!keydowns.length) return null;
  const key = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const main = `${key.pid}:${key.tid}`;
  const kinds = process.env.BENCH_PAINT_DETAIL
    ? { style: ['UpdateLayoutTree', 'RecalculateStyles'], layout: ['Layout'], paint: ['Paint'], prePaint: ['PrePaint'], layerize: ['Layerize'], commit: ['Commit'], updateLayer: ['UpdateLayer'] }
    : { style: ['UpdateLayoutTree', 'RecalculateStyles'], layout: ['Layout'], paint: ['Paint', 'PrePaint', 'PaintImage', 'Layerize', 'Commit', 'UpdateLayer'] };
  const out = {};
  for (const [k, names] of Object.entries(kinds)) {
    let total = 0;
    for (const e of events) {
      if (e.ph !== 'X' || `${e.pid}:${e.tid}` !== main || !names.includes(e.name) || e.ts < keydowns[0]) continue;
      total += e.dur;
    }
    out[k] = total / 1000 / keydowns.length;
  }
  return out;
}
