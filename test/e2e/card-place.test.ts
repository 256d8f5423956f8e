/**
 * Where the card sits, in real Chromium through the overlay hooks: below the whole flagged span
 * (above it when there is no room below), never over the span or the next underline, following
 * page scrolling, inside the viewport, and only while the span is in the field's visible box.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, card, useSession, withPage } from './harness';

type R = { left: number; top: number; right: number; bottom: number };

const LONG = 'You were supposed to check the size chart before ordering.';
const NEXT = 'We will get back to you when possible.';

interface Placement {
  card: R | null;
  /** Line boxes of the card's span. */
  span: R[];
  /** Line boxes of every other flagged span. */
  others: R[];
  field: R;
  vw: number;
  vh: number;
}

async function placement(page: Page): Promise<Placement> {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const el = document.querySelector('tactful-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-tactful="card"]');
    const shown = el && getComputedStyle(el).display !== 'none' ? box(el.getBoundingClientRect()) : null;
    const start = Number(el?.getAttribute('data-start'));
    const span: R[] = [];
    const others: R[] = [];
    const reply = document.querySelector('#reply')!;
    for (const [name, h] of CSS.highlights) {
      if (!String(name).startsWith('tactful-') || name === 'tactful-active') continue;
      for (const r of h as Highlight) {
        const range = r as Range;
        // The span's offset in the reply's text.
        const pre = document.createRange();
        pre.setStart(reply, 0);
        pre.setEnd(range.startContainer, range.startOffset);
        const rects = [...range.getClientRects()].filter((x) => x.width > 0).map(box);
        (pre.toString().length === start ? span : others).push(...rects);
      }
    }
    return { card: shown, span, others, field: box(reply.getBoundingClientRect()), vw: innerWidth, vh: innerHeight };
  });
}

const overlaps = (a: R, b: R) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function expectClear(p: Placement): void {
  expect(p.card).not.toBeNull();
  const c = p.card!;
  expect(p.span.length).toBeGreaterThan(1); // the span wraps: every line of it counts
  for (const r of p.span) expect(overlaps(c, r), 'card over its own span').toBe(false);
  for (const r of p.others) expect(overlaps(c, r), 'card over another underline').toBe(false);
  expect(c.left).toBeGreaterThanOrEqual(0);
  expect(c.top).toBeGreaterThanOrEqual(0);
  expect(c.right).toBeLessThanOrEqual(p.vw);
  expect(c.bottom).toBeLessThanOrEqual(p.vh);
}

const below = (p: Placement) => p.card!.top - Math.max(...p.span.map((r) => r.bottom));
const above = (p: Placement) => Math.min(...p.span.map((r) => r.top)) - p.card!.bottom;

describe.skipIf(SKIP_BROWSER)('card placement', () => {
  const s = useSession({ clearStorage: true });

  async function open(page: Page, css: string, text: string, count: number): Promise<void> {
    await page.goto(s.fixtures.url('contenteditable.html'));
    await page.addStyleTag({ content: css });
    await page.click('#reply');
    await page.keyboard.type(text);
    await expect.poll(async () => Number(await badge(page).textContent())).toBe(count);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+Shift+T');
    await expect.poll(() => card(page).isVisible()).toBe(true);
  }

  it('near the bottom of the viewport the card goes above the whole span; scrolled up, it follows to below it', async () => {
    await withPage(s, async (page) => {
      // The field's first line sits about 110 px above the viewport's bottom; the page scrolls.
      await open(page, '#reply{width:240px} body{padding-top:640px;padding-bottom:1200px}', LONG, 1);
      await expect.poll(async () => (await placement(page)).span.length).toBeGreaterThan(1);
      let p = await placement(page);
      expectClear(p);
      expect(above(p)).toBeGreaterThanOrEqual(0);
      expect(above(p)).toBeLessThan(24);

      await page.evaluate(() => window.scrollBy(0, 500));
      // Until the next frame's layout the (fixed) card is where it was: wait for it to follow.
      await expect.poll(async () => {
        const gap = below(await placement(page));
        return gap >= 0 && gap < 24;
      }).toBe(true);
      p = await placement(page);
      expectClear(p);
      expect(below(p)).toBeLessThan(24);

      await page.evaluate(() => window.scrollBy(0, 100));
      await expect.poll(async () => {
        const q = await placement(page);
        return Math.round(q.card!.top - Math.max(...q.span.map((r) => r.bottom)));
      }).toBe(Math.round(below(p)));
    });
  });

  it('the card for one span does not cover the next underline when there is room above', async () => {
    await withPage(s, async (page) => {
      // Room for the card both below and above the span: below would cover the next one.
      await page.setViewportSize({ width: 1100, height: 1000 });
      await open(page, '#reply{width:240px} body{padding-top:380px}', `${LONG} ${NEXT}`, 2);
      await expect.poll(async () => (await placement(page)).others.length).toBeGreaterThan(0);
      const p = await placement(page);
      expectClear(p);
    });
  });

  it('stays inside the field horizontally, and hides while its span is scrolled out of the field', async () => {
    await withPage(s, async (page) => {
      const filler = Array.from({ length: 14 }, (_, i) => `Line ${i + 1} of the reply is fine.`).join(' ');
      await open(page, '#reply{width:300px;margin-left:300px;height:150px;min-height:0;overflow:auto}', `${LONG} ${filler}`, 1);
      let p = await placement(page);
      expectClear(p);
      expect(p.card!.left).toBeGreaterThanOrEqual(p.field.left);
      await page.evaluate(() => document.querySelector('#reply')!.scrollTo(0, 400));
      await expect.poll(async () => (await placement(page)).card).toBeNull();
      await page.evaluate(() => document.querySelector('#reply')!.scrollTo(0, 0));
      await expect.poll(async () => (await placement(page)).card).not.toBeNull();
      p = await placement(page);
      expectClear(p);
      expect(below(p)).toBeGreaterThanOrEqual(0);
    });
  });

  it('in a viewport too short for the whole card above or below, it is cut to fit and scrolls rather than covering the span', async () => {
    await withPage(s, async (page) => {
      await page.setViewportSize({ width: 1100, height: 300 });
      await open(page, '#reply{width:240px} body{padding-top:60px;margin-top:0} h1{display:none}', LONG, 1);
      await expect.poll(async () => (await placement(page)).span.length).toBeGreaterThan(1);
      const p = await placement(page);
      expectClear(p);
      // It really was cut: the card's own content scrolls inside it.
      expect(await card(page).evaluate((e) => e.scrollHeight > e.clientHeight && getComputedStyle(e).overflowY === 'auto')).toBe(true);
    });
  });
});
