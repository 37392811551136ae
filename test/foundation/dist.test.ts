import { expect } from '@open-wc/testing';

// Loads the built bundle (not the sources) in the browser: a build the browser cannot parse
// (e.g. untransformed decorators) fails here.
describe('built dist/', () => {
  it('loads in the browser and registers <mend-host>', async () => {
    const url = new URL('../../dist/index.js', import.meta.url).href;
    const mod = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    expect(mod.MendHost).to.be.a('function');
    expect(customElements.get('mend-host')).to.equal(mod.MendHost);
  });

  it('registering twice (two copies on one page) does not throw', async () => {
    const { define } = (await import(/* @vite-ignore */ new URL('../../dist/define/host.js', import.meta.url).href)) as {
      define?: unknown;
    };
    void define;
    class Copy extends HTMLElement {}
    const { define: defineSrc } = await import('../../src/define/define.js');
    expect(() => defineSrc('mend-host', Copy)).not.to.throw();
    expect(customElements.get('mend-host')).not.to.equal(Copy);
  });
});
