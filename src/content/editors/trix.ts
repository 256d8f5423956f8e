/**
 * Trix 2 (<trix-editor>). Trix rebuilds its document from DOM edits it did not make without an
 * undo entry, so after an execCommand Ctrl+Z wiped the agent's typing back to the start of
 * Trix's undo window. It takes a paste into its model as its own "Paste" undo entry, then fires
 * trix-change, in Chromium and in Firefox (an insertReplacementText beforeinput worked in
 * Chromium but replaced the wrong range in Firefox ESR).
 */
import type { EditorSpec } from './spec';

export const trix: EditorSpec = {
  family: 'trix',
  matches: (el) => el.tagName === 'TRIX-EDITOR',
  input: 'paste',
};
