// Library build: ESM, one file per public entry (with shared chunks), dependencies left external
// for npm consumers; declarations from tsc.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { ensurePackages, root, run } from './ensure.mjs';
import { publicEntries } from './entries.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

ensurePackages();
rmSync(`${root}/dist`, { recursive: true, force: true });
const entries = publicEntries();
await esbuild.build({
  absWorkingDir: root,
  entryPoints: entries.map((e) => e.src),
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  sourcemap: true,
  minifySyntax: true,
  packages: 'external',
  tsconfig: 'tsconfig.json',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [minifyTemplatesPlugin],
  logLevel: 'warning',
});
run('npx', ['tsc', '-p', 'tsconfig.json', '--emitDeclarationOnly', '--declarationMap', 'false']);
console.log(`[mend] built ${entries.length} entry points into dist/`);
