/**
 * roosterjs 9 (Outlook on the web). Its undo plugin snapshots on its own keyboard, paste and
 * format operations and never on a DOM edit it did not make, so after an execCommand Ctrl+Z
 * undid the rewrite and the agent's last typed word. Its paste handler goes through
 * formatContentModel: a snapshot before and after, then a contentChanged event (what Outlook's
 * draft autosave listens to).
 * Recognised by what the editor does to its content div: it sets an inline `user-select: text`
 * on it (LifecyclePlugin) and writes paragraphs as <div>s. No class or attribute marks it; a
 * plain contenteditable mistaken for it still gets the edit (an unhandled paste falls back to
 * execCommand in apply.ts).
 */
import type { EditorSpec } from './spec';

export const roosterjs: EditorSpec = {
  family: 'roosterjs',
  matches: (el) => el.style.userSelect === 'text' && el.isContentEditable && el.querySelector(':scope > p') === null,
  input: 'paste',
};
