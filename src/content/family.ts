/** Which editor is this, and is it a field Tactful should watch at all? Decided from the DOM, not per site. */
import { editorSpec } from './editors/index';

export type Family =
  | 'textarea'
  | 'prosemirror'
  | 'ckeditor5'
  | 'quill'
  | 'lexical'
  | 'slate'
  | 'draftjs'
  | 'tinymce'
  | 'froala'
  | 'redactor'
  | 'summernote'
  | 'trix'
  | 'ckeditor4'
  | 'roosterjs'
  | 'contenteditable';

export function detectFamily(el: HTMLElement): Family {
  return editorSpec(el).family;
}

/** Outermost editable element of a contenteditable region. */
export function isEditableRoot(el: HTMLElement): boolean {
  if (!el.isContentEditable) return false;
  const parent = el.parentElement;
  return !parent || !parent.isContentEditable;
}

const INTERNAL_NOTE_SELECTOR = [
  '[class*="internal-note" i]',
  '[class*="internal_note" i]',
  '[class*="internalnote" i]',
  '[class*="private-note" i]',
  '[class*="private_note" i]',
  '[data-test-id*="internal-note" i]',
  '[data-testid*="internal-note" i]',
  '[data-note-type="internal"]',
  '[data-tactful-internal-note]',
  '.is-internal',
  '.note-editor-internal',
].join(',');

/** Help-desk internal notes are for colleagues, not customers (checking them is off by default). */
export function isInternalNote(el: HTMLElement): boolean {
  const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('placeholder') ?? ''} ${el.getAttribute('data-placeholder') ?? ''}`;
  if (/\b(internal|private) note\b/i.test(label)) return true;
  return el.closest(INTERNAL_NOTE_SELECTOR) !== null;
}

/** Should this element be watched as a reply field? */
export function isCandidate(el: HTMLElement): boolean {
  if (el.closest('tactful-overlay')) return false;
  if (el.tagName === 'TEXTAREA') {
    const ta = el as HTMLTextAreaElement;
    if (ta.disabled || ta.readOnly) return false;
    if (ta.getAttribute('aria-hidden') === 'true') return false;
    const ac = (ta.getAttribute('autocomplete') ?? '').toLowerCase();
    if (/password|username|one-time-code|email/.test(ac)) return false;
    return true;
  }
  if (!isEditableRoot(el)) return false;
  const role = el.getAttribute('role');
  if (role === 'searchbox' || role === 'combobox' || el.closest('[role="search"]')) return false;
  if (el.getAttribute('aria-multiline') === 'false') return false;
  if (el.tagName === 'INPUT') return false;
  return true;
}
