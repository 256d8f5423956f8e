/**
 * The underline colours for one reply field, from the background it is actually drawn on (the
 * same reading as the card's light/dark theme: theme.ts). Read when the painter starts and again
 * at most once a second when layout is read anyway (scroll, resize, a typing pause), so a page
 * that switches to its dark theme gets visible underlines without a read per keystroke.
 */
import { backgroundOf } from './theme';
import { DEFAULT_TONE, toneOn, type Tone } from './underline-colours';
import { CATEGORY_IDS, SEVERITIES } from './categories';

const RECHECK_MS = 1000;

export class FieldTone {
  tone: Tone = DEFAULT_TONE;
  private readAt = -Infinity;

  constructor(private readonly el: Element) {}

  /** Reads the field's background again (unless read within the last second, or `force`); true when the tone changed. */
  refresh(force = false): boolean {
    const t = performance.now();
    if (!force && t - this.readAt < RECHECK_MS) return false;
    this.readAt = t;
    let next: Tone;
    try {
      next = toneOn(backgroundOf(this.el));
    } catch {
      // A hostile page's getComputedStyle throwing must not stop the marks.
      next = DEFAULT_TONE;
    }
    if (next.key === this.tone.key) return false;
    this.tone = next;
    return true;
  }
}

/** CSS custom properties for the overlay marks (styles.ts reads them, falling back to the default tone). */
export function toneVars(tone: Tone): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const c of CATEGORY_IDS) {
    for (const s of SEVERITIES) {
      out.push([lineVar(c, s), tone.looks[c][s].color], [tintVar(c, s), tone.looks[c][s].tint]);
    }
  }
  return out;
}

export const lineVar = (c: string, s: string) => `--tactful-line-${c}-${s}`;
export const tintVar = (c: string, s: string) => `--tactful-tint-${c}-${s}`;

/** Sets (or, for the default tone, removes) the tone's custom properties on an overlay element. */
export function applyToneVars(el: HTMLElement, tone: Tone): void {
  for (const [name, value] of toneVars(tone)) {
    if (tone.key) el.style.setProperty(name, value);
    else el.style.removeProperty(name);
  }
}
