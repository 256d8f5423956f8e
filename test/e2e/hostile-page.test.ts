/**
 * A hostile help desk (test/fixtures/hostile-page.html): before and after load its own script
 * replaces or wraps DOM and JS built-ins (rects, appendChild/removeChild/insertBefore,
 * addEventListener, Array map/filter, JSON, String slice, getSelection, createRange,
 * MutationObserver, requestAnimationFrame, CSS.highlights, customElements.define), claims the
 * <tactful-overlay> tag for a class of its own, and every listener on the reply fields throws.
 *
 * The test first proves the junk is live in the page's main world, then checks what the agent
 * sees in a textarea and a contenteditable: the badge count, marks where the words are,
 * clicking a flagged span opens its card next to it, a rewrite replaces exactly the span,
 * Ctrl+Z restores the reply, and the extension reports no error of its own. Measurements are
 * taken in a clean isolated world (probes.ts), not through the page's broken built-ins.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, useSession, withPage } from './harness';
import { cleanWorld, selfCheck, watchExtensionErrors, type CleanWorld } from './probes';
import { analyze } from '../../src/engine/index';

/** Three findings that do not overlap (a textarea shows overlapping ones as one mark). */
const REPLY = "Hi Sam, thanks for your patience. That's not my department. You should have read the email. We will get back to you when possible.";

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Reads the main world as the page left it; plain string out, since the page broke JSON and Array. */
async function mainWorldJunk(page: Page): Promise<string> {
  return page.evaluate(() => {
    const checks: Array<[string, () => boolean]> = [
      ['rects', () => document.body.getBoundingClientRect().left < -4000 && document.body.getClientRects()[0]!.left < -4000],
      ['map', () => [1, 2, 3].map((x) => x).length === 1],
      ['filter', () => [1, 2, 3].filter(() => true).length === 0],
      ['json', () => JSON.stringify({ a: 1 }) === '"junk"'],
      ['slice', () => 'abcdef'.slice(1) === 'junk'],
      ['selection', () => window.getSelection() === null],
      ['range', () => { try { document.createRange(); return false; } catch { return true; } }],
      ['mutation', () => !/\[native code\]/.test(String(MutationObserver))],
      ['raf', () => !/\[native code\]/.test(String(requestAnimationFrame))],
      ['highlights', () => (CSS.highlights as unknown as Map<string, string>).get('junk') === 'junk'],
      ['listeners', () => !/\[native code\]/.test(String(EventTarget.prototype.addEventListener))],
      ['append', () => { try { document.body.appendChild(document.createElement('div')); return false; } catch { return true; } }],
      ['define', () => { try { customElements.define('tactful-x', class extends HTMLElement {}); return false; } catch { return true; } }],
      ['claimed', () => customElements.get('tactful-overlay') !== undefined],
    ];
    let out = '';
    for (const [name, ok] of checks) out += `${name}:${ok() ? 'junk' : 'CLEAN'} `;
    return out.trim();
  });
}

/** Tactful's UI, found in the clean world: the overlay host is whatever element holds it. */
function ui(sel: string): Element[] {
  for (const host of Array.from(document.documentElement.children)) {
    if (host.localName.startsWith('tactful-overlay') && host.shadowRoot) return Array.from(host.shadowRoot.querySelectorAll(sel));
  }
  return [];
}

const UI_SOURCE = ui.toString();

/** Runs `body` (source of an arrow function taking `arg`, with `ui` in scope) in the clean world. */
function inUi<T>(w: CleanWorld, body: string, arg: unknown = null): Promise<T> {
  return w.run((src: { ui: string; body: string; arg: unknown }) => {
    // eslint-disable-next-line no-new-func
    return new Function('arg', `const ui = ${src.ui}; return (${src.body})(arg);`)(src.arg) as T;
  }, { ui: UI_SOURCE, body, arg });
}

const badgeText = (w: CleanWorld) => inUi<string | null>(w, '() => ui(\'[data-tactful="badge"]\')[0]?.textContent ?? null');
const hostName = (w: CleanWorld) => inUi<string | null>(w, '() => (ui(\'[data-tactful="badge"]\')[0]?.getRootNode().host.localName) ?? null');
const cardInfo = (w: CleanWorld) =>
  inUi<{ rule: string; start: number; box: Box; suggestion: string; at: { x: number; y: number } } | null>(w, `() => {
    const c = ui('[data-tactful="card"]')[0];
    if (!c) return null;
    const r = c.getBoundingClientRect();
    const s = c.querySelector('[data-tactful="suggestion"]');
    const sr = s.getBoundingClientRect();
    return { rule: c.getAttribute('data-rule'), start: Number(c.getAttribute('data-start')), box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      suggestion: s.textContent, at: { x: sr.left + sr.width / 2, y: sr.top + sr.height / 2 } };
  }`);

/** The reply text, read in the clean world. */
const replyText = (w: CleanWorld, sel: string) =>
  w.run((q: string) => {
    const el = document.querySelector(q) as HTMLElement;
    return (el instanceof HTMLTextAreaElement ? el.value : el.innerText).replace(/\u00a0/g, ' ');
  }, sel);

/** A flagged span: its bounds, a point on its first line (a span may wrap), and its text. */
interface Span extends Box {
  x: number;
  y: number;
  text: string | null;
}

/**
 * The flagged spans as the agent sees them, in reading order: Tactful's marks for a textarea
 * (boxes in its overlay), the Custom Highlight registry's ranges for a contenteditable.
 */
function flagged(w: CleanWorld, kind: 'textarea' | 'contenteditable'): Promise<Span[]> {
  if (kind === 'textarea') {
    return inUi(w, `() => ui('[data-tactful="mark"]:not([data-part])').map((m) => {
      const r = m.getBoundingClientRect();
      const l = m.getClientRects()[0];
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, x: l.left + Math.min(l.width / 2, 12), y: l.top + l.height / 2, text: null };
    }).sort((a, b) => a.y - b.y || a.x - b.x)`);
  }
  return w.run(() => {
    const out: Span[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!String(name).startsWith('tactful-') || name === 'tactful-active') continue;
      for (const range of h as Highlight) {
        const r = (range as Range).getBoundingClientRect();
        const l = (range as Range).getClientRects()[0]!;
        out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, x: l.left + Math.min(l.width / 2, 12), y: l.top + l.height / 2, text: (range as Range).toString().replace(/\u00a0/g, ' ') });
      }
    }
    return out.sort((a, b) => a.y - b.y || a.x - b.x);
  }, null);
}

/**
 * Records every state the reply goes through (after each input event and DOM mutation), from
 * the clean world, so "never corrupted" covers the steps in between, not just the end.
 */
const recordStates = (w: CleanWorld, sel: string) =>
  w.run((q: string) => {
    const el = document.querySelector(q) as HTMLElement;
    const read = () => (el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '')).replace(/\u00a0/g, ' ');
    const states: string[] = [];
    (globalThis as unknown as { states: string[] }).states = states;
    el.addEventListener('input', () => states.push(read()), true);
    new MutationObserver(() => states.push(read())).observe(el, { childList: true, subtree: true, characterData: true });
    return true;
  }, sel);
const recordedStates = (w: CleanWorld) => w.run(() => (globalThis as unknown as { states: string[] }).states, null);

const fieldBox = (w: CleanWorld, sel: string) =>
  w.run((q: string) => {
    const r = document.querySelector(q)!.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }, sel);

describe.skipIf(SKIP_BROWSER)('hostile page (main-world overrides, throwing listeners)', () => {
  const s = useSession();

  for (const { kind, sel } of [
    { kind: 'textarea', sel: '#reply' },
    { kind: 'contenteditable', sel: '#rich' },
  ] as const) {
    it(`${kind}: badge, marks, card, rewrite and Ctrl+Z work; the reply is never corrupted; no extension errors`, async () => {
      await withPage(s, async (page) => {
        const pageErrors: string[] = [];
        page.on('pageerror', (e) => pageErrors.push(e.message));
        const errors = await watchExtensionErrors(s, page);
        await page.goto(s.fixtures.url('hostile-page.html'));
        const w = await cleanWorld(s, page);
        // The after-load rounds ran (so the content script was already there when they hit).
        await expect.poll(() => w.run(() => document.documentElement.getAttribute('data-hostile-rounds'), null)).toBe('3');
        await expect.poll(() => errors.extensionContext()).not.toBe(null);
        await selfCheck(errors, (fn) => expect.poll(fn).toBe(true));
        // Every override is live where the page's code runs.
        const junk = await mainWorldJunk(page);
        expect(junk).not.toContain('CLEAN');
        expect(junk.split(' ')).toHaveLength(14);

        await recordStates(w, sel);
        await page.click(sel);
        await page.keyboard.type(REPLY);
        const findings = analyze(REPLY).findings;
        expect(findings.length).toBe(3);
        for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
        await expect.poll(() => badgeText(w), { timeout: 10_000 }).toBe(String(findings.length));
        // Tactful's UI is not inside the page's claimed <tactful-overlay> (whose class took the shadow root).
        expect(await hostName(w)).toMatch(/^tactful-overlay-[a-z0-9]+$/);

        // Marks: one per finding, on the words, inside the field (junk rects would put them at -5000).
        await expect.poll(async () => (await flagged(w, kind)).length).toBe(findings.length);
        const field = await fieldBox(w, sel);
        const spans = await flagged(w, kind);
        for (const b of spans) {
          expect(b.left).toBeGreaterThanOrEqual(field.left);
          expect(b.right).toBeLessThanOrEqual(field.right);
          expect(b.top).toBeGreaterThanOrEqual(field.top);
          expect(b.bottom).toBeLessThanOrEqual(field.bottom);
        }
        if (kind === 'contenteditable') expect(spans.map((b) => b.text)).toEqual(findings.map((f) => f.text));

        // Clicking the first flagged span opens its card, just below the span (or just above it,
        // where that keeps the next underline clear), never over the span itself.
        const first = spans[0]!;
        await page.mouse.click(first.x, first.y);
        await expect.poll(async () => (await cardInfo(w))?.rule ?? null).toBe(findings[0]!.ruleId);
        const c = (await cardInfo(w))!;
        expect(c.start).toBe(findings[0]!.start);
        const gap = c.box.top >= first.bottom ? c.box.top - first.bottom : first.top - c.box.bottom;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThan(40);

        // Applying the rewrite replaces exactly the span; Ctrl+Z puts the reply back.
        const f = findings[0]!;
        const expected = REPLY.slice(0, f.start) + c.suggestion + REPLY.slice(f.end);
        await page.mouse.click(c.at.x, c.at.y);
        await expect.poll(() => replyText(w, sel)).toBe(expected);
        await expect.poll(() => badgeText(w)).toBe(String(analyze(expected).findings.length));
        await page.keyboard.press('Control+z');
        await expect.poll(() => replyText(w, sel)).toBe(REPLY);
        await page.waitForTimeout(300); // nothing edits the reply afterwards
        expect(await replyText(w, sel)).toBe(REPLY);
        await expect.poll(() => badgeText(w)).toBe(String(findings.length));
        // Every state on the way was the agent's typing, the rewrite, or the reply restored.
        const states = await recordedStates(w);
        expect(states.length).toBeGreaterThan(REPLY.length / 2);
        expect(states.filter((t) => !REPLY.startsWith(t) && t !== expected)).toEqual([]);

        // The page's own listeners threw all along (it is hostile for real), the extension never did.
        for (const type of ['input', 'keydown', 'focus']) {
          expect(pageErrors.some((m) => m.includes(`${sel.slice(1)} ${type} listener`)), type).toBe(true);
        }
        expect(errors.list).toEqual([]);
      });
    });
  }
});
