import { ContextRoot } from '@lit/context';

const ROOT = Symbol.for('mend.context-root');

/**
 * Register a custom element once; a second copy of the package on the page must not throw.
 *
 * The first registration also attaches a `ContextRoot` to the document (once per page, whatever the
 * number of copies): a widget that asked for `<mend-host>`'s adapter before `<mend-host>` was
 * defined gets it when the host upgrades, so import order does not matter. In Node (server
 * rendering) there is no document and nothing is attached.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const doc = globalThis.document as (Document & { [ROOT]?: true }) | undefined;
  if (doc?.documentElement && !doc[ROOT]) {
    doc[ROOT] = true;
    new ContextRoot().attach(doc.documentElement);
  }
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
