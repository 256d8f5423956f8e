/** TinyMCE (iframe body#tinymce, or inline .mce-content-body). */
import type { EditorSpec } from './spec';

export const tinymce: EditorSpec = {
  family: 'tinymce',
  matches: (el) => el.matches('body#tinymce, .mce-content-body'),
  input: 'execCommand',
  /**
   * TinyMCE keeps its own undo levels and records one for an `input` event of type
   * insertReplacementText (what a spell-checker replacement fires). Announcing the edit before
   * and after makes it one undo step, with the text before it as the previous level.
   */
  announce(el) {
    const win = el.ownerDocument.defaultView as Window & typeof globalThis;
    el.dispatchEvent(new win.InputEvent('input', { inputType: 'insertReplacementText', bubbles: true }));
  },
};
