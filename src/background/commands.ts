/**
 * The keyboard shortcut as a browser command (manifest `commands`), so it shows in
 * chrome://extensions/shortcuts and Firefox's shortcut manager and can be remapped. The
 * browser takes the key before the page sees it, so the background forwards it to the
 * tab's content scripts; the frame whose reply box (or card) has focus acts on it.
 */
import browser from 'webextension-polyfill';

export const OPEN_CARD_COMMAND = 'open-card';
/** The one message the background sends to content scripts: no page data, just the command. */
export const COMMAND_MESSAGE = { type: 'tactful-command', command: OPEN_CARD_COMMAND } as const;

export function watchCommands(): void {
  // Absent where commands are unsupported (e.g. some Firefox for Android builds).
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== OPEN_CARD_COMMAND || tab?.id === undefined) return;
    // Every frame gets it; only the one holding focus acts. A tab without our content script rejects: ignore.
    browser.tabs.sendMessage(tab.id, COMMAND_MESSAGE).catch(() => undefined);
  });
}
