// Builds the app's iframe page: src/iframe.html → assets/iframe.html (plus its script and styles),
// with the logos from public/. Relative URLs, because Zendesk serves an app's assets from its own
// path. `npx vite build --config examples/zendesk-app/vite.config.ts`
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const here = import.meta.dirname;

export default defineConfig({
  root: resolve(here, 'src'),
  base: './',
  publicDir: resolve(here, 'public'),
  build: {
    outDir: resolve(here, 'assets'),
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: '.',
    rollupOptions: { input: resolve(here, 'src/iframe.html') },
  },
});
