/**
 * The shortcut as the browser delivers it: the manifest's `open-card` command, forwarded by
 * the background (src/background/commands.ts). The field's own keydown (isShortcutKey) stays as
 * the path for pages where the browser does not take the key first; `ShortcutGate` keeps one
 * press from acting twice when both arrive.
 */
import browser from 'webextension-polyfill';

function isCommand(m: unknown): boolean {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'tactful-command' && (m as { command?: unknown }).command === 'open-card';
}

/** Calls `onCommand` for each forwarded press; returns the unsubscribe. */
export function listenForCommands(onCommand: () => void): () => void {
  const listener = (m: unknown) => {
    if (isCommand(m)) onCommand();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
