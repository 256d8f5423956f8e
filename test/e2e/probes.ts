/**
 * Probes for pages whose own scripts are hostile (test/fixtures/hostile-page.html):
 *
 * - cleanWorld(): runs test code in a fresh isolated world of the page (CDP
 *   Page.createIsolatedWorld). It sees the same DOM, shadow roots and highlight registry as the
 *   page, but pristine built-ins, so the test's own measurements are not fooled by the junk
 *   the page installed in its main world (where page.evaluate and locators run).
 * - watchExtensionErrors(): uncaught exceptions, unhandled rejections and console errors or
 *   warnings that come from the extension: raised in its content-script world (a context whose
 *   origin is chrome-extension://<id>) or with a chrome-extension:// frame in their stack.
 *   The page's own errors (it throws on purpose) are left out.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Session } from './harness';

interface Ctx {
  id: number;
  origin: string;
  name: string;
}

interface CallFrame {
  url: string;
}

export interface CleanWorld {
  /** Runs `fn(arg)` in the clean world; `fn` must be self-contained (it is sent as source). */
  run<A, T>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

export async function cleanWorld(s: Session, page: Page): Promise<CleanWorld> {
  const cdp = await s.context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'tactful-test-clean',
  });
  return {
    async run(fn, arg) {
      const res = await cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
        contextId: executionContextId,
        returnByValue: true,
        awaitPromise: true,
      });
      if (res.exceptionDetails) throw new Error(`clean world: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
      return res.result.value as never;
    },
  };
}

export interface ExtensionErrors {
  /** Everything collected so far, one line each. */
  readonly list: string[];
  /** The extension's content-script world in the page's main frame (for the self-check). */
  extensionContext(): number | null;
  cdp: CDPSession;
}

export async function watchExtensionErrors(s: Session, page: Page): Promise<ExtensionErrors> {
  const cdp = await s.context.newCDPSession(page);
  const contexts = new Map<number, Ctx>();
  const list: string[] = [];
  const extOrigin = `chrome-extension://${s.extensionId}`;
  const fromExtension = (ctxId: number | undefined, frames: CallFrame[] | undefined, text: string) =>
    (ctxId !== undefined && contexts.get(ctxId)?.origin.startsWith('chrome-extension://')) ||
    (frames ?? []).some((f) => f.url.startsWith('chrome-extension://')) ||
    text.includes(extOrigin);
  cdp.on('Runtime.executionContextCreated', (e) => contexts.set(e.context.id, { id: e.context.id, origin: e.context.origin, name: e.context.name }));
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    const text = `${d.text} ${d.exception?.description ?? ''}`;
    if (fromExtension(d.executionContextId, d.stackTrace?.callFrames, text)) list.push(`exception: ${text}`);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type !== 'error' && e.type !== 'warning' && e.type !== 'assert') return;
    const text = e.args.map((a) => String(a.value ?? a.description ?? '')).join(' ');
    if (fromExtension(e.executionContextId, e.stackTrace?.callFrames, text)) list.push(`console.${e.type}: ${text}`);
  });
  await cdp.send('Runtime.enable');
  return {
    list,
    cdp,
    extensionContext() {
      for (const c of contexts.values()) if (c.origin === extOrigin) return c.id;
      return null;
    },
  };
}

/**
 * Proves the collector sees the extension's errors: throws (asynchronously, so it is
 * uncaught) inside the extension's content-script world and waits for it to be reported.
 * Without this, an empty error list could mean the filter matches nothing.
 */
export async function selfCheck(errors: ExtensionErrors, poll: (fn: () => boolean) => Promise<void>): Promise<void> {
  const ctx = errors.extensionContext();
  if (ctx === null) throw new Error("the extension's content-script world was not found in the page");
  await errors.cdp.send('Runtime.evaluate', {
    expression: "setTimeout(() => { throw new Error('tactful-probe: uncaught in the content-script world') }, 0)",
    contextId: ctx,
  });
  await poll(() => errors.list.some((l) => l.includes('tactful-probe')));
  for (let i = errors.list.length - 1; i >= 0; i--) if (errors.list[i]!.includes('tactful-probe')) errors.list.splice(i, 1);
}
