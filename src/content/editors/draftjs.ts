/** Draft.js: ignores beforeinput and DOM edits it did not make, but takes a paste into its model and undo stack. */
import type { EditorSpec } from './spec';

export const draftjs: EditorSpec = {
  family: 'draftjs',
  matches: (el) => el.matches('.public-DraftEditor-content'),
  input: 'paste',
};
