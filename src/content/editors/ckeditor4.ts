/**
 * CKEditor 4 (Salesforce Service Cloud runs a customised 4.x): classic mode edits an iframe's
 * body.cke_editable, inline mode a .cke_editable element. An execCommand edit is not an undo
 * snapshot of its own and raises no `change`, so drafts saved on `change` missed it. Its
 * clipboard plugin takes a paste as one undo step (snapshot before and after) and fires
 * `change`; it inserts the text on a later task, hence the longer settle.
 */
import type { EditorSpec } from './spec';

export const ckeditor4: EditorSpec = {
  family: 'ckeditor4',
  matches: (el) => el.classList.contains('cke_editable'),
  input: 'paste',
  settleMs: 600,
};
