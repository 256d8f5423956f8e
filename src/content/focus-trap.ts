/**
 * Keyboard behaviour shared by the card and the panel: Tab and Shift+Tab cycle through their
 * buttons instead of leaving for the page (the overlay sits at the end of <body>, so the
 * browser would otherwise carry focus somewhere unrelated), and Escape from any element
 * inside closes them.
 */
export function trapFocus(root: HTMLElement, onEscape: () => void): void {
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onEscape();
      return;
    }
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const items = [...root.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex="0"]')];
    if (!items.length) return;
    const active = (root.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement | null;
    const i = active ? items.indexOf(active) : -1;
    const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === -1 || i === items.length - 1 ? 0 : i + 1;
    e.preventDefault();
    e.stopPropagation();
    items[next]!.focus();
  });
}

/** Cuts a quoted phrase at the last word boundary before `max` characters. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.search(/\s\S*$/);
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, '')}…`;
}
