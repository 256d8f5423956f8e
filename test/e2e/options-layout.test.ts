/**
 * Options page layout in Chromium (production build): the rules table's header stays in view
 * while the rules list scrolls (also below the save-error bar while one shows), and every file
 * picker's label text keeps clear of the buttons around it.
 */
import { describe, it, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SKIP_BROWSER, useSession, withPage, type Session } from './harness';
import { fill, unfill } from './quota';

const optionsUrl = (s: Session, tab: string) => `chrome-extension://${s.extensionId}/src/options/index.html#${tab}`;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How far apart two boxes are (negative: they overlap). */
function gap(a: Box, b: Box): number {
  const dx = Math.max(b.left - a.right, a.left - b.right);
  const dy = Math.max(b.top - a.bottom, a.top - b.bottom);
  return Math.max(dx, dy);
}

/**
 * For each file input: the box of its label's own text, and the boxes of the file input (whose
 * left part is the browser's "Choose file" button) and every button beside the label.
 */
async function filePickers(page: Page): Promise<Array<{ id: string; text: Box; controls: Array<{ what: string; box: Box }> }>> {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    return [...document.querySelectorAll<HTMLInputElement>('input[type="file"]')].map((input) => {
      const label = input.closest('label')!;
      const range = document.createRange();
      const texts = [...label.querySelectorAll('*'), label]
        .flatMap((el) => [...el.childNodes])
        .filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      range.setStartBefore(texts[0]!);
      range.setEndAfter(texts[texts.length - 1]!);
      const around = [...(label.parentElement?.querySelectorAll('button') ?? [])].filter((b) => !label.contains(b));
      return {
        id: input.dataset.testid ?? '',
        text: box(range.getBoundingClientRect()),
        controls: [
          { what: 'file input', box: box(input.getBoundingClientRect()) },
          ...around.map((b) => ({ what: `button “${b.textContent}”`, box: box(b.getBoundingClientRect()) })),
        ],
      };
    });
  });
}

/** The options page's rules tab at `width`, once its table has its rows. */
async function openRules(s: Session, page: Page, width: number): Promise<Locator> {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(optionsUrl(s, 'rules'));
  const table = page.getByTestId('rules-table');
  await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(20);
  return table;
}

/** Scrolls the rules list with the wheel over it, as an agent would, until the first row has moved up 600 px. */
async function wheelRules(table: Locator, page: Page): Promise<void> {
  const firstRow = table.locator('tbody tr').first();
  const rowBefore = (await firstRow.boundingBox())!;
  const tb = (await table.boundingBox())!;
  await page.mouse.move(tb.x + tb.width / 2, Math.min(tb.y + 200, 700));
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 300);
  await expect.poll(async () => rowBefore.y - (await firstRow.boundingBox())!.y).toBeGreaterThan(600);
}

describe.skipIf(SKIP_BROWSER)('options page layout', () => {
  const s = useSession();

  it('the rules table header stays at the top of the scrolled rules list', async () => {
    // Wide: the page scrolls. Narrow (the table is wider than the window): the list scrolls in its own box.
    for (const width of [1100, 480]) {
      await withPage(s, async (page) => {
        const table = await openRules(s, page, width);
        const head = table.locator('thead th').first();
        // Whatever scrolls (the page, or on a narrow window the list's own box) moves the rows.
        await wheelRules(table, page);
        // The top edge the header has to stay at: the scrolled box's top, or the viewport's.
        const top = await table.evaluate((t) => {
          for (let e = t.parentElement; e; e = e.parentElement) {
            if (e === document.body || e === document.documentElement) break;
            if (e.scrollTop > 0) return e.getBoundingClientRect().top + e.clientTop;
          }
          return 0;
        });
        const h = (await head.boundingBox())!;
        expect(h.y, `${width}px`).toBeGreaterThanOrEqual(top - 1);
        expect(h.y, `${width}px: in the viewport`).toBeGreaterThanOrEqual(0);
        expect(h.y, `${width}px`).toBeLessThanOrEqual(top + 1);
        expect(h.height).toBeGreaterThan(10);
        // It is drawn on top of the rows, not under them: the header is what is hit at its centre.
        const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('thead') !== null, [h.x + h.width / 2, h.y + h.height / 2]);
        expect(hit, `${width}px`).toBe(true);
      });
    }
  });

  it('with a save-error bar showing, the rules header sticks below the bar and both stay visible', async () => {
    expect(await fill(s, 'local')).toBe(0);
    try {
      for (const width of [1100, 480]) {
        await withPage(s, async (page) => {
          const table = await openRules(s, page, width);
          // A rule switch that cannot be saved (storage full) brings up the bar.
          await table.locator('tbody tr input[type="checkbox"]').first().click();
          const bar = page.getByTestId('save-error');
          await expect.poll(() => bar.isVisible()).toBe(true);
          await wheelRules(table, page);
          // Narrow, the list scrolls in its own box: scroll the page too, until that box's top is under the bar.
          const under = await table.evaluate((t, w) => {
            if (w > 600) return true;
            const box = t.closest<HTMLElement>('.table-wrap')!;
            const bar = document.querySelector('[data-testid="save-error"]')!;
            // The bar sticks at the top once the page scrolls past it: the box's top ends 60 px above its bottom edge.
            scrollBy(0, box.getBoundingClientRect().top - bar.getBoundingClientRect().height + 60);
            return box.getBoundingClientRect().top < bar.getBoundingClientRect().bottom;
          }, width);
          expect(under, `${width}px: the list's box reaches under the bar`).toBe(true);
          await page.waitForTimeout(100); // the header's offset follows at the next frame
          const b = (await bar.boundingBox())!;
          const h = (await table.locator('thead th').first().boundingBox())!;
          expect(b.y, `${width}px: bar in the viewport`).toBeGreaterThanOrEqual(0);
          expect(h.y, `${width}px: header below the bar`).toBeGreaterThanOrEqual(b.y + b.height);
          expect(h.y + h.height, `${width}px: header in the viewport`).toBeLessThanOrEqual(800);
          // Each is what is drawn at its own centre: neither covers the other, and no row covers the header.
          const hits = await page.evaluate(([bx, by, hx, hy]) => ({
            bar: document.elementFromPoint(bx!, by!)?.closest('[data-testid="save-error"]') !== null,
            head: document.elementFromPoint(hx!, hy!)?.closest('thead') !== null,
          }), [b.x + b.width / 2, b.y + b.height / 2, h.x + h.width / 2, h.y + h.height / 2]);
          expect(hits, `${width}px`).toEqual({ bar: true, head: true });
        });
      }
    } finally {
      await unfill(s, 'local');
    }
  });

  for (const tab of ['packs', 'audit']) {
    it(`${tab}: a file picker's label text keeps at least 8 px from its button and the buttons beside it`, async () => {
      await withPage(s, async (page) => {
        for (const width of [1100, 620]) {
          await page.setViewportSize({ width, height: 800 });
          await page.goto(optionsUrl(s, tab));
          await page.locator('input[type="file"]').first().waitFor();
          const pickers = await filePickers(page);
          expect(pickers.length).toBeGreaterThan(0);
          for (const p of pickers) {
            for (const c of p.controls) {
              expect(gap(p.text, c.box), `${width}px: ${p.id} label text vs ${c.what}`).toBeGreaterThanOrEqual(8);
            }
          }
        }
      });
    });
  }
});
