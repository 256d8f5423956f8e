/** ProseMirror / TipTap (Intercom, Chatwoot, Zammad's new UI): follows DOM edits and records insertText as one step. */
import type { EditorSpec } from './spec';

export const prosemirror: EditorSpec = {
  family: 'prosemirror',
  matches: (el) => el.matches('.ProseMirror'),
  input: 'execCommand',
};
