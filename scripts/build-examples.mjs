// Builds the host examples (part of `npm test`), so that they keep compiling against the library:
// - examples/genesys-widget: the interaction widget page, with Vite (the two Genesys SDKs' browser
//   builds copied beside it into vendor/);
// - examples/flex-plugin: the plugin entry, with esbuild, React and the Flex packages external (Flex
//   provides them at run time).
// `mend-widgets/<entry>` resolves to the library's sources through package.json's exports (so no
// dist/ is needed); a subpath not exported (yet) resolves to src/<subpath>.ts when it exists, and
// one that is neither (the service adapter before its branch lands) is left external, with a warning.
// Output in .tmp/examples/ (not committed).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { root } from './ensure.mjs';
import { publicEntries } from './entries.mjs';

const started = performance.now();
const entries = new Map(publicEntries().map((e) => [e.name === '.' ? 'mend-widgets' : `mend-widgets/${e.name.slice(2)}`, resolve(root, e.src)]));

const missing = new Set();
/** `mend-widgets/...` → the source file, or null when this checkout has no such module (left external). */
function librarySource(id) {
  if (entries.has(id)) return entries.get(id);
  const file = resolve(root, 'src', `${id.slice('mend-widgets/'.length)}.ts`);
  if (existsSync(file)) return file;
  missing.add(id);
  return null;
}

const out = resolve(root, '.tmp/examples');

// 1. The Genesys Cloud widget page (Vite).
const vendor = {
  'purecloud-platform-client-v2.min.js': 'node_modules/purecloud-platform-client-v2/dist/web-cjs/purecloud-platform-client-v2.min.js',
  'purecloud-client-app-sdk.js': 'node_modules/purecloud-client-app-sdk/dist/purecloud-client-app-sdk.js',
};
await build({
  configFile: false,
  root: resolve(root, 'examples/genesys-widget'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: { outDir: resolve(out, 'genesys-widget'), emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, modulePreload: { polyfill: false } },
  plugins: [
    {
      name: 'mend-library-sources',
      enforce: 'pre',
      resolveId: (id) => {
        if (id !== 'mend-widgets' && !id.startsWith('mend-widgets/')) return undefined;
        return librarySource(id) ?? { id, external: true };
      },
    },
    {
      name: 'genesys-sdk-vendor',
      // The SDKs are classic scripts the page loads by <script src="./vendor/...">: copy them as they ship.
      generateBundle() {
        for (const [name, from] of Object.entries(vendor)) this.emitFile({ type: 'asset', fileName: `vendor/${name}`, source: readFileSync(resolve(root, from)) });
      },
    },
  ],
});

// 2. The Twilio Flex plugin entry (esbuild).
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['examples/flex-plugin/src/index.ts'],
  outfile: resolve(out, 'flex-plugin/plugin-mend.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  minify: true,
  tsconfig: 'tsconfig.json',
  external: ['react', 'react-dom', '@twilio/flex-ui', '@twilio/flex-plugin'],
  logLevel: 'warning',
  plugins: [
    {
      name: 'mend-library-sources',
      setup(b) {
        b.onResolve({ filter: /^mend-widgets(\/|$)/ }, (args) => {
          const path = librarySource(args.path);
          return path ? { path } : { path: args.path, external: true };
        });
      },
    },
  ],
});

if (missing.size) console.warn(`[mend] examples: left external, not in this checkout: ${[...missing].join(', ')}`);
console.log(`[mend] built examples/genesys-widget and examples/flex-plugin into .tmp/examples/ in ${Math.round(performance.now() - started)} ms`);
