/** What Tactful knows about one editor family: how to recognise it and which input path it records. */
import type { Family } from '../family';

/**
 * The input an editor takes as its own edit (its model, undo stack and change events see it):
 *   execCommand – the browser's own insertText (editors that follow DOM edits)
 *   beforeinput – insertReplacementText with dataTransfer + targetRanges (editors that model Level-2 input)
 *   paste       – a synthetic paste with text/plain (editors that model their paste handler, record it as one undo step and raise a change event)
 */
export type InputPath = 'execCommand' | 'beforeinput' | 'paste';

export interface EditorSpec {
  family: Family;
  /** Is this editable root one of this family's? Decided from the DOM. */
  matches(el: HTMLElement): boolean;
  input: InputPath;
  /** Longest wait (ms) for the editor to show the edit: some apply a paste on a later task. */
  settleMs?: number;
  /** Events sent just before and just after the edit (an editor that snapshots its undo on them); awaited. */
  announce?(el: HTMLElement): void | Promise<void>;
}
