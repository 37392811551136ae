/**
 * The practical floor for a first render: the same DOM a widget rendered, built by straight-line
 * `document.createElement` code in a shadow root that adopts the widget's own style sheets.
 *
 * `capture()` records a rendered shadow root (elements, attributes, text; Lit's marker comments are
 * left out), and `compile()` turns that record into one function of plain DOM calls, exactly the
 * code a person would write by hand for that state, with a listener on every control as the widget
 * has. The bench runs the same core rules before calling it, so the floor does the same domain work.
 */

export interface VElement {
  tag: string;
  svg: boolean;
  attrs: Array<[string, string]>;
  children: VNode[];
}
export type VNode = VElement | string;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Record the DOM under a shadow root (or any node). */
export function capture(root: Node): VNode[] {
  const out: VNode[] = [];
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      out.push({
        tag: el.localName,
        svg: el.namespaceURI === SVG_NS,
        attrs: Array.from(el.attributes, (a) => [a.name, a.value] as [string, string]),
        children: capture(el),
      });
    }
  }
  return out;
}

/** Count elements, to check that the floor built the same tree as the widget. */
export function countElements(nodes: readonly VNode[]): number {
  let n = 0;
  for (const node of nodes) if (typeof node !== 'string') n += 1 + countElements(node.children);
  return n;
}

const EVENTS: Record<string, string> = { button: 'click', input: 'input', textarea: 'input', select: 'change' };

export type Builder = (host: HTMLElement, sheets: CSSStyleSheet[], listener: EventListener) => ShadowRoot;

/** Generate the hand-written builder for a recorded tree. */
export function compile(nodes: readonly VNode[]): Builder {
  const lines: string[] = ['const d = document;', 'const r = host.attachShadow({ mode: "open" });', 'r.adoptedStyleSheets = sheets;'];
  let next = 0;
  const emit = (node: VNode, parent: string): void => {
    if (typeof node === 'string') {
      lines.push(`${parent}.appendChild(d.createTextNode(${JSON.stringify(node)}));`);
      return;
    }
    const v = `n${next++}`;
    lines.push(
      node.svg
        ? `const ${v} = d.createElementNS(${JSON.stringify(SVG_NS)}, ${JSON.stringify(node.tag)});`
        : `const ${v} = d.createElement(${JSON.stringify(node.tag)});`,
    );
    for (const [name, value] of node.attrs) lines.push(`${v}.setAttribute(${JSON.stringify(name)}, ${JSON.stringify(value)});`);
    const event = EVENTS[node.tag];
    if (event) lines.push(`${v}.addEventListener(${JSON.stringify(event)}, listener);`);
    for (const child of node.children) emit(child, v);
    lines.push(`${parent}.appendChild(${v});`);
  };
  for (const node of nodes) emit(node, 'r');
  lines.push('return r;');
  return new Function('host', 'sheets', 'listener', lines.join('\n')) as Builder;
}
