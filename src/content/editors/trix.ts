/**
 * Trix 2 (<trix-editor>). Trix rebuilds its document from DOM edits it did not make without an
 * undo entry, so after an execCommand Ctrl+Z wiped the agent's typing back to the start of
 * Trix's undo window. Its Level-2 input controller handles insertReplacementText itself
 * (records an undo entry for the target range, then fires trix-change); it does not call
 * preventDefault, so apply.ts checks the text, not the event, before falling back.
 */
import type { EditorSpec } from './spec';

export const trix: EditorSpec = {
  family: 'trix',
  matches: (el) => el.tagName === 'TRIX-EDITOR',
  input: 'beforeinput',
};
