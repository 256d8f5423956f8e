/** Summernote (FreeScout): follows DOM edits. */
import type { EditorSpec } from './spec';

export const summernote: EditorSpec = {
  family: 'summernote',
  matches: (el) => el.matches('.note-editable'),
  input: 'execCommand',
};
