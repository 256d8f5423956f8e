/** Quill 2 (also inside shadow roots and iframes, as Salesforce embeds it): models beforeinput. */
import type { EditorSpec } from './spec';

export const quill: EditorSpec = {
  family: 'quill',
  matches: (el) => el.matches('.ql-editor'),
  input: 'beforeinput',
};
