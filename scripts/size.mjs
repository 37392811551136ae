// Size budgets, as a consumer sees them: each public entry bundled and minified with esbuild, `lit`
// external, then gzip -9. Fails (exit 1) when a budget is exceeded; always prints the table.
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { root } from './ensure.mjs';
import { publicEntries } from './entries.mjs';

const KB = 1000;
const WIDGET_BUDGET = 10 * KB;
const ENTRY_BUDGET = 16 * KB; // non-widget entries (adapter layer, local CRM, core, bridge, contract)
const TOTAL_BUDGET = 24 * KB;
const external = ['lit', 'lit/*', 'lit-html', 'lit-html/*', '@lit/reactive-element', '@lit/reactive-element/*', 'lit-element', 'lit-element/*'];

async function gzipSize(contents, name) {
  const result = await esbuild.build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: name },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    external,
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const entries = publicEntries().filter((e) => !e.name.endsWith('/contract')); // the contract suite is test tooling
const rows = [];
let failed = false;
for (const entry of entries) {
  const { raw, gzip } = await gzipSize(`export * from './${entry.src}';`, entry.name);
  const widget = entry.src.startsWith('src/define/') && !entry.src.endsWith('/host.ts');
  const budget = widget ? WIDGET_BUDGET : ENTRY_BUDGET;
  const ok = gzip <= budget;
  failed ||= !ok;
  rows.push({ entry: entry.name, raw, gzip, budget, ok });
}
// `export *` of several entries can clash on names: namespace them instead.
const together = await gzipSize(entries.map((e, i) => `export * as e${i} from './${e.src}';`).join('\n'), 'together');
const totalOk = together.gzip <= TOTAL_BUDGET;
failed ||= !totalOk;
rows.push({ entry: 'every entry together', raw: together.raw, gzip: together.gzip, budget: TOTAL_BUDGET, ok: totalOk });

const pad = (s, n) => String(s).padEnd(n);
console.log('\nSize budgets (esbuild --minify, lit external, gzip -9):');
console.log(`${pad('entry', 30)}${pad('min', 10)}${pad('gzip', 10)}${pad('budget', 10)}`);
for (const r of rows) {
  console.log(`${pad(r.entry, 30)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.budget, 10)}${r.ok ? 'ok' : 'OVER BUDGET'}`);
}
if (failed) {
  console.error('\nsize: a budget is exceeded.');
  process.exit(1);
}
