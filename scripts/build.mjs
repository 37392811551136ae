// Library build: ESM, one file per public entry (with shared chunks), dependencies left external
// for npm consumers; declarations from tsc; custom-elements.json; React and Vue types from it.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensurePackages, root, run } from './ensure.mjs';
import { publicEntries } from './entries.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

ensurePackages();
rmSync(`${root}/dist`, { recursive: true, force: true });
const entries = publicEntries();
// `src/index.ts` re-exports other public entries. Bundled, their code (and so every
// `customElements.define`) would move into a shared chunk, which `sideEffects` does not name, and a
// consumer's bundler would drop the registrations. Kept as imports of the built entry files
// instead, each registration stays in its own `dist/define/*.js`.
const entryFiles = new Set(entries.map((e) => resolve(root, e.src)));
const keepEntriesApart = {
  name: 'keep-entries-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'import-statement' || !entryFiles.has(args.importer)) return undefined;
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return entryFiles.has(target) ? { path: args.path, external: true } : undefined;
    });
  },
};
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
  plugins: [keepEntriesApart, minifyTemplatesPlugin],
  logLevel: 'warning',
});
run('npx', ['tsc', '-p', 'tsconfig.json', '--emitDeclarationOnly', '--declarationMap', 'false']);
// The manifest ships in the package (`customElements`, `exports`), and the React and Vue types are
// generated from it.
run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
run('node', ['scripts/framework-types.mjs']);
console.log(`[mend] built ${entries.length} entry points into dist/`);
