// Demo help-desk page: a real ProseMirror editor next to a textarea and a plain contenteditable.
import 'prosemirror-view/style/prosemirror.css';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';

const mount = document.getElementById('reply-rich');
if (mount) {
  const view = new EditorView(mount, {
    state: EditorState.create({
      schema,
      plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }), keymap(baseKeymap)],
    }),
  });
  (window as unknown as { pmView: EditorView }).pmView = view;
}
