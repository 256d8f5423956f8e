/**
 * Finds reply fields: textareas and contenteditable roots in the document, in open shadow
 * roots and in same-origin iframes (including about:blank ones), now and when added later.
 */
import { isEditableRoot } from './family';

export interface DiscoveryCallbacks {
  /** A possible field (not yet filtered). */
  found(el: HTMLElement): void;
  /** Nodes were removed: drop fields that left the DOM. */
  pruned(): void;
}

export class Discovery {
  private observers = new Map<Node, MutationObserver>();
  private frames = new WeakSet<Element>();
  private frameCleanups: Array<() => void> = [];

  constructor(private readonly cb: DiscoveryCallbacks) {}

  start(doc: Document): void {
    this.watch(doc);
  }

  stop(): void {
    for (const mo of this.observers.values()) mo.disconnect();
    this.observers.clear();
    for (const c of this.frameCleanups.splice(0)) c();
    this.frames = new WeakSet();
  }

  private watch(root: Document | ShadowRoot): void {
    if (this.observers.has(root)) return;
    const win = (root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument).defaultView;
    if (!win) return;
    const mo = new win.MutationObserver((records) => this.onMutations(records));
    mo.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    this.observers.set(root, mo);
    if (root.nodeType === 9) {
      const doc = root as Document;
      if (doc.designMode === 'on' && doc.body) this.cb.found(doc.body);
    }
    this.scan(root);
  }

  private onMutations(records: MutationRecord[]): void {
    let removed = false;
    for (const r of records) {
      if (r.type === 'attributes') {
        const el = r.target as HTMLElement;
        this.check(el);
        // A region that became editable may contain an old candidate root.
        continue;
      }
      for (const n of r.addedNodes) if (n.nodeType === 1) this.scan(n as Element);
      if (r.removedNodes.length > 0) removed = true;
    }
    if (removed) this.cb.pruned();
  }

  private scan(node: ParentNode & Node): void {
    if (node.nodeType === 1) this.check(node as Element);
    const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
    if (!doc) return;
    const walker = doc.createTreeWalker(node, 1 /* SHOW_ELEMENT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) this.check(n as Element);
  }

  private check(el: Element): void {
    const tag = el.tagName;
    if (tag === 'TACTFUL-OVERLAY') return;
    if (tag === 'TEXTAREA') {
      this.cb.found(el as HTMLElement);
    } else if (tag === 'IFRAME' || tag === 'FRAME') {
      this.watchFrame(el as HTMLIFrameElement);
    } else if (el.hasAttribute('contenteditable') || tag === 'TRIX-EDITOR') {
      const h = el as HTMLElement;
      if (isEditableRoot(h)) this.cb.found(h);
    }
    const shadow = (el as HTMLElement).shadowRoot;
    if (shadow) this.watch(shadow);
  }

  private watchFrame(frame: HTMLIFrameElement): void {
    if (this.frames.has(frame)) return;
    this.frames.add(frame);
    const attach = () => {
      let doc: Document | null = null;
      try {
        doc = frame.contentDocument; // null or throws when cross-origin: that frame runs its own copy
      } catch {
        doc = null;
      }
      if (doc) this.watch(doc);
    };
    attach();
    frame.addEventListener('load', attach);
    this.frameCleanups.push(() => frame.removeEventListener('load', attach));
  }
}
