/** Lexical: models beforeinput (insertReplacementText with targetRanges). */
import type { EditorSpec } from './spec';

export const lexical: EditorSpec = {
  family: 'lexical',
  matches: (el) => el.matches('[data-lexical-editor]'),
  input: 'beforeinput',
};
