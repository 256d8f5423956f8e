/** Every editor family Tactful recognises, most specific first (textarea and plain contenteditable are the defaults). */
import type { EditorSpec } from './spec';
import type { Family } from '../family';
import { prosemirror } from './prosemirror';
import { ckeditor5 } from './ckeditor5';
import { ckeditor4 } from './ckeditor4';
import { quill } from './quill';
import { lexical } from './lexical';
import { slate } from './slate';
import { draftjs } from './draftjs';
import { tinymce } from './tinymce';
import { froala } from './froala';
import { redactor } from './redactor';
import { summernote } from './summernote';
import { trix } from './trix';
import { roosterjs } from './roosterjs';

export type { EditorSpec, InputPath } from './spec';

export const EDITORS: readonly EditorSpec[] = [
  prosemirror,
  ckeditor5,
  ckeditor4,
  quill,
  lexical,
  slate,
  draftjs,
  tinymce,
  froala,
  redactor,
  summernote,
  trix,
  roosterjs,
];

const DEFAULT: EditorSpec = { family: 'contenteditable', matches: () => true, input: 'execCommand' };
const TEXTAREA: EditorSpec = { family: 'textarea', matches: (el) => el.tagName === 'TEXTAREA', input: 'execCommand' };

export function editorSpec(el: HTMLElement): EditorSpec {
  if (el.tagName === 'TEXTAREA') return TEXTAREA;
  return EDITORS.find((e) => e.matches(el)) ?? DEFAULT;
}

export function specOf(family: Family): EditorSpec {
  if (family === 'textarea') return TEXTAREA;
  return EDITORS.find((e) => e.family === family) ?? DEFAULT;
}
