/** Froala (Freshdesk): follows DOM edits. */
import type { EditorSpec } from './spec';

export const froala: EditorSpec = {
  family: 'froala',
  matches: (el) => el.matches('.fr-element'),
  input: 'execCommand',
};
