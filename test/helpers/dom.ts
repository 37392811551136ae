// Reading what a user sees: the one set of DOM helpers every test uses.

/** Text of a node as a person reads it: whitespace collapsed and trimmed. */
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** An element inside a widget's shadow root (null when the widget or the element is missing). */
export function inside<T extends Element = HTMLElement>(root: ParentNode, tag: string, selector: string): T | null {
  return root.querySelector(tag)?.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** The first element matching `selector` in `el`'s shadow root (null when there is none). */
export const q = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => el.shadowRoot?.querySelector<T>(selector) ?? null;

/** Every element matching `selector` in `el`'s shadow root. */
export const qa = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
