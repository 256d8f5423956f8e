/**
 * Randomized undo, one fixed seed per editor family (reproducible: seed and step log are in
 * every failure message). Rounds of: type a phrase at the end, apply a random suggestion of a
 * random finding through the card, Ctrl+Z, redo, type again, undo one to three times.
 * Strict where Tactful is responsible: right after a rewrite one Ctrl+Z gives exactly the text
 * before it and redo exactly the text after it. Where the editor decides how much one step
 * covers (undoing typing), the text must be one the reply had, or one it passed through while
 * a phrase was being typed.
 * TACTFUL_UNDO_SEED_OFFSET=n explores other seeds (the fixed ones run in npm test).
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, badge, card, cardSpan, flaggedPoints, norm, useSession, withPage, watchPageErrors, type MarkMode } from './harness';
import { REDO, RICH_CASES } from './editor-cases';
import { analyze } from '../../src/engine/index';
import { rng } from '../../src/shared/seeded-random';

interface UndoFamily {
  name: string;
  page: string;
  editable: string;
  frame?: string;
  mode: MarkMode;
  /** Reads the editor's model text in the page. */
  model: string;
  undoGroupMs: number;
  redo: string;
  seed: number;
  prefill?: string;
}

const FIXTURE_MODEL = 'window.fixture.text()';
const FAMILIES: UndoFamily[] = [
  { name: 'textarea', page: 'textarea.html', editable: '#reply', mode: 'overlay', model: `document.querySelector('#reply').value`, undoGroupMs: 0, redo: REDO, seed: 11 },
  {
    name: 'contenteditable',
    page: 'contenteditable.html',
    editable: '#reply',
    mode: 'css',
    model: `document.querySelector('#reply').innerText.replace(/\\n$/, '')`,
    undoGroupMs: 0,
    redo: REDO,
    seed: 12,
  },
  {
    name: 'ProseMirror',
    page: 'prosemirror.html',
    editable: '.ProseMirror',
    mode: 'css',
    model: `window.pmView.state.doc.textContent`,
    undoGroupMs: 500,
    redo: REDO,
    seed: 13,
  },
  ...RICH_CASES.map((c, i) => ({ ...c, mode: 'css' as const, model: FIXTURE_MODEL, seed: 21 + i })),
];

/** Each is flagged on its own, so every round has a rewrite to apply. */
const FLAGGED_PHRASES = [
  "That's not my department.",
  'As I already said, it shipped.',
  'We will get back to you when possible.',
  'Sorry if you were upset.',
  'The courier must have mixed it up.',
];
const PHRASES = [...FLAGGED_PHRASES, 'I checked the order.', 'Thanks for your patience.'];

/** Texts the reply had, and the typing steps between them (an editor may undo part of one). */
class History {
  private texts = new Set<string>(['']);
  private typed: Array<{ before: string; ins: string }> = [];

  had(text: string): void {
    this.texts.add(text);
  }

  typedAtEnd(before: string, ins: string): void {
    this.typed.push({ before, ins });
    this.texts.add(before + ins);
  }

  /** A text the reply had, or `before + part of what was typed` for one typing step. */
  plausible(text: string): boolean {
    if (this.texts.has(text)) return true;
    return this.typed.some(({ before, ins }) => text.startsWith(before) && ins.startsWith(text.slice(before.length)));
  }
}

describe.skipIf(SKIP_BROWSER)('randomized undo: a rewrite is one undo step in every editor family', () => {
  const s = useSession();
  const offset = Number(process.env.TACTFUL_UNDO_SEED_OFFSET ?? 0);

  for (const fam0 of FAMILIES) {
    const fam = { ...fam0, seed: fam0.seed + offset };
    it(`${fam.name}: seed ${fam.seed}, type / apply / undo / redo / type / undo keeps the model text right`, async () => {
      await withPage(s, async (page: Page) => {
        const errors = watchPageErrors(page);
        const r = rng(fam.seed);
        const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
        const log: string[] = [];
        const ctx = () => `seed ${fam.seed}: ${log.join(' | ')}`;
        const model = async () => norm(String(await page.evaluate(fam.model)));
        const history = new History();
        let expected = fam.prefill ?? '';
        history.had(expected);

        await page.goto(s.fixtures.url(fam.page));
        if (fam.page !== 'textarea.html' && fam.page !== 'contenteditable.html' && fam.page !== 'prosemirror.html') {
          await page.waitForSelector('body[data-ready="true"]');
        }
        const target = fam.frame ? (await (await page.waitForSelector(fam.frame)).contentFrame())! : page;
        await target.click(fam.editable);

        const typeAtEnd = async (phrase: string) => {
          await page.keyboard.press('Control+End');
          const ins = expected === '' ? phrase : ` ${phrase}`;
          await page.keyboard.type(ins, { delay: 5 });
          history.typedAtEnd(expected, ins);
          expected += ins;
          log.push(`type ${JSON.stringify(ins)}`);
          await expect.poll(model, { message: `model after typing (${ctx()})` }).toBe(expected);
        };

        await typeAtEnd(`Hi Sam, thanks for writing in. ${pick(PHRASES)}`);
        for (let round = 0; round < 2; round++) {
          await typeAtEnd(pick(FLAGGED_PHRASES));
          const findings = analyze(expected).findings;
          expect(findings.length, `something to apply (${ctx()})`).toBeGreaterThan(0);
          // Typing closer than the editor's grouping window would join the rewrite's undo step.
          await page.waitForTimeout(fam.undoGroupMs + 250);
          await expect
            .poll(async () => Number((await badge(page).textContent()) ?? '0'), { message: `badge (${ctx()})` })
            .toBe(findings.length);

          // Apply a random suggestion of a random flagged span.
          const pts = await flaggedPoints(page, fam.mode, fam.frame);
          expect(pts.length, `highlights (${ctx()})`).toBeGreaterThan(0);
          const pt = pick(pts);
          await page.mouse.click(pt.x, pt.y);
          await expect.poll(() => card(page).isVisible(), { message: `card (${ctx()})` }).toBe(true);
          const span = await cardSpan(page);
          const suggestions = card(page).locator('[data-tactful="suggestion"]');
          const n = await suggestions.count();
          if (n === 0) {
            await page.keyboard.press('Escape');
            log.push('no suggestion');
            continue;
          }
          const i = Math.floor(r() * n);
          const replacement = (await suggestions.nth(i).textContent())!;
          const before = expected;
          const after = before.slice(0, span.start) + replacement + before.slice(span.end);
          await suggestions.nth(i).click();
          log.push(`apply ${span.start}-${span.end}#${i}`);
          await expect.poll(model, { message: `model after apply (${ctx()})` }).toBe(after);
          history.had(after);

          // One Ctrl+Z: exactly the text before the rewrite; redo: exactly the rewrite.
          await page.keyboard.press('Control+z');
          log.push('undo');
          await expect.poll(model, { message: `one undo after a rewrite (${ctx()})` }).toBe(before);
          await page.keyboard.press(fam.redo);
          log.push('redo');
          await expect.poll(model, { message: `redo of a rewrite (${ctx()})` }).toBe(after);
          expected = after;
          // Slate puts back its history's selection (the end of the rewrite) a render after the text:
          // on a loaded machine Ctrl+End could land before that and the caret would jump back mid-typing.
          await page.waitForTimeout(150);

          // Type again, then undo one to three times: the editor decides how much a step covers.
          await typeAtEnd(pick(PHRASES));
          const undos = 1 + Math.floor(r() * 3);
          for (let u = 0; u < undos; u++) {
            await page.keyboard.press('Control+z');
            await page.waitForTimeout(200);
            const got = await model();
            log.push(`undo -> ${JSON.stringify(got.slice(-24))}`);
            expect(history.plausible(got), `undo gave a text the reply never had (${ctx()}): ${JSON.stringify(got)}`).toBe(true);
            expected = got;
          }
          // The editor settled on that text, and the caret goes back to the end for the next round.
          await page.waitForTimeout(200);
          expect(await model(), `model stays (${ctx()})`).toBe(expected);
          history.had(expected);
        }
        expect(log.filter((l) => l.startsWith('apply')).length, `applied at least once (${ctx()})`).toBeGreaterThan(0);
        expect(errors.join('\n'), `page errors (${ctx()})`).toBe('');
      });
    });
  }
});
