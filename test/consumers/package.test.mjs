// The package as published (scripts/pack.mjs): what the tarball holds, the ecosystem's packaging
// linters (publint, Are the Types Wrong), and server rendering: importing every entry in Node has
// no effect beyond definitions and lets the process exit.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { root } from '../../scripts/ensure.mjs';
import { packageDir, packRoot, packed } from '../../scripts/pack.mjs';

const run = promisify(execFile);
const { tarball, files } = packed();
const pkg = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8'));

describe('the packed package', () => {
  it('holds custom-elements.json, the themes, and the JavaScript and types of every export', () => {
    const has = new Set(files);
    assert.ok(has.has('custom-elements.json'), 'custom-elements.json is in the tarball');
    assert.equal(pkg.customElements, 'custom-elements.json');
    const manifest = JSON.parse(readFileSync(`${packageDir}/custom-elements.json`, 'utf8'));
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName);
    assert.deepEqual(tags.sort(), ['mend-approval-queue', 'mend-baggage-banner', 'mend-fund-meter', 'mend-host', 'mend-offer-picker', 'mend-recovery-report', 'mend-root-cause-logger']);
    assert.ok(files.some((f) => /^themes\/.+\.css$/.test(f)), 'the themes are in the tarball');
    const missing = [];
    for (const [name, target] of Object.entries(pkg.exports)) {
      if (name.includes('*')) continue;
      const paths = typeof target === 'string' ? [target] : [target.types, target.default];
      if (typeof target !== 'string') assert.ok(target.types && target.default, `${name} has types and JavaScript`);
      for (const p of paths) if (!has.has(p.replace(/^\.\//, ''))) missing.push(`${name}: ${p}`);
    }
    assert.deepEqual(missing, [], 'every file the exports name is in the tarball');
  });

  it('publint finds nothing to fix', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const { messages } = await publint({ pkgDir: packageDir, level: 'suggestion', pack: false });
    assert.deepEqual(
      messages.map((m) => `${m.type}: ${formatMessage(m, pkg)}`),
      [],
    );
  });

  it('Are the Types Wrong finds no problem (an ESM-only package: the esm-only profile)', async () => {
    const result = await run('npx', ['attw', tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-emoji', '--no-color'], {
      cwd: root,
    }).catch((error) => error);
    assert.equal(result.code ?? 0, 0, `attw:\n${result.stdout}${result.stderr}`);
  });

  it('server rendering: every entry imports in Node, defines its elements, and the process exits by itself', async () => {
    const entries = Object.keys(pkg.exports)
      .filter((name) => !name.includes('*') && !name.endsWith('.json'))
      .map((name) => (name === '.' ? 'mend-widgets' : `mend-widgets/${name.slice(2)}`));
    const script = `
      for (const spec of ${JSON.stringify(entries)}) await import(spec);
      const { LocalAdapter } = await import('mend-widgets/adapter/local');
      const { MemoryAdapter } = await import('mend-widgets/adapter/memory');
      new LocalAdapter(); new MemoryAdapter();
      const tags = ['mend-host', 'mend-baggage-banner', 'mend-offer-picker', 'mend-fund-meter', 'mend-root-cause-logger'];
      console.log(tags.filter((t) => customElements.get(t)).length);
    `;
    // Resolved from .tmp/pack: `mend-widgets` is the unpacked tarball. A BroadcastChannel, a timer
    // or a database left open would keep the process alive until the timeout.
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: packRoot, timeout: 20_000 });
    assert.equal(stdout.trim(), '5');
  });
});
