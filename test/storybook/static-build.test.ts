import { expect } from '@open-wc/testing';

/**
 * Checks the STATIC Storybook build (storybook-static/, made by `npm run build:storybook`, which
 * `npm test` runs first): every story renders its element in Chromium with no error and no axe
 * violation (WCAG 2.2 AA). The static build is what designers and the docs site get; a
 * `sideEffects` list that misses the define files would drop elements there silently.
 */
interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const index = (await fetch('/storybook-static/index.json')
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null)) as { entries: Record<string, IndexEntry> } | null;
const stories = Object.values(index?.entries ?? {}).filter((e) => e.type === 'story');

function waitFor<T>(check: () => T | undefined | null | false, timeout = 15000): Promise<T> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const value = check();
      if (value) return resolve(value);
      if (performance.now() - start > timeout) return reject(new Error('timed out'));
      setTimeout(tick, 25);
    };
    tick();
  });
}

function loadScript(doc: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = doc.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`could not load ${src}`));
    doc.head.append(s);
  });
}

describe('static Storybook build', () => {
  it('exists and has stories for every widget and the host', () => {
    expect(index, 'storybook-static/index.json (run `npm run build:storybook`)').to.not.equal(null);
    const titles = new Set(stories.map((s) => s.title.toLowerCase()));
    for (const widget of ['baggage banner', 'offer picker', 'fund meter', 'root-cause logger', 'approval queue', 'recovery report']) {
      expect([...titles].some((t) => t.includes(widget)), `stories for ${widget}`).to.equal(true);
    }
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name}: renders with no error and no axe violation`, async function () {
      this.timeout(30000);
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:1024px;height:900px;border:0';
      frame.src = `/storybook-static/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`;
      document.body.append(frame);
      try {
        const doc = await waitFor(() => {
          const d = frame.contentDocument;
          return d && d.body && (d.body.classList.contains('sb-show-main') || d.body.classList.contains('sb-show-errordisplay')) ? d : null;
        });
        const error = doc.querySelector('#error-message')?.textContent ?? '';
        expect(doc.body.classList.contains('sb-show-errordisplay'), `story error: ${error}`).to.equal(false);
        const root = doc.querySelector('#storybook-root')!;
        const win = frame.contentWindow as Window & typeof globalThis & { axe?: { run: (...args: unknown[]) => unknown } };
        const elements = await waitFor(() => {
          const found = [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('mend-'));
          return found.length && found.every((el) => win.customElements.get(el.localName)) ? found : null;
        });
        expect(elements.length).to.be.greaterThan(0);
        // Let the elements settle (first render, data from the in-memory host).
        await Promise.all(elements.map((el) => (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete));
        await new Promise((r) => setTimeout(r, 150));
        for (const el of elements) {
          if (el.localName !== 'mend-host') expect(el.shadowRoot?.childElementCount ?? 0, `${el.localName} rendered`).to.be.greaterThan(0);
        }
        if (!win.axe) await loadScript(doc, '/node_modules/axe-core/axe.min.js');
        // Storybook's a11y addon may be running axe in the same frame: wait for it to finish.
        let results: unknown;
        for (let attempt = 0; ; attempt++) {
          try {
            results = await win.axe!.run(root, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
            break;
          } catch (error) {
            if (attempt > 50 || !String(error).includes('already running')) throw error;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        const violations = (results as { violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }).violations;
        expect(
          violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
        ).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }
});
