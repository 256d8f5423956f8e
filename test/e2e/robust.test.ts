/**
 * Randomized robustness, one fixed seed per editor family (reproducible: the seed and the
 * step log are in the failure message). Random typing at a random caret, pasting (a real
 * Ctrl+V from the clipboard), deleting a range, undo/redo, applying and dismissing
 * suggestions through the card. After every step: the editor's own model holds the expected
 * text, the page console has no errors, and the highlights cover exactly the words the engine
 * flags in that text (minus dismissed ones).
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  SKIP_BROWSER,
  badge,
  card,
  norm,
  watchPageErrors,
  useSession,
  withPage,
} from './harness';
import { caretOffsetInPage, markedTextsInPage } from './page-reads';
import { analyze, type Finding } from '../../src/engine/index';
import { normalizePhrase } from '../../src/shared/settings';
import { rng } from '../../src/shared/seeded-random';

interface Family {
  name: string;
  page: string;
  editable: string;
  seed: number;
  /** Reads the editor's model text in the page. */
  model: string;
  steps: number;
}

const FAMILIES: Family[] = [
  { name: 'textarea', page: 'textarea.html', editable: '#reply', seed: 101, steps: 22, model: `document.querySelector('#reply').value` },
  { name: 'contenteditable', page: 'contenteditable.html', editable: '#reply', seed: 202, steps: 22, model: `document.querySelector('#reply').innerText.replace(/\\n$/, '')` },
  {
    name: 'ProseMirror',
    page: 'prosemirror.html',
    editable: '.ProseMirror',
    seed: 303,
    steps: 22,
    model: `(() => { const d = window.pmView.state.doc; return d.textBetween(0, d.content.size, '\\n'); })()`,
  },
  { name: 'Lexical (beforeinput)', page: 'lexical.html', editable: '[data-lexical-editor]', seed: 405, steps: 22, model: `window.fixture.text()` },
];

const PHRASES = [
  "That's not my department.",
  'As I already said, it shipped.',
  'We will get back to you when possible.',
  'Thanks for your patience.',
  'I checked the order.',
  'Sorry if you were upset.',
  'The courier must have mixed it up.',
  'I will call you tomorrow at 10.',
  'Please lower your voice.',
  'Hi Sam,',
];

/** Word boundaries (offsets just after a space, or 0 / the end) of a text. */
function boundaries(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === ' ') out.push(i + 1);
  if (out[out.length - 1] !== text.length) out.push(text.length);
  return out;
}

const findingKey = (f: Pick<Finding, 'ruleId' | 'text'>) => `${f.ruleId}\u0000${normalizePhrase(f.text)}`;

function visible(text: string, dismissed: Set<string>): Finding[] {
  return analyze(text).findings.filter((f) => !dismissed.has(findingKey(f)) && f.end > f.start);
}

/** Place the caret (or a selection) at model offsets: textarea API, or a DOM range over the editable's text nodes. */
async function select(page: Page, fam: Family, start: number, end: number): Promise<void> {
  await placeCaret(page, fam, start, end);
  // Editors pick the DOM selection up on selectionchange.
  await page.waitForTimeout(40);
  // ProseMirror takes a collapsed caret at the very start of the document, less than 200 ms after
  // a focus event and with no click, for the browser resetting the selection on focus, and puts
  // its own selection back (prosemirror-view DOMObserver.flush). A card's rewrite focuses the
  // editor, so moving to offset 0 right after one is undone: wait that window out, place it again.
  if (start === 0 && end === 0 && (await page.evaluate(caretOffsetInPage, fam.editable)) !== 0) {
    await page.waitForTimeout(250);
    await placeCaret(page, fam, start, end);
    await page.waitForTimeout(40);
  }
}


function placeCaret(page: Page, fam: Family, start: number, end: number): Promise<void> {
  return page.evaluate(
    ({ sel, start, end }) => {
      const el = document.querySelector(sel) as HTMLElement;
      if (el instanceof HTMLTextAreaElement) {
        el.focus();
        el.setSelectionRange(start, end);
        return;
      }
      el.focus();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const point = (off: number): [Node, number] => {
        let acc = 0;
        for (const t of texts) {
          const len = t.data.replace(/[\u200b\ufeff]/g, '').length;
          if (off <= acc + len) return [t, off - acc];
          acc += len;
        }
        const last = texts[texts.length - 1];
        return last ? [last, last.data.length] : [el, 0];
      };
      const r = document.createRange();
      const [sn, so] = point(start);
      const [en, eo] = point(end);
      r.setStart(sn, so);
      r.setEnd(en, eo);
      const s = getSelection()!;
      s.removeAllRanges();
      s.addRange(r);
    },
    { sel: fam.editable, start, end },
  );
}

/** Texts covered by Tactful's marks: CSS highlight ranges, or the textarea mirror's spans. */
const markedTexts = (page: Page) => page.evaluate(markedTextsInPage);

describe.skipIf(SKIP_BROWSER)('robustness: randomized editing per editor family', () => {
  const s = useSession();

  // TACTFUL_ROBUST_SEED_OFFSET=n explores other seeds (the fixed ones run in npm test).
  const offset = Number(process.env.TACTFUL_ROBUST_SEED_OFFSET ?? 0);
  for (const fam0 of FAMILIES) {
    const fam = { ...fam0, seed: fam0.seed + offset };
    it(`${fam.name}: seed ${fam.seed}, ${fam.steps} random steps keep the text and the highlights right`, async () => {
      await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.fixtures.origin });
      await withPage(s, async (page) => {
        const errors = watchPageErrors(page);
        const r = rng(fam.seed);
        const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
        const log: string[] = [];
        const model = async () => norm(String(await page.evaluate(fam.model)));
        let expected = '';
        const history: string[] = [''];
        const dismissed = new Set<string>();
        const settle = async (what: string) => {
          const ctx = () => `seed ${fam.seed}, after: ${log.join(' | ')}`;
          await expect.poll(model, { timeout: 5000, message: `model text (${ctx()})` }).toBe(expected);
          const want = visible(expected, dismissed);
          await expect
            .poll(async () => Number((await badge(page).textContent()) ?? '0'), { timeout: 8000, message: `badge (${ctx()})` })
            .toBe(want.length);
          // The textarea mirror draws one mark where findings of two categories share words.
          let at = 0;
          const drawn = fam.name === 'textarea' ? want.filter((f) => (f.start >= at ? ((at = f.end), true) : false)) : want;
          await expect
            .poll(() => markedTexts(page), { timeout: 5000, message: `highlights (${ctx()})` })
            .toEqual(drawn.map((f) => f.text).sort());
          expect(errors.join('\n'), `page errors (${ctx()})`).toBe('');
          void what;
        };
        await page.goto(s.fixtures.url(fam.page));
        await page.waitForSelector(fam.editable);
        await page.click(fam.editable);
        // A start with something to work on.
        const first = `Hi Sam, thanks for writing in. ${PHRASES[0]}`;
        await page.keyboard.type(first);
        expected = first;
        history.push(expected);
        log.push('type start');
        await settle('start');

        for (let step = 0; step < fam.steps; step++) {
          const roll = r();
          const findings = visible(expected, dismissed);
          if (roll < 0.25) {
            // Type a phrase at a word boundary.
            const at = pick(boundaries(expected));
            const phrase = pick(PHRASES);
            const ins = at === 0 ? `${phrase} ` : at === expected.length && !expected.endsWith(' ') ? ` ${phrase}` : `${phrase} `;
            await select(page, fam, at, at);
            await page.keyboard.type(ins, { delay: 5 });
            expected = expected.slice(0, at) + ins + expected.slice(at);
            log.push(`type@${at} ${JSON.stringify(ins)}`);
          } else if (roll < 0.4) {
            // Paste (real Ctrl+V from the clipboard).
            const at = pick(boundaries(expected));
            const text = `${pick(PHRASES)} ${pick(PHRASES)} `;
            await page.evaluate((t) => navigator.clipboard.writeText(t), text);
            await select(page, fam, at, at);
            await page.keyboard.press('Control+V');
            expected = expected.slice(0, at) + text + expected.slice(at);
            log.push(`paste@${at} ${JSON.stringify(text)}`);
          } else if (roll < 0.55 && expected.length > 20) {
            // Delete a run of whole words.
            const b = boundaries(expected);
            const i = Math.floor(r() * (b.length - 1));
            const j = Math.min(b.length - 1, i + 1 + Math.floor(r() * 3));
            const [a, z] = [b[i]!, b[j]!];
            if (z <= a) continue;
            await select(page, fam, a, z);
            await page.keyboard.press('Backspace');
            expected = expected.slice(0, a) + expected.slice(z);
            log.push(`delete ${a}-${z}`);
          } else if (roll < 0.68) {
            // Undo (and sometimes redo): the editor decides how much one step covers, so the
            // text must be one the agent had, and redo must bring back one too.
            await page.keyboard.press('Control+z');
            await page.waitForTimeout(150);
            const got = await model();
            expect(history, `undo gave a text the reply never had (seed ${fam.seed}): ${JSON.stringify(got)}`).toContain(got);
            log.push('undo');
            if (r() < 0.5) {
              await page.keyboard.press('Control+Shift+Z');
              await page.waitForTimeout(150);
              const again = await model();
              expect(history).toContain(again);
              log.push('redo');
              expected = again;
            } else expected = got;
          } else if (findings.length > 0) {
            // Open the card for a random finding (caret inside it + the keyboard shortcut), then apply or dismiss.
            const f = pick(findings);
            await select(page, fam, f.start + 1, f.start + 1);
            await page.keyboard.press('Alt+Shift+KeyT');
            await expect.poll(() => card(page).isVisible(), { timeout: 5000 }).toBe(true);
            const start = Number(await card(page).getAttribute('data-start'));
            const end = Number(await card(page).getAttribute('data-end'));
            expect(expected.slice(start, end)).toBe(f.text);
            const suggestions = card(page).locator('[data-tactful="suggestion"]');
            const n = await suggestions.count();
            if (n > 0 && r() < 0.6) {
              const i = Math.floor(r() * n);
              const replacement = (await suggestions.nth(i).textContent())!;
              await suggestions.nth(i).click();
              expected = expected.slice(0, start) + replacement + expected.slice(end);
              log.push(`apply ${f.ruleId}#${i}`);
            } else {
              await card(page).locator('[data-tactful="dismiss"]').click();
              dismissed.add(findingKey(f));
              log.push(`dismiss ${f.ruleId}`);
            }
          } else {
            continue;
          }
          if (history[history.length - 1] !== expected) history.push(expected);
          await settle(log[log.length - 1]!);
        }
        if (process.env.TACTFUL_ROBUST_LOG) console.info(`${fam.name}: ${log.join(' | ')}`);
        // The seed exercises every kind of step.
        for (const kind of offset ? [] : ['type', 'paste', 'delete', 'undo', 'apply', 'dismiss']) {
          expect(log.some((l) => l.startsWith(kind)), `seed ${fam.seed} never ran "${kind}": ${log.join(' | ')}`).toBe(true);
        }
      });
    });
  }
});
