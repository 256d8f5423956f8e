/**
 * When badges, card, panel and overlay marks are placed, and whether geometry is read again for
 * it. Scrolling and resizing: in the next animation frame (geometry is clean then, and marks
 * follow the scroll without lag). After an analysis: once the frame that lays out the edit is
 * rendered, so the reads force no synchronous reflow of a long reply.
 */
import { afterFrame } from './after-frame';
import { QuietTimer } from './quiet-timer';

/**
 * Field and badge geometry older than this is read again at the next layout, and once the
 * agent has not typed for this long (the page may have moved a field without a resize or
 * scroll). Not while typing: each keystroke's budget has no room for layout reads.
 */
const GEOMETRY_MAX_AGE_MS = 1000;

export interface LayoutHost {
  rootWin: Window;
  running(): boolean;
  /** Whether a scroll event's target is a watched field (it moves only its own marks). */
  isField(target: EventTarget): boolean;
  /** Places everything; `geometry`: read field and badge geometry again. */
  place(geometry: boolean): void;
}

export class LayoutLoop {
  private queued = false;
  private dirty = true;
  private readAt = 0;
  private readonly listened = new WeakSet<Window>();
  /** After a typing stretch: read geometry again (the page may have moved a field meanwhile). */
  private readonly afterTyping = new QuietTimer(GEOMETRY_MAX_AGE_MS, () => {
    if (this.host.running()) this.relayout();
  });

  constructor(private readonly host: LayoutHost) {}

  /** A keystroke: no layout now, but geometry again once typing pauses. */
  typed(): void {
    this.afterTyping.touch();
  }

  /** Something moved (scroll, resize, focus): read geometry again at the next frame. */
  relayout(): void {
    this.dirty = true;
    this.queue();
  }

  queue(afterPaint = false): void {
    if (this.queued) return;
    this.queued = true;
    const run = () => {
      this.queued = false;
      this.now();
    };
    if (afterPaint) afterFrame(this.host.rootWin, run);
    else this.host.rootWin.requestAnimationFrame(run);
  }

  now(): void {
    // Geometry is read again after scrolling, resizing, focus, a typing pause, or when the last
    // reading is older than GEOMETRY_MAX_AGE_MS and the agent is not typing; an analysis while
    // typing otherwise touches no layout.
    const t = performance.now();
    const typing = this.afterTyping.quietFor() < GEOMETRY_MAX_AGE_MS;
    const geometry = this.dirty || (!typing && t - this.readAt > GEOMETRY_MAX_AGE_MS);
    if (geometry) {
      this.dirty = false;
      this.readAt = t;
    }
    this.host.place(geometry);
  }

  /** Page and container scrolling and resizing in this window (once per window). */
  watch(win: Window): void {
    if (this.listened.has(win)) return;
    this.listened.add(win);
    const relayout = () => this.relayout();
    // A field scrolling its own text (it does as a reply grows) moves nothing but its own
    // marks, which the field handles (Field.onScroll): no page-wide layout per keystroke.
    const onScroll = (e: Event) => {
      if (e.target && this.host.isField(e.target)) return;
      relayout();
    };
    win.addEventListener('scroll', onScroll, { capture: true, passive: true });
    win.addEventListener('resize', relayout, { passive: true });
  }

  cancel(): void {
    this.afterTyping.cancel();
  }
}
