/** Slate (current slate-react): models beforeinput with targetRanges. */
import type { EditorSpec } from './spec';

export const slate: EditorSpec = {
  family: 'slate',
  matches: (el) => el.matches('[data-slate-editor]'),
  input: 'beforeinput',
};
