/**
 * roosterjs 9 (Outlook on the web). Its undo plugin snapshots on its own keyboard, paste and
 * format operations and never on a DOM edit it did not make, so after a plain execCommand
 * Ctrl+Z undid the rewrite and the agent's last typed word. Its paste handler is not usable
 * from outside in every browser (in Firefox it reads a synthetic paste's text as empty and
 * only deletes the selection), but its drop handler is: for a drop it did not prevent, on the
 * next frame it takes an undo snapshot and raises contentChanged (what Outlook's draft
 * autosave listens to). An empty drop before the edit snapshots the text before it, one after
 * snapshots the rewrite: one undo step, exactly the text before.
 * Recognised by what the editor does to its content div: it sets an inline `user-select: text`
 * on it (LifecyclePlugin) and writes paragraphs as <div>s. No class or attribute marks it; a
 * plain contenteditable mistaken for it gets the same execCommand edit plus two empty drops.
 */
import type { EditorSpec } from './spec';

function emptyDrop(el: HTMLElement): Promise<void> {
  const win = el.ownerDocument.defaultView as Window & typeof globalThis;
  // An empty DataTransfer: nothing is dropped, and handlers that read its files find none.
  el.dispatchEvent(new win.DragEvent('drop', { dataTransfer: new win.DataTransfer(), bubbles: true, cancelable: true, composed: true }));
  // roosterjs snapshots in the next animation frame: wait it out so the edit comes after.
  return new Promise((done) => win.requestAnimationFrame(() => setTimeout(done, 0)));
}

export const roosterjs: EditorSpec = {
  family: 'roosterjs',
  matches: (el) => el.style.userSelect === 'text' && el.isContentEditable && el.querySelector(':scope > p') === null,
  input: 'execCommand',
  announce: emptyDrop,
};
