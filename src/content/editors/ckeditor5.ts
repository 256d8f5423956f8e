/** CKEditor 5 (Zendesk Agent Workspace): models Level-2 input; insertReplacementText is one undo step. */
import type { EditorSpec } from './spec';

export const ckeditor5: EditorSpec = {
  family: 'ckeditor5',
  matches: (el) => el.matches('.ck-editor__editable'),
  input: 'beforeinput',
};
