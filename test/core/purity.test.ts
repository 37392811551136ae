import { expect } from '@open-wc/testing';

// "Done when src/core imports nothing from Lit or the DOM": read the modules as the browser gets them.
const MODULES = ['model', 'reasons', 'money', 'fund', 'baggage', 'recovery', 'root-cause', 'root-cause-suggest', 'report', 'write-key', 'index'];

async function impurities(path: string): Promise<string[]> {
  const res = await fetch(new URL(path, import.meta.url));
  if (!res.ok) return [`${path}: ${res.status}`];
  const code = (await res.text()).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const imports = [...code.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const bad = imports.filter((spec) => !/^\.\/[a-z-]+\.(js|ts)$/.test(spec)).map((spec) => `${path} imports ${spec}`);
  const dom = code.match(/\b(document|window|customElements|HTMLElement|localStorage|indexedDB|navigator)\b/);
  if (dom) bad.push(`${path} uses ${dom[0]}`);
  return bad;
}

describe('core: pure rules', () => {
  it('src/core imports only src/core, and uses no Lit and no DOM', async () => {
    for (const name of MODULES) expect(await impurities(`../../src/core/${name}.ts`)).to.deep.equal([]);
  });

  it('the same check flags a module that uses Lit (so the check above can fail)', async () => {
    expect((await impurities('../../src/controllers/host-controller.ts')).join()).to.contain('lit');
  });
});
