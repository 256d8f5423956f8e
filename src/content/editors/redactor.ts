/** Redactor (osTicket): follows DOM edits. */
import type { EditorSpec } from './spec';

export const redactor: EditorSpec = {
  family: 'redactor',
  matches: (el) => el.matches('.redactor-in, .redactor-editor'),
  input: 'execCommand',
};
