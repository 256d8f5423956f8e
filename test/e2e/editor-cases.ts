/** The rich editors from node_modules the browser tests run (fixture page, editable, how its undo groups and redoes). */

export interface RichCase {
  name: string;
  page: string;
  /** The editable element (inside `frame` for TinyMCE, CKEditor 4 classic and the framed Quill; Playwright's selectors pierce open shadow roots). */
  editable: string;
  frame?: string;
  /** Editors whose history groups edits closer than this (ms) into one undo step. */
  undoGroupMs: number;
  /** The editor's own redo shortcut. */
  redo: string;
  /** The fixture records the editor's own change event (fixture.changes). */
  changeEvent?: boolean;
  /** Text the fixture starts with (the test types after it). */
  prefill?: string;
}

export const REDO = 'Control+Shift+z';
export const RICH_CASES: RichCase[] = [
  { name: 'CKEditor 5', page: 'ckeditor.html', editable: '.ck-editor__editable', undoGroupMs: 0, redo: REDO, changeEvent: true },
  { name: 'Quill 2', page: 'quill.html', editable: '.ql-editor', undoGroupMs: 400, redo: REDO, changeEvent: true },
  { name: 'Quill 2 in a shadow root in an iframe', page: 'quill-shadow.html', editable: '.ql-editor', frame: '#composer-frame', undoGroupMs: 400, redo: REDO, changeEvent: true },
  { name: 'Lexical', page: 'lexical.html', editable: '[data-lexical-editor]', undoGroupMs: 400, redo: REDO, changeEvent: true },
  { name: 'Slate', page: 'slate.html', editable: '[data-slate-editor]', undoGroupMs: 0, redo: REDO, changeEvent: true },
  { name: 'Slate 0.47 (Help Scout)', page: 'slate-047.html', editable: '[data-slate-editor]', undoGroupMs: 0, redo: 'Control+y', changeEvent: true, prefill: 'Hi Sam,' },
  { name: 'Draft.js', page: 'draft.html', editable: '.public-DraftEditor-content', undoGroupMs: 0, redo: REDO, changeEvent: true },
  { name: 'TinyMCE', page: 'tinymce.html', editable: 'body#tinymce', frame: 'iframe.tox-edit-area__iframe, .tox-edit-area iframe', undoGroupMs: 0, redo: REDO, changeEvent: true },
  { name: 'roosterjs 9', page: 'roosterjs.html', editable: '#editor', undoGroupMs: 0, redo: 'Control+y', changeEvent: true },
  { name: 'Trix 2', page: 'trix.html', editable: 'trix-editor', undoGroupMs: 0, redo: REDO, changeEvent: true },
  { name: 'CKEditor 4 (classic, iframe)', page: 'ckeditor4.html', editable: 'body.cke_editable', frame: 'iframe.cke_wysiwyg_frame', undoGroupMs: 0, redo: 'Control+y', changeEvent: true },
  { name: 'CKEditor 4 (inline)', page: 'ckeditor4-inline.html', editable: '#editor', undoGroupMs: 0, redo: 'Control+y', changeEvent: true },
];

